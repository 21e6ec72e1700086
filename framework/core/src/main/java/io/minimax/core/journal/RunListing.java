package io.minimax.core.journal;

import java.util.List;

/**
 * The runs found under a runs folder, and what could not be read.
 *
 * @param runs sorted by start time, then id
 * @param warnings one line per skipped run or folder, naming the file and what is wrong with it
 */
public record RunListing(List<JournaledRun> runs, List<String> warnings)
{
    public RunListing
    {
        runs = List.copyOf(runs);
        warnings = List.copyOf(warnings);
    }
}

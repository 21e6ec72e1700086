package io.minimax.plugin.support;

import com.sun.jna.NativeLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The OpenBLAS libraries this process has loaded, and what they say about themselves. ND4J loads one copy and the
 * direct products ({@code cblas_*} through JavaCPP's preset) another; the preset maps no function that names the
 * kernel in use, so it is asked through JNA, which ND4J already ships.
 */
public final class OpenBlasLibraries
{
    private static final String LIBRARY = "libopenblas";

    private OpenBlasLibraries() {}

    /** The loaded OpenBLAS libraries, from this process's memory map (Linux), the direct products' copy first; none before a load. */
    public static List<Path> loaded()
    {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(line -> line.indexOf('/') >= 0)
                    .map(line -> Path.of(line.substring(line.indexOf('/'))))
                    .filter(path -> path.getFileName().toString().startsWith(LIBRARY))
                    .distinct()
                    .sorted(Comparator.comparing(path -> path.getFileName().toString().contains("nolapack") ? 0 : 1))
                    .toList();
        }
        catch (IOException e) {
            return List.of();
        }
    }

    /** The kernel the direct products' copy runs ({@code openblas_get_corename}, e.g. {@code SkylakeX}); empty when unknown. */
    public static Optional<String> kernel()
    {
        return call(loaded(), "openblas_get_corename");
    }

    /** The string a function without arguments of the first of {@code libraries} that exports it returns. */
    public static Optional<String> call(List<Path> libraries, String function)
    {
        for (Path library : libraries) {
            try {
                return Optional.ofNullable(NativeLibrary.getInstance(library.toString()).getFunction(function)
                        .invokeString(new Object[0], false))
                        .map(String::strip);
            }
            catch (LinkageError e) {
                // not an OpenBLAS build that exports it (try the other copy), or no JNA here: the answer stays unknown
            }
        }
        return Optional.empty();
    }
}

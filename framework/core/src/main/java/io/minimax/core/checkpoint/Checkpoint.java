package io.minimax.core.checkpoint;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One saved state of a run: the step it was taken after, the SHA-256 of the run's resolved descriptor, and its
 * arrays by name, in the order they were saved ({@link CheckpointFiles} describes the names and the files).
 */
public record Checkpoint(long step, String descriptorSha256, Map<String, INDArray> arrays, Path directory)
{
    public Checkpoint
    {
        requireNonNull(descriptorSha256, "descriptorSha256 is null");
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(arrays, "arrays is null")));
        requireNonNull(directory, "directory is null");
    }

    public INDArray array(String name)
    {
        INDArray array = arrays.get(name);
        if (array == null) {
            throw new IllegalArgumentException("checkpoint " + directory + " has no array '" + name + "'");
        }
        return array;
    }
}

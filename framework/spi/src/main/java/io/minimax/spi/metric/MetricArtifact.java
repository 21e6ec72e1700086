package io.minimax.spi.metric;

import static java.util.Objects.requireNonNull;

/**
 * A file a metric hands the framework at an evaluation (the inputs of a number, so others can recompute it), written
 * as {@code artifacts/<fileName>} and published to the run's trackers like the charts. A later artifact of the same
 * name replaces the earlier one.
 *
 * @param content the file's bytes; the record keeps the caller's array, which must not change afterwards
 */
public record MetricArtifact(String fileName, byte[] content)
{
    public MetricArtifact
    {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(content, "content is null");
        if (!fileName.matches("[a-z0-9][a-z0-9._-]*\\.[a-z0-9]+")) {
            throw new IllegalArgumentException("artifact file name must be a lower-case name with an extension (got '" + fileName + "')");
        }
    }
}

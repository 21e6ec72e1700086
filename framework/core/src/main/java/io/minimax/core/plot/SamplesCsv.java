package io.minimax.core.plot;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Samples as CSV for tools outside the JVM ({@code numpy.loadtxt(path, delimiter=",", ndmin=2)}): one sample per line,
 * comma-separated, no header. An {@code [n, d1, d2, ...]} array is flattened to {@code [n, d1 * d2 * ...]} in row-major
 * order. Values are written with {@link Float#toString} (or {@link Double#toString} for a double array): the
 * shortest text that parses back to the same value; non-finite values appear as {@code NaN}, {@code Infinity},
 * {@code -Infinity}.
 */
public final class SamplesCsv
{
    /** Conventional name of the samples drawn at the end of a run. */
    public static final String FINAL_SAMPLES_FILE = "samples-final.csv";

    private SamplesCsv() {}

    /**
     * Replaces {@code file} whole.
     *
     * @param samples {@code [n, ...]}, not modified
     * @return {@code file}
     */
    public static Path write(INDArray samples, Path file)
    {
        requireNonNull(samples, "samples is null");
        requireNonNull(file, "file is null");
        if (samples.rank() < 1 || samples.length() == 0) {
            throw new IllegalArgumentException("samples must have shape [n, ...] with n > 0, not " + Arrays.toString(samples.shape()));
        }
        int rows = (int) samples.size(0);
        int columns = (int) (samples.length() / rows);
        // one copy of the whole buffer, row-major: per-row access goes through a native call per row
        INDArray contiguous = samples.dup('c');
        OutputFiles.replace(file, output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder line = new StringBuilder();
            if (samples.dataType() == DataType.DOUBLE) {
                double[] values = contiguous.data().asDouble();
                for (int row = 0; row < rows; row++) {
                    line.setLength(0);
                    for (int column = 0; column < columns; column++) {
                        line.append(column == 0 ? "" : ",").append(values[row * columns + column]);
                    }
                    writer.append(line).append('\n');
                }
            }
            else {
                float[] values = contiguous.castTo(DataType.FLOAT).data().asFloat();
                for (int row = 0; row < rows; row++) {
                    line.setLength(0);
                    for (int column = 0; column < columns; column++) {
                        line.append(column == 0 ? "" : ",").append(values[row * columns + column]);
                    }
                    writer.append(line).append('\n');
                }
            }
            writer.flush();
        });
        return file;
    }
}

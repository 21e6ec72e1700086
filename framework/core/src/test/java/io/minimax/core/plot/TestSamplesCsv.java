package io.minimax.core.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSamplesCsv
{
    @TempDir
    Path folder;

    @Test
    void floatValuesRoundTrip()
            throws IOException
    {
        Random random = new Random(11);
        float[][] values = new float[300][2];
        for (float[] row : values) {
            row[0] = (float) random.nextGaussian() * 1e-3f;
            row[1] = Float.intBitsToFloat(random.nextInt());
        }
        values[0] = new float[] {Float.NaN, Float.NEGATIVE_INFINITY};
        values[1] = new float[] {Float.MIN_VALUE, -Float.MAX_VALUE};
        Path file = folder.resolve(SamplesCsv.FINAL_SAMPLES_FILE);

        assertThat(SamplesCsv.write(Nd4j.createFromArray(values), file)).isEqualTo(file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(300);
        assertThat(lines.get(0)).isEqualTo("NaN,-Infinity");
        for (int row = 0; row < values.length; row++) {
            String[] fields = lines.get(row).split(",");
            assertThat(fields).hasSize(2);
            for (int column = 0; column < 2; column++) {
                assertThat(Float.floatToIntBits(Float.parseFloat(fields[column])))
                        .as("row %d column %d", row, column)
                        .isEqualTo(Float.floatToIntBits(values[row][column]));
            }
        }
    }

    @Test
    void trailingDimensionsAreFlattenedRowMajor()
            throws IOException
    {
        INDArray images = Nd4j.arange(12).castTo(DataType.FLOAT).reshape('c', 2, 2, 3);
        Path file = folder.resolve("images.csv");

        SamplesCsv.write(images, file);

        assertThat(Files.readAllLines(file)).containsExactly("0.0,1.0,2.0,3.0,4.0,5.0", "6.0,7.0,8.0,9.0,10.0,11.0");
    }

    @Test
    void viewsAreWrittenInLogicalOrder()
            throws IOException
    {
        INDArray columnMajor = Nd4j.createFromArray(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}).dup('f');
        Path file = folder.resolve("view.csv");

        SamplesCsv.write(columnMajor.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()), file);

        assertThat(Files.readAllLines(file)).containsExactly("4.0,5.0,6.0", "7.0,8.0,9.0");
    }

    @Test
    void oneDimensionalAndDoubleSamples()
            throws IOException
    {
        Path file = folder.resolve("line.csv");
        SamplesCsv.write(Nd4j.createFromArray(0.1, 1.0 / 3), file);
        assertThat(Files.readAllLines(file)).containsExactly("0.1", String.valueOf(1.0 / 3));

        SamplesCsv.write(Nd4j.createFromArray(0.1f, 0.25f), file);
        assertThat(Files.readAllLines(file)).containsExactly("0.1", "0.25");
    }

    @Test
    void emptySamplesAreRejected()
    {
        assertThatThrownBy(() -> SamplesCsv.write(Nd4j.zeros(DataType.FLOAT, 0, 2), folder.resolve("empty.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n > 0");
    }
}

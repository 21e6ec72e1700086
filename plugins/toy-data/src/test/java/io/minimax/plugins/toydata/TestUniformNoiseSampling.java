package io.minimax.plugins.toydata;

import io.minimax.spi.data.DataSource;
import io.minimax.testkit.TestContexts;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestUniformNoiseSampling
{
    @Test
    void everyValueIsUniformOnTheInterval()
    {
        double low = -0.5;
        double high = 2.0;
        double[] values = draw(uniformNoise(new UniformNoiseSpec(List.of(784), low, high), 1), 500, DataType.DOUBLE);
        double mean = 0;
        double smallest = Double.MAX_VALUE;
        double largest = -Double.MAX_VALUE;
        for (double value : values) {
            assertThat(value).isGreaterThanOrEqualTo(low).isLessThan(high);
            mean += value / values.length;
            smallest = Math.min(smallest, value);
            largest = Math.max(largest, value);
        }
        double variance = 0;
        for (double value : values) {
            variance += (value - mean) * (value - mean) / (values.length - 1);
        }
        // U[a, b): mean (a + b) / 2, variance (b − a)² / 12; five standard errors on 392 000 values
        double width = high - low;
        double expectedVariance = width * width / 12;
        assertThat(mean).isCloseTo((low + high) / 2, within(5 * Math.sqrt(expectedVariance / values.length)));
        assertThat(variance).isCloseTo(expectedVariance, within(5 * width * width * Math.sqrt(1.0 / 180 / values.length)));
        assertThat(smallest).isCloseTo(low, within(1e-3));
        assertThat(largest).isCloseTo(high, within(1e-3));
    }

    @Test
    void samplesHaveTheSpecsShapeWhateverItsRank()
    {
        DataSource source = uniformNoise(new UniformNoiseSpec(List.of(1, 4, 3), -1.0, 1.0), 2);
        assertThat(source.sampleShape()).containsExactly(1, 4, 3);
        INDArray out = Nd4j.zeros(DataType.FLOAT, 5, 1, 4, 3);
        source.sample(out);
        assertThat(out.amaxNumber().doubleValue()).isPositive().isLessThan(1.0);
        assertThat(out.eq(0.0).castTo(DataType.INT32).sumNumber().intValue()).isZero();
        assertThatThrownBy(() -> source.sample(Nd4j.create(DataType.FLOAT, 5, 12)))
                .hasMessage("samples need shape [m, 1, 4, 3], got [5, 12]");
        assertThatThrownBy(() -> source.sample(Nd4j.create(DataType.FLOAT, 5, 1, 3, 4)))
                .hasMessage("samples need shape [m, 1, 4, 3], got [5, 1, 3, 4]");
    }

    @Test
    void samplesFillTheCallersRowsAndNothingElse()
    {
        DataSource source = uniformNoise(new UniformNoiseSpec(List.of(784), -1.0, 1.0), 3);
        INDArray backing = Nd4j.valueArrayOf(new long[] {20, 784}, 42.0, DataType.FLOAT);
        source.sample(backing.get(NDArrayIndex.interval(5, 15), NDArrayIndex.all()));
        for (int row = 0; row < 20; row++) {
            INDArray values = backing.getRow(row);
            if (row >= 5 && row < 15) {
                assertThat(values.amaxNumber().doubleValue()).as("row %d", row).isLessThan(1.0);
            }
            else {
                assertThat(values.minNumber().doubleValue()).as("row %d", row).isEqualTo(42.0);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSamplesAndAnotherSeedDoesNot()
    {
        UniformNoiseSpec spec = new UniformNoiseSpec(List.of(784), -1.0, 1.0);
        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            assertThat(draw(uniformNoise(spec, 7), 64, dataType))
                    .isEqualTo(draw(uniformNoise(spec, 7), 64, dataType))
                    .isNotEqualTo(draw(uniformNoise(spec, 8), 64, dataType));
        }
    }

    @Test
    void successiveBatchesAreFresh()
    {
        DataSource source = uniformNoise(new UniformNoiseSpec(List.of(784), -1.0, 1.0), 4);
        assertThat(draw(source, 64, DataType.FLOAT)).isNotEqualTo(draw(source, 64, DataType.FLOAT));
    }

    @Test
    void publishesNeitherDensityNorModes()
    {
        DataSource source = uniformNoise(new UniformNoiseSpec(List.of(784), -1.0, 1.0), 1);
        assertThat(source.density()).isEmpty();
        assertThat(source.modes()).isEmpty();
    }

    private static double[] draw(DataSource source, int count, DataType dataType)
    {
        long[] sampleShape = source.sampleShape();
        INDArray out = Nd4j.create(dataType, count, sampleShape[0]);
        source.sample(out);
        return out.dup('c').data().asDouble();
    }

    private static DataSource uniformNoise(UniformNoiseSpec spec, long seed)
    {
        return ToyDataPlugin.UNIFORM_NOISE.create(spec, TestContexts.plugin(seed, DataType.DOUBLE));
    }
}

package io.minimax.testkit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every sampler (a data source, a noise prior) owes the framework, checked on draws the caller makes: the
 * requested shape filled with finite values, the same draws for the same seed, other draws for another seed, and
 * rows that do not depend on each other, on the previous batch or on another seed's stream.
 */
final class SampleChecks
{
    /** |correlation| above this between streams that should be independent fails; 2048 draws put 1/√n near 0.02. */
    private static final double CORRELATION_LIMIT = 0.15;

    private SampleChecks() {}

    /** A sampler under test: fills a batch of the given shape and data type from the stream it was created with. */
    interface Sampler
    {
        void sample(INDArray out);
    }

    static int batchSize(long sampleLength)
    {
        return (int) Math.max(64, Math.min(2048, 400_000 / sampleLength));
    }

    /**
     * @param create a new sampler from a stream of the given seed and data type, as a factory would build it for a run
     */
    static void check(String what, long[] sampleShape, SamplerFactory create)
    {
        long sampleLength = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        int count = batchSize(sampleLength);
        long[] shape = Shapes.withBatch(count, sampleShape);

        for (DataType dataType : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray batch = draw(create.create(11, dataType)::sample, shape, dataType);
            assertThat(batch.shape()).as("%s: shape of a %s batch", what, dataType).containsExactly(shape);
            assertFinite(what + ": a " + dataType + " batch", batch);
        }

        Sampler first = create.create(42, DataType.DOUBLE);
        INDArray batch = draw(first::sample, shape, DataType.DOUBLE);
        INDArray again = draw(create.create(42, DataType.DOUBLE)::sample, shape, DataType.DOUBLE);
        assertThat(again).as("%s: the same seed draws the same samples", what).isEqualTo(batch);
        if (batch.varNumber().doubleValue() == 0) {
            return; // a point mass: nothing random to compare
        }
        INDArray next = draw(first::sample, shape, DataType.DOUBLE);
        INDArray otherSeed = draw(create.create(43, DataType.DOUBLE)::sample, shape, DataType.DOUBLE);
        assertThat(next).as("%s: the next batch differs from the first", what).isNotEqualTo(batch);
        assertThat(otherSeed).as("%s: another seed draws other samples", what).isNotEqualTo(batch);

        double[][] rows = rows(batch);
        assertUncorrelated(what + ": consecutive rows of a batch", Arrays.copyOf(rows, count - 1), Arrays.copyOfRange(rows, 1, count));
        assertUncorrelated(what + ": a batch and the next one", rows, rows(next));
        assertUncorrelated(what + ": streams of two seeds", rows, rows(otherSeed));
    }

    interface SamplerFactory
    {
        Sampler create(long seed, DataType dataType);
    }

    static INDArray draw(Consumer<INDArray> sampler, long[] shape, DataType dataType)
    {
        INDArray out = Nd4j.create(dataType, shape);
        sampler.accept(out);
        return out.castTo(DataType.DOUBLE);
    }

    static void assertFinite(String what, INDArray values)
    {
        double[] flat = values.castTo(DataType.DOUBLE).data().asDouble();
        for (int i = 0; i < flat.length; i++) {
            if (!Double.isFinite(flat[i])) {
                throw new AssertionError(what + ": element " + i + " is " + flat[i]);
            }
        }
    }

    /** Rows as {@code [n][sampleLength]}. */
    static double[][] rows(INDArray batch)
    {
        INDArray flat = batch.castTo(DataType.DOUBLE).reshape('c', batch.size(0), batch.length() / batch.size(0));
        return flat.toDoubleMatrix();
    }

    /**
     * The correlation of a and b pooled over every coordinate, each coordinate centred on its own mean first (so the
     * mean shape of a sample, e.g. a mode's position, is not mistaken for dependence).
     */
    private static void assertUncorrelated(String what, double[][] a, double[][] b)
    {
        int columns = a[0].length;
        double product = 0;
        double squaresA = 0;
        double squaresB = 0;
        for (int j = 0; j < columns; j++) {
            double meanA = 0;
            double meanB = 0;
            for (int i = 0; i < a.length; i++) {
                meanA += a[i][j];
                meanB += b[i][j];
            }
            meanA /= a.length;
            meanB /= b.length;
            for (int i = 0; i < a.length; i++) {
                double x = a[i][j] - meanA;
                double y = b[i][j] - meanB;
                product += x * y;
                squaresA += x * x;
                squaresB += y * y;
            }
        }
        if (squaresA == 0 || squaresB == 0) {
            return;
        }
        double correlation = product / Math.sqrt(squaresA * squaresB);
        assertThat(Math.abs(correlation)).as("%s: |correlation| %.3f should be near 0", what, correlation).isLessThan(CORRELATION_LIMIT);
    }
}

package io.minimax.testkit;

import io.minimax.spi.data.DataSource;
import io.minimax.spi.metric.RunView;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static java.util.Objects.requireNonNull;

/**
 * A run at an evaluation with known distributions instead of networks, for testing a metric: p_data is {@code data},
 * p_g is {@code generator} (another data source standing for G(z)), and D's logit is a closed-form function of a
 * sample's coordinates. Samples are DOUBLE.
 */
public final class FakeRunView
        implements RunView
{
    private final DataSource data;
    private final DataSource generator;
    private final ToDoubleFunction<double[]> logit;
    private final long step;
    private final boolean isFinal;
    private final INDArray generated;
    private final INDArray real;
    private final Map<Integer, INDArray> reference = new HashMap<>();

    public FakeRunView(DataSource data, DataSource generator, ToDoubleFunction<double[]> logit, int count, long step, boolean isFinal)
    {
        this.data = requireNonNull(data, "data is null");
        this.generator = requireNonNull(generator, "generator is null");
        this.logit = requireNonNull(logit, "logit is null");
        this.step = step;
        this.isFinal = isFinal;
        this.generated = draw(generator, count);
        this.real = draw(data, count);
    }

    /** The evaluation's samples given outright (hand-built sets), at a final evaluation of step 100. */
    public FakeRunView(DataSource data, INDArray generated, INDArray real, ToDoubleFunction<double[]> logit)
    {
        this.data = requireNonNull(data, "data is null");
        this.generator = data;
        this.logit = requireNonNull(logit, "logit is null");
        this.step = 100;
        this.isFinal = true;
        this.generated = requireNonNull(generated, "generated is null");
        this.real = requireNonNull(real, "real is null");
    }

    @Override
    public long step()
    {
        return step;
    }

    @Override
    public boolean isFinal()
    {
        return isFinal;
    }

    @Override
    public DataSource data()
    {
        return data;
    }

    @Override
    public INDArray generatedSamples()
    {
        return generated;
    }

    @Override
    public INDArray realSamples()
    {
        return real;
    }

    @Override
    public INDArray discriminatorLogits(INDArray points)
    {
        double[][] rows = SampleChecks.rows(points);
        double[] logits = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            logits[i] = logit.applyAsDouble(rows[i]);
        }
        return Nd4j.createFromArray(logits).reshape(rows.length, 1).castTo(points.dataType());
    }

    @Override
    public INDArray freshGeneratedSamples(int count)
    {
        return draw(generator, count);
    }

    @Override
    public INDArray freshRealSamples(int count)
    {
        return draw(data, count);
    }

    /** Drawn from {@code data} at the first request of each size, the same array's copy at every later one. */
    @Override
    public INDArray referenceRealSamples(int count)
    {
        return reference.computeIfAbsent(count, size -> draw(data, size)).dup();
    }

    private static INDArray draw(DataSource source, int count)
    {
        INDArray samples = Nd4j.create(DataType.DOUBLE, Shapes.withBatch(count, source.sampleShape()));
        source.sample(samples);
        return samples;
    }
}

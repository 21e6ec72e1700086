package io.minimax.testkit;

import io.minimax.spi.PluginSpec;
import io.minimax.spi.prior.NoisePrior;
import io.minimax.spi.prior.NoisePriorFactory;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a {@link NoisePrior} through its factory, as the framework builds it for a run: {@code [m, dimension]}
 * draws in FLOAT and DOUBLE, finite; the same seed gives the same draws and another seed others; rows independent of
 * each other, of the next batch and of another seed's stream.
 */
public final class NoisePriorCheck
{
    private NoisePriorCheck() {}

    public static <S extends PluginSpec> void check(String what, NoisePriorFactory<S> factory, S spec)
    {
        int dimension = factory.create(spec, TestContexts.plugin(42, DataType.DOUBLE)).dimension();
        assertThat(dimension).as("%s: dimension", what).isPositive();
        SampleChecks.check(what, new long[] {dimension},
                (seed, dataType) -> factory.create(spec, TestContexts.plugin(seed, dataType))::sample);
    }
}

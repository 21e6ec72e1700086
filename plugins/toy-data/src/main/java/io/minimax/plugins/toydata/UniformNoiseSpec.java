package io.minimax.plugins.toydata;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;
import io.minimax.spi.SpecChecks;

import java.util.List;

/** I.i.d. uniform values of any sample shape: data of a realistic size without a data set, for timing workloads. */
public record UniformNoiseSpec(
        @Param(description = "shape of one sample, without the batch dimension; [784] is a flattened 28 x 28 image", defaultValue = "[784]")
        List<Integer> shape,
        @Param(description = "lower end of the interval every value is drawn from", defaultValue = "-1.0") double low,
        @Param(description = "upper end of the interval, excluded; must exceed low", defaultValue = "1.0") double high)
        implements PluginSpec
{
    public UniformNoiseSpec
    {
        SpecChecks checks = SpecChecks.check()
                .notNull("shape", shape);
        if (shape != null) {
            checks.that(!shape.isEmpty(), "shape", "needs at least one dimension");
            for (int i = 0; i < shape.size(); i++) {
                Integer size = shape.get(i);
                checks.that(size != null && size > 0, "shape[" + i + "]", "must be > 0 (got " + size + ")");
            }
        }
        checks.finite("low", low).finite("high", high);
        if (Double.isFinite(low) && Double.isFinite(high)) {
            checks.that(low < high, "high", "must be > low (got " + high + ", low " + low + ")");
        }
        checks.orThrow();
        shape = List.copyOf(shape);
    }

    long[] sampleShape()
    {
        return shape.stream().mapToLong(Integer::longValue).toArray();
    }
}

package io.minimax.core.engine;

import io.minimax.spi.tracking.MetricPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestRetrainedSteps
{
    private final RetrainedSteps retrained = new RetrainedSteps(List.of(new MetricPoint("loss/generator", 0.5, 20, 200),
            new MetricPoint("time/step_ms", 0.61, 20, 200), new MetricPoint("loss/discriminator", 1.25, 20, 200)));

    @Test
    void aValueLoggedAgainTakesItsFirstTimestampAndATimeItsFirstValue()
    {
        assertThat(retrained.apply(List.of(new MetricPoint("loss/generator", 0.5, 20, 900), new MetricPoint("time/step_ms", 0.7, 20, 900),
                new MetricPoint("loss/generator", 0.4, 21, 901))))
                .containsExactly(new MetricPoint("loss/generator", 0.5, 20, 200), new MetricPoint("time/step_ms", 0.61, 20, 200),
                        new MetricPoint("loss/generator", 0.4, 21, 901));
        assertThat(retrained.differences()).isEmpty();
    }

    @Test
    void aValueThatDiffersIsLoggedAsComputedNowAndCounted()
    {
        assertThat(retrained.apply(List.of(new MetricPoint("loss/discriminator", 1.5, 20, 900))))
                .containsExactly(new MetricPoint("loss/discriminator", 1.5, 20, 900));
        assertThat(retrained.differences()).hasValue("1 value logged again differ from the first time (first: loss/discriminator at step"
                + " 20: 1.25 then, 1.5 now)");
    }

    @Test
    void eachFirstPointIsUsedOnce()
    {
        retrained.apply(List.of(new MetricPoint("loss/generator", 0.5, 20, 900)));
        assertThat(retrained.apply(List.of(new MetricPoint("loss/generator", 0.5, 20, 950))))
                .containsExactly(new MetricPoint("loss/generator", 0.5, 20, 950));
    }
}

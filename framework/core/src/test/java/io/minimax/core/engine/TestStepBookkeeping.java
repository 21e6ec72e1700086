package io.minimax.core.engine;

import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.descriptor.UpdateRule;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestStepBookkeeping
{
    // 25 steps, logging every 5, evaluating every 10 and after the last
    private static final TrainSpec TRAIN = new TrainSpec(25, 8, 1, UpdateRule.ALTERNATING, 5, 10);

    @Test
    void logsEveryLogEverySteps()
    {
        StepBookkeeping bookkeeping = new StepBookkeeping(TRAIN, 1);

        assertThat(LongStream.rangeClosed(1, 25).filter(bookkeeping::isLogStep).toArray()).containsExactly(5, 10, 15, 20, 25);
    }

    @Test
    void evaluatesEveryEvalEveryStepsAndAfterTheLastWhateverEvalEveryIs()
    {
        StepBookkeeping bookkeeping = new StepBookkeeping(TRAIN, 1);

        assertThat(LongStream.rangeClosed(1, 25).filter(bookkeeping::isEvalStep).toArray()).containsExactly(10, 20, 25);
        assertThat(LongStream.rangeClosed(1, 25).filter(bookkeeping::isLastStep).toArray()).containsExactly(25);
    }

    @Test
    void aStepTakesTheWindowOverItsLogEveryStepsAndItsLanes()
    {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        StepBookkeeping bookkeeping = new StepBookkeeping(TRAIN, 4, nanos::get);
        bookkeeping.startWindow();
        nanos.addAndGet(40_000_000L);

        // 40 ms for 5 steps of 4 lanes
        assertThat(bookkeeping.millisPerRunStep()).isEqualTo(2.0);

        bookkeeping.startWindow();
        nanos.addAndGet(5_000_000L);
        assertThat(bookkeeping.millisPerRunStep()).isEqualTo(0.25);
    }

    @Test
    void aNonFiniteValueFailsNamingTheQuantityAndTheStep()
    {
        assertThatThrownBy(() -> StepBookkeeping.checkFinite("loss/discriminator", Double.NaN, 17))
                .isInstanceOf(TrainingFailure.class)
                .hasMessage("loss/discriminator became NaN at step 17");
        assertThatThrownBy(() -> StepBookkeeping.checkFinite("loss/generator", Double.NEGATIVE_INFINITY, 3))
                .isInstanceOf(TrainingFailure.class)
                .hasMessage("loss/generator became -Infinity at step 3");
        assertThatCode(() -> StepBookkeeping.checkFinite("loss/generator", -1e300, 3)).doesNotThrowAnyException();
    }

    @Test
    void theFirstNonFiniteValueOfAStepIsTheOneNamed()
    {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss/discriminator", 0.7);
        values.put("gradient/generator", Double.POSITIVE_INFINITY);
        values.put("gradient/discriminator", Double.NaN);

        assertThatThrownBy(() -> StepBookkeeping.checkFinite(values, 40))
                .isInstanceOf(TrainingFailure.class)
                .hasMessage("gradient/generator became Infinity at step 40");
    }
}

package io.minimax.core.run;

import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.spi.tracking.RunStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestTrainingAttempt
{
    private final List<String> heard = new ArrayList<>();
    private final TrainingListener listener = new TrainingListener()
    {
        @Override
        public void started(String runName, long totalSteps)
        {
            heard.add("started " + runName + " for " + totalSteps);
        }

        @Override
        public void finished()
        {
            heard.add("finished");
        }
    };

    @Test
    void theListenerHearsTheTrainingStartAndFinish()
    {
        TrainingResult finished = new TrainingResult(RunStatus.FINISHED, 100, Map.of("loss", 0.5), Optional.empty());

        List<TrainingResult> results = TrainingAttempt.train(listener, "seed=1", 100, 1, () -> List.of(finished));

        assertThat(results).containsExactly(finished);
        assertThat(heard).containsExactly("started seed=1 for 100", "finished");
    }

    @Test
    void anExceptionFailsEveryRunWithTheInnermostMessageAndTheListenerStillHearsTheEnd()
    {
        List<TrainingResult> results = TrainingAttempt.train(listener, "2 runs in lockstep", 50, 2, () -> {
            throw new IllegalStateException("wiring", new IllegalArgumentException("dim must be > 0"));
        });

        assertThat(results).hasSize(2).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(RunStatus.FAILED);
            assertThat(result.stepsDone()).isZero();
            assertThat(result.error()).contains("IllegalArgumentException: dim must be > 0");
        });
        assertThat(heard).containsExactly("started 2 runs in lockstep for 50", "finished");
    }
}

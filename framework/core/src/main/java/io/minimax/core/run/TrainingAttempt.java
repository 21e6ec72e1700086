package io.minimax.core.run;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingResult;
import io.minimax.spi.tracking.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Training as the runner attempts it, alone or in lockstep: the listener hears it start and finish whatever happens,
 * and an exception (a plugin that cannot be built, a bug) ends every run of the attempt FAILED with the plugin's own
 * words instead of ending the sweep.
 */
final class TrainingAttempt
{
    private static final Logger log = LoggerFactory.getLogger(TrainingAttempt.class);

    private TrainingAttempt() {}

    /**
     * @param label what the listener shows: a run's name, or how many runs train in lockstep
     * @param runs how many results {@code training} returns
     */
    static List<TrainingResult> train(TrainingListener listener, String label, long steps, int runs,
            Supplier<List<TrainingResult>> training)
    {
        try {
            listener.started(label, steps);
            return training.get();
        }
        catch (RuntimeException e) {
            return Collections.nCopies(runs, failed(label, e));
        }
        finally {
            listener.finished();
        }
    }

    static TrainingResult failed(String label, RuntimeException e)
    {
        if (!(e instanceof CreationException) && !(e instanceof ProvisionException)) {
            log.debug("{} failed", label, e);
        }
        return new TrainingResult(RunStatus.FAILED, 0, Map.of(), Optional.of(rootMessage(e)));
    }

    /** The innermost message: Guice wraps a plugin's own exception twice, and the user needs the plugin's words. */
    static String rootMessage(Throwable throwable)
    {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

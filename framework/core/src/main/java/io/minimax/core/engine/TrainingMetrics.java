package io.minimax.core.engine;

import java.util.List;

/** The keys the engine logs every {@code logEvery} generator steps (relied on by trackers, plots and users). */
public final class TrainingMetrics
{
    public static final String DISCRIMINATOR_LOSS = "loss/discriminator";
    public static final String GENERATOR_LOSS = "loss/generator";
    /** The sum of the gradient penalties added to D's loss (not included in {@link #DISCRIMINATOR_LOSS}). */
    public static final String PENALTY = "loss/penalty";
    /** V̂ = (1/m)Σ log D(x_i) + (1/m)Σ log(1 − D(G(z_i))) on the discriminator's minibatch. */
    public static final String VALUE_ESTIMATE = "value/estimate";
    public static final String DISCRIMINATOR_REAL = "discriminator/real";
    public static final String DISCRIMINATOR_FAKE = "discriminator/fake";
    public static final String GENERATOR_GRADIENT_NORM = "grad_norm/generator";
    public static final String DISCRIMINATOR_GRADIENT_NORM = "grad_norm/discriminator";
    /** What every key of a time measurement starts with: its value differs from one attempt to the next. */
    public static final String TIME_PREFIX = "time/";
    public static final String STEP_MILLIS = TIME_PREFIX + "step_ms";

    private static final List<String> ALL = List.of(DISCRIMINATOR_LOSS, GENERATOR_LOSS, PENALTY, VALUE_ESTIMATE,
            DISCRIMINATOR_REAL, DISCRIMINATOR_FAKE, GENERATOR_GRADIENT_NORM, DISCRIMINATOR_GRADIENT_NORM, STEP_MILLIS);

    private TrainingMetrics() {}

    /** Whether {@code key} is a time measurement (the only values a resumed run does not compute again bit for bit). */
    public static boolean isTimeKey(String key)
    {
        return key.startsWith(TIME_PREFIX);
    }

    /** Whether the training loop logs {@code key}; every other key of a journal comes from the descriptor's metrics. */
    public static boolean isTrainingKey(String key)
    {
        return ALL.contains(key);
    }
}

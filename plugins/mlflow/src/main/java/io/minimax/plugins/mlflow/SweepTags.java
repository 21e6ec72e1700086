package io.minimax.plugins.mlflow;

/**
 * The tags by which Minimax marks a sweep's runs and its parent run. They are Minimax's convention, defined by the
 * framework's core ({@code io.minimax.core.run.SweepTags}); this plugin depends on the SPI only, so it names them
 * again here, and {@code TestSweepTagsAgreement} in the CLI module fails when the two disagree.
 */
final class SweepTags
{
    static final String SWEEP_ID = "minimax.sweepId";
    static final String DEFINITION = "minimax.sweepDefinition";
    static final String SIZE = "minimax.sweepSize";
    static final String ROLE = "minimax.role";
    static final String SWEEP_ROLE = "sweep";
    static final String PLANNED = "minimax.sweepPlanned";
    static final String VALUE_PREFIX = "minimax.sweep.";

    private SweepTags() {}
}

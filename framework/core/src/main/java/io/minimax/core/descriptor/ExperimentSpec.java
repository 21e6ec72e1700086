package io.minimax.core.descriptor;

import io.minimax.core.platform.Reproducibility;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One fully resolved and validated run configuration: a descriptor with defaults filled and, for a sweep, one
 * combination of sweep values applied.
 *
 * @param reproducibility which digits the run's float products are to match: this machine's fastest, or any machine's
 * @param penalties the gradient penalties added to D's loss, in descriptor order; empty without a {@code penalties} section
 */
public record ExperimentSpec(
        String name,
        Optional<String> description,
        long seed,
        Reproducibility reproducibility,
        TrainSpec train,
        PluginSelection data,
        PluginSelection prior,
        PluginSelection loss,
        List<PluginSelection> penalties,
        PluginSelection generator,
        PluginSelection discriminator,
        PluginSelection generatorOptimizer,
        PluginSelection discriminatorOptimizer,
        List<PluginSelection> metrics,
        Optional<PluginSelection> tracking)
{
    public ExperimentSpec
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(reproducibility, "reproducibility is null");
        requireNonNull(train, "train is null");
        requireNonNull(data, "data is null");
        requireNonNull(prior, "prior is null");
        requireNonNull(loss, "loss is null");
        penalties = List.copyOf(penalties);
        requireNonNull(generator, "generator is null");
        requireNonNull(discriminator, "discriminator is null");
        requireNonNull(generatorOptimizer, "generatorOptimizer is null");
        requireNonNull(discriminatorOptimizer, "discriminatorOptimizer is null");
        metrics = List.copyOf(metrics);
        requireNonNull(tracking, "tracking is null");
    }
}

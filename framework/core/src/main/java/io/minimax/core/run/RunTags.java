package io.minimax.core.run;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.Plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The tags every run carries, with the names MLflow renders specially: run name, source, git commit, user, the
 * markdown note (description plus the resolved descriptor), the versions of Minimax and of every plugin, and the BLAS
 * kernel, its version and the CPU that computed the digits; for the
 * runs of a sweep also the sweep's id, definition and size, which let {@code minimax sync} group them again.
 */
public final class RunTags
{
    private final String minimaxVersion;
    private final Optional<String> gitCommit;
    private final String user;
    private final Map<String, String> platform;

    public RunTags(String minimaxVersion, Optional<String> gitCommit, String user)
    {
        this(minimaxVersion, gitCommit, user, Map.of());
    }

    /** @param platform what the machine contributes to a run's digits: the BLAS kernel and version, the CPU */
    public RunTags(String minimaxVersion, Optional<String> gitCommit, String user, Map<String, String> platform)
    {
        this.minimaxVersion = requireNonNull(minimaxVersion, "minimaxVersion is null");
        this.gitCommit = requireNonNull(gitCommit, "gitCommit is null");
        this.user = requireNonNull(user, "user is null");
        this.platform = Map.copyOf(platform);
    }

    public Map<String, String> forRun(ExperimentPlan plan, RunPlan run, PluginRegistry registry)
    {
        return forRun(plan, run, registry, Optional.empty());
    }

    /** @param sweepId the id the runs of one {@code minimax run} of a sweep share, empty for a single run */
    public Map<String, String> forRun(ExperimentPlan plan, RunPlan run, PluginRegistry registry, Optional<String> sweepId)
    {
        Map<String, String> tags = common(plan, run.runName(), note(run.spec().description(), run.resolvedYaml()), registry);
        run.sweepValues().forEach((path, value) -> tags.put(SweepTags.VALUE_PREFIX + path, value));
        sweepId.ifPresent(id -> tags.putAll(sweep(plan, id)));
        return tags;
    }

    /** The tags of a sweep's parent run: the sweep's definition in its note, and {@code minimax.role=sweep}. */
    public Map<String, String> forSweep(ExperimentPlan plan, String sweepId, PluginRegistry registry)
    {
        String definition = sweepDefinition(plan);
        Map<String, String> tags = common(plan, plan.name(),
                note(plan.runs().get(0).spec().description(), "sweep: # " + plan.runs().size() + " runs\n" + definition.indent(2)),
                registry);
        tags.put(SweepTags.ROLE, SweepTags.SWEEP_ROLE);
        tags.putAll(sweep(plan, sweepId));
        return tags;
    }

    private Map<String, String> common(ExperimentPlan plan, String runName, String note, PluginRegistry registry)
    {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.runName", runName);
        tags.put("mlflow.source.name", plan.source());
        gitCommit.ifPresent(commit -> tags.put("mlflow.source.git.commit", commit));
        tags.put("mlflow.user", user);
        tags.put("mlflow.note.content", note);
        tags.put("minimax.version", minimaxVersion);
        tags.putAll(new TreeMap<>(platform));
        for (Plugin plugin : registry.plugins()) {
            tags.put("minimax.plugin." + plugin.getClass().getSimpleName(), plugin.version());
        }
        return tags;
    }

    private static Map<String, String> sweep(ExperimentPlan plan, String sweepId)
    {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(SweepTags.SWEEP_ID, sweepId);
        tags.put(SweepTags.DEFINITION, sweepDefinition(plan));
        tags.put(SweepTags.SIZE, Integer.toString(plan.runs().size()));
        return tags;
    }

    /** One {@code path: [values]} line per sweep axis, in the order written. */
    private static String sweepDefinition(ExperimentPlan plan)
    {
        StringBuilder definition = new StringBuilder();
        plan.sweep().forEach((path, values) -> definition.append(path).append(": [").append(String.join(", ", values)).append("]\n"));
        return definition.toString();
    }

    private static String note(Optional<String> description, String yaml)
    {
        StringBuilder note = new StringBuilder();
        description.ifPresent(text -> note.append(text.strip()).append("\n\n"));
        note.append("```yaml\n").append(yaml.strip()).append("\n```\n");
        return note.toString();
    }
}

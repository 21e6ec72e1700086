package io.minimax.core.run;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.Plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tags every run carries, with the names MLflow renders specially: run name, source, git commit, user, the
 * markdown note (description plus the resolved descriptor), and the versions of Minimax and of every plugin.
 */
public final class RunTags
{
    private final String minimaxVersion;
    private final Optional<String> gitCommit;
    private final String user;

    public RunTags(String minimaxVersion, Optional<String> gitCommit, String user)
    {
        this.minimaxVersion = requireNonNull(minimaxVersion, "minimaxVersion is null");
        this.gitCommit = requireNonNull(gitCommit, "gitCommit is null");
        this.user = requireNonNull(user, "user is null");
    }

    public Map<String, String> forRun(ExperimentPlan plan, RunPlan run, PluginRegistry registry)
    {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("mlflow.runName", run.runName());
        tags.put("mlflow.source.name", plan.source());
        gitCommit.ifPresent(commit -> tags.put("mlflow.source.git.commit", commit));
        tags.put("mlflow.user", user);
        tags.put("mlflow.note.content", note(run));
        tags.put("minimax.version", minimaxVersion);
        for (Plugin plugin : registry.plugins()) {
            tags.put("minimax.plugin." + plugin.getClass().getSimpleName(), plugin.version());
        }
        run.sweepValues().forEach((path, value) -> tags.put("minimax.sweep." + path, value));
        return tags;
    }

    private static String note(RunPlan run)
    {
        StringBuilder note = new StringBuilder();
        run.spec().description().ifPresent(description -> note.append(description.strip()).append("\n\n"));
        note.append("```yaml\n").append(run.resolvedYaml().strip()).append("\n```\n");
        return note.toString();
    }
}

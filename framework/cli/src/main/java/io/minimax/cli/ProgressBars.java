package io.minimax.cli;

import io.minimax.core.descriptor.RunPlan;
import io.minimax.core.engine.TrainingListener;
import io.minimax.core.engine.TrainingMetrics;
import io.minimax.core.run.ExperimentRunner;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A progress bar per run (steps/s, ETA, current losses) on a terminal; without one (CI, a pipe) a plain line every
 * 10 % so logs stay readable.
 */
final class ProgressBars
        implements ExperimentRunner.ProgressListeners
{
    private final PrintWriter out;
    private final boolean terminal;

    ProgressBars(PrintWriter out, boolean terminal)
    {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public TrainingListener forRun(RunPlan plan, int index, int total)
    {
        String label = total == 1 ? plan.runName() : String.format("[%d/%d] %s", index + 1, total, plan.runName());
        return terminal ? new Bar(label) : new Lines(label, out);
    }

    @Override
    public TrainingListener forLockstep(List<RunPlan> plans, List<Integer> indices, int total)
    {
        String label = String.format("[%s/%d] %d runs in lockstep", indices.stream().map(index -> String.valueOf(index + 1))
                .collect(Collectors.joining(",")), total, plans.size());
        return terminal ? new Bar(label) : new Lines(label, out);
    }

    static String losses(Map<String, Double> values)
    {
        StringBuilder text = new StringBuilder();
        append(text, "D", values.get(TrainingMetrics.DISCRIMINATOR_LOSS));
        append(text, "G", values.get(TrainingMetrics.GENERATOR_LOSS));
        append(text, "V", values.get(TrainingMetrics.VALUE_ESTIMATE));
        return text.toString();
    }

    private static void append(StringBuilder text, String label, Double value)
    {
        if (value != null) {
            text.append(text.length() == 0 ? "" : " ").append(label).append('=').append(String.format("%.4f", value));
        }
    }

    private static final class Bar
            implements TrainingListener
    {
        private final String label;
        private ProgressBar bar;

        Bar(String label)
        {
            this.label = label;
        }

        @Override
        public void started(String runName, long totalSteps)
        {
            bar = new ProgressBarBuilder()
                    .setTaskName(label)
                    .setInitialMax(totalSteps)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setUnit(" steps", 1)
                    .build();
        }

        @Override
        public void logged(long step, Map<String, Double> values)
        {
            bar.stepTo(step);
            bar.setExtraMessage(" " + losses(values));
        }

        @Override
        public void finished()
        {
            if (bar != null) {
                bar.close();
            }
        }
    }

    private static final class Lines
            implements TrainingListener
    {
        private final String label;
        private final PrintWriter out;
        private long totalSteps;
        private long nextReport;
        private long startNanos;

        Lines(String label, PrintWriter out)
        {
            this.label = label;
            this.out = out;
        }

        @Override
        public void started(String runName, long totalSteps)
        {
            this.totalSteps = totalSteps;
            this.nextReport = Math.max(1, totalSteps / 10);
            this.startNanos = System.nanoTime();
            out.println(label + ": " + totalSteps + " steps");
            out.flush();
        }

        @Override
        public void logged(long step, Map<String, Double> values)
        {
            if (step >= nextReport || step == totalSteps) {
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                out.printf("%s: step %d/%d (%.0f steps/s) %s%n", label, step, totalSteps, step / Math.max(seconds, 1e-9), losses(values));
                out.flush();
                nextReport += Math.max(1, totalSteps / 10);
            }
        }
    }
}

package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.engine.TrainingMetrics;
import io.minimax.core.journal.JournalReader;
import io.minimax.core.run.RunOutcome;
import io.minimax.spi.tracking.MetricPoint;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The tables printed after {@code minimax run}: one row per run with its status and final training metrics, and, when
 * the descriptor has metrics, their last values (mode coverage, distances: what the comparison is about), read back
 * from each run's journal.
 */
final class RunSummary
{
    static final List<String> METRICS = List.of(
            TrainingMetrics.DISCRIMINATOR_LOSS,
            TrainingMetrics.GENERATOR_LOSS,
            TrainingMetrics.VALUE_ESTIMATE,
            TrainingMetrics.DISCRIMINATOR_REAL,
            TrainingMetrics.DISCRIMINATOR_FAKE,
            TrainingMetrics.STEP_MILLIS);

    private RunSummary() {}

    static void print(ExperimentPlan plan, List<RunOutcome> outcomes, PrintWriter out)
    {
        List<String> header = new ArrayList<>(List.of("run", "status", "steps"));
        header.addAll(METRICS);
        TextTable table = new TextTable(header);
        for (RunOutcome outcome : outcomes) {
            List<String> row = new ArrayList<>(List.of(outcome.plan().runName(), outcome.result().status().name(),
                    Long.toString(outcome.result().stepsDone())));
            Map<String, Double> values = outcome.result().lastValues();
            METRICS.forEach(key -> row.add(TextTable.number(values.get(key))));
            table.row(row);
        }
        out.println();
        out.println(plan.name() + (plan.isSweep() ? " (sweep of " + plan.runs().size() + " runs)" : "") + ": final values");
        table.print(out);
        for (RunOutcome outcome : outcomes) {
            outcome.result().error().ifPresent(error -> out.println(outcome.plan().runName() + ": " + error));
        }
        out.println("V(D,G) at the equilibrium p_g = p_data, D = 1/2: -log 4 = " + String.format("%.4f", -Math.log(4)));
        printDescriptorMetrics(plan, outcomes, out);
    }

    private static void printDescriptorMetrics(ExperimentPlan plan, List<RunOutcome> outcomes, PrintWriter out)
    {
        List<Map<String, MetricPoint>> latest = new ArrayList<>();
        SortedSet<String> keys = new TreeSet<>();
        for (RunOutcome outcome : outcomes) {
            Path run = outcome.info().directory();
            Map<String, MetricPoint> values = new JournalReader(run.getParent()).metrics(run).latest();
            latest.add(values);
            values.keySet().stream().filter(key -> !TrainingMetrics.isTrainingKey(key)).forEach(keys::add);
        }
        if (keys.isEmpty()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("run", "step"));
        header.addAll(keys);
        TextTable table = new TextTable(header);
        for (int index = 0; index < outcomes.size(); index++) {
            Map<String, MetricPoint> values = latest.get(index);
            List<String> row = new ArrayList<>(List.of(outcomes.get(index).plan().runName(),
                    Long.toString(keys.stream().map(values::get).filter(Objects::nonNull).mapToLong(MetricPoint::step).max().orElse(0))));
            keys.forEach(key -> row.add(TextTable.number(values.containsKey(key) ? values.get(key).value() : null)));
            table.row(row);
        }
        out.println();
        out.println(plan.name() + ": the descriptor's metrics, last evaluation");
        table.print(out);
    }
}

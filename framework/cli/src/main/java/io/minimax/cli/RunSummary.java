package io.minimax.cli;

import io.minimax.core.descriptor.ExperimentPlan;
import io.minimax.core.engine.TrainingMetrics;
import io.minimax.core.run.RunOutcome;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The table printed after {@code minimax run}: one row per run, its status and final training metrics. */
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
    }
}

package io.minimax.core.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * XChart 3.8 puts the x ticks on the data's own x values when these are equally spaced (steps 10, 20, ...; histogram
 * bin edges), which gives unround labels that overlap. A disabled first series whose x values run backwards makes it
 * fall back to round numbers; being disabled, that series draws nothing, has no legend entry and leaves both axis
 * ranges alone.
 */
final class RoundTicks
{
    private RoundTicks() {}

    /** Call before adding any other series. */
    static void request(XYChart chart, double low, double high)
    {
        if (!chart.getSeriesMap().isEmpty()) {
            throw new IllegalStateException("round ticks must be requested before any series is added");
        }
        XYSeries anchor = chart.addSeries(" ", new double[] {high, low}, new double[] {0, 0});
        anchor.setEnabled(false);
        anchor.setShowInLegend(false);
    }
}

package io.minimax.plugins.mlflow;

import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.tracking.MetricPoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestMlflowValues
{
    @Test
    void trackingUriIsHttpWithoutCredentials()
    {
        assertThat(TrackingUri.parse("http://127.0.0.1:5000/").toString()).isEqualTo("http://127.0.0.1:5000");
        assertThat(TrackingUri.parse("https://mlflow.example.org/team").store()).isEqualTo("mlflow https://mlflow.example.org/team");
        assertThatThrownBy(() -> new MlflowTrackerSpec("file:///tmp/mlruns")).isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("not an http(s)://");
        assertThatThrownBy(() -> new MlflowTrackerSpec("http://bob:hunter2@host:5000"))
                .hasMessageContaining("MLFLOW_TRACKING_USERNAME")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("hunter2"));
        assertThatThrownBy(() -> new MlflowTrackerSpec(null)).hasMessageContaining("uri");
    }

    @Test
    void credentialsBecomeOnlyAHeader()
    {
        MlflowCredentials basic = MlflowCredentials.fromEnvironment(Map.of("MLFLOW_TRACKING_USERNAME", "alice", "MLFLOW_TRACKING_PASSWORD",
                "s3cret"));
        assertThat(basic.authorization()).contains("Basic YWxpY2U6czNjcmV0");
        assertThat(basic.toString()).doesNotContain("alice").doesNotContain("s3cret");
        assertThat(MlflowCredentials.fromEnvironment(Map.of("MLFLOW_TRACKING_TOKEN", "t0k")).authorization()).contains("Bearer t0k");
        assertThat(MlflowCredentials.fromEnvironment(Map.of()).authorization()).isEmpty();
    }

    @Test
    void keysAndValuesFitMlflowsLimits()
    {
        assertThat(MlflowNames.key("metrics[0].type")).isEqualTo("metrics.0.type");
        assertThat(MlflowNames.key("loss/generator")).isEqualTo("loss/generator");
        assertThat(MlflowNames.key("a:b")).isEqualTo("a_b");
        String cut = MlflowNames.paramValue("y".repeat(9000));
        assertThat(cut).hasSize(MlflowNames.MAX_PARAM_VALUE_LENGTH).contains("9000 characters");
        assertThat(MlflowNames.paramValue("0.0002")).isEqualTo("0.0002");
    }

    @Test
    void finalValuesAreTheLastAndTheMeanOfTheLastTenth()
    {
        FinalValues values = new FinalValues();
        for (int step = 1; step <= 20; step++) {
            values.add(List.of(new MetricPoint("loss/generator", step, step, 1000 + step)));
        }
        FinalValue last = values.compute().get("loss/generator");
        assertThat(last.last()).isEqualTo(20);
        assertThat(last.step()).isEqualTo(20);
        assertThat(last.meanOfLastTenth()).isEqualTo(19.5);
        assertThat(FinalValues.summaryPoints(values.compute())).extracting(MetricPoint::key)
                .containsExactly("final/loss/generator", "final_mean10pct/loss/generator");
    }

    @Test
    void sweepStatisticsGroupBySweepValuesOtherThanTheSeed()
    {
        List<SweepStatistics.Child> children = List.of(
                child("minimax", "1", 1.0), child("minimax", "2", 3.0), child("non-saturating", "1", 5.0));
        Map<String, Double> points = new TreeMap<>();
        SweepStatistics.of(children, 1).forEach(point -> points.put(point.key(), point.value()));
        assertThat(points.get("loss_minimax/final/loss/generator/mean")).isEqualTo(2.0);
        assertThat(points.get("loss_minimax/final/loss/generator/std")).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(points.get("loss_minimax/runs")).isEqualTo(2.0);
        assertThat(points.get("loss_non-saturating/final/loss/generator/std")).isEqualTo(0.0);
    }

    private static SweepStatistics.Child child(String loss, String seed, double value)
    {
        SortedMap<String, FinalValue> finals = new TreeMap<>(Map.of("loss/generator",
                new FinalValue("loss/generator", value, 10, 1, value, 1)));
        return new SweepStatistics.Child(new TreeMap<>(SweepStatistics.Child.sweepValues(Map.of("minimax.sweep.loss.type", loss,
                "minimax.sweep.seed", seed))), finals);
    }
}

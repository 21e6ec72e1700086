package io.minimax.plugins.mlflow;

import io.minimax.spi.tracking.MetricPoint;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunStatus;
import org.mlflow.api.proto.Service.RunTag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Journal values as MLflow messages, keys and values made acceptable by {@link MlflowNames}. */
final class MlflowMessages
{
    private MlflowMessages() {}

    static Metric metric(MetricPoint point)
    {
        // MLflow stores ±Infinity as ±Double.MAX_VALUE; sending the same keeps a replay's comparison exact
        double value = Double.isInfinite(point.value()) ? Math.copySign(Double.MAX_VALUE, point.value()) : point.value();
        return Metric.newBuilder().setKey(MlflowNames.key(point.key())).setValue(value).setStep(point.step())
                .setTimestamp(point.timestamp()).build();
    }

    static List<Metric> metrics(List<MetricPoint> points)
    {
        List<Metric> metrics = new ArrayList<>(points.size());
        for (MetricPoint point : points) {
            metrics.add(metric(point));
        }
        return metrics;
    }

    static List<Param> params(Map<String, String> params)
    {
        List<Param> list = new ArrayList<>(params.size());
        params.forEach((key, value) ->
                list.add(Param.newBuilder().setKey(MlflowNames.key(key)).setValue(MlflowNames.paramValue(value)).build()));
        return list;
    }

    static List<RunTag> tags(Map<String, String> tags)
    {
        List<RunTag> list = new ArrayList<>(tags.size());
        tags.forEach((key, value) -> list.add(tag(key, value)));
        return list;
    }

    static RunTag tag(String key, String value)
    {
        return RunTag.newBuilder().setKey(MlflowNames.key(key)).setValue(MlflowNames.tagValue(value)).build();
    }

    static RunStatus status(io.minimax.spi.tracking.RunStatus status)
    {
        return RunStatus.valueOf(status.name());
    }
}

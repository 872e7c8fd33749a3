package dev.strata.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One CloudWatch alarm on a monitored resource, before its resource's ids are known: a single metric,
 * or metrics combined by a math {@code expression}. Dimension values may name the resource's ids as
 * {@code {id}}, {@code {destination}} and {@code {rule}} ({@link MonitoredResourceArgs}).
 *
 * @param suffix            the alarm's name after the resource's label, e.g. {@code free-capacity}
 * @param description       what the alarm means and what to do, for its description
 * @param documentation     the AWS page that names the metric, its namespace, statistics and dimensions
 * @param metrics           the metrics; one without an expression
 * @param expression        the metric math the alarm watches, if any (its metrics are then not returned)
 * @param comparison        the CloudWatch comparison operator, e.g. {@code LessThanThreshold}
 * @param threshold         the threshold, in the unit of the metric or expression
 * @param treatMissingData  {@code missing}, {@code notBreaching}, {@code breaching} or {@code ignore}
 */
public record AlarmDefinition(String suffix, String description, String documentation, List<Metric> metrics,
                              Optional<String> expression, String comparison, double threshold, String treatMissingData) {
    /** The seconds each datapoint of an alarm covers: the 5-minute period of the services' own monitoring guides. */
    public static final int PERIOD_SECONDS = 300;
    /** Datapoints in breach before the alarm fires: 3 (15 minutes), so one busy period does not page anyone. */
    public static final int EVALUATION_PERIODS = 3;

    public AlarmDefinition {
        metrics = List.copyOf(metrics);
    }

    /**
     * One metric of an alarm.
     *
     * @param id         the metric's id in the alarm's metric queries ({@code m1}, ...)
     * @param namespace  e.g. {@code AWS/FSx}
     * @param name       e.g. {@code FreeDataStorageCapacity}
     * @param statistic  e.g. {@code Sum}
     * @param dimensions name to value (a template naming {@code {id}}, {@code {destination}} or {@code {rule}})
     */
    public record Metric(String id, String namespace, String name, String statistic, Map<String, String> dimensions) {
        public Metric {
            dimensions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dimensions));
        }
    }

    /** The metrics CloudWatch bills the alarm for: one per metric it reads. */
    public int alarmMetrics() {
        return metrics.size();
    }
}

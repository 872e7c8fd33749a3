package dev.strata.monitoring;

import dev.strata.core.Problems;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One resource of a tier that {@link StorageAlarms} watches: the entry a component registers for it
 * ({@code TrainingStorage.monitored()}, {@code InferenceStorage.monitored()}, {@code DataLake.monitored()}).
 * Its alarms follow from its kind and facts ({@link AlarmCatalog}), and it appears on the dashboard
 * under its tier, so that a tier added later is watched by registering its resources, without new code here.
 */
public final class MonitoredResourceArgs extends MonitoredResourceArgsBase {
    /** The kind, or empty when it is not one {@link MonitoredKind} knows (reported by {@link #validate}). */
    public Optional<MonitoredKind> monitoredKind() {
        return Optional.ofNullable(kind).flatMap(MonitoredKind::of);
    }

    /** Checks the entry; {@code key} names its fields, e.g. {@code resources[0].label}. */
    public void validate(UnaryOperator<String> key, Problems problems) {
        if (tier == null || !tier.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            problems.add(key.apply("tier"), tier, "must be 1 to 41 lower-case letters, digits or hyphens, e.g. hot");
        }
        if (label == null || !label.matches("[a-z0-9][a-z0-9-]{0,60}")) {
            problems.add(key.apply("label"), label, "must be 1 to 61 lower-case letters, digits or hyphens");
        }
        if (monitoredKind().isEmpty()) {
            problems.add(key.apply("kind"), kind, "must be one of " + String.join(", ", MonitoredKind.names()));
        }
        if (resourceId == null) {
            problems.missing(key.apply("resourceId"), "is required: the id CloudWatch names the resource by");
        }
        MonitoredKind known = monitoredKind().orElse(null);
        if (known == MonitoredKind.FSX_LUSTRE && (capacityGiB == null || capacityGiB <= 0)) {
            problems.add(key.apply("capacityGiB"), capacityGiB, "must be the file system's storage capacity in GiB (more than 0)");
        }
        if (known == MonitoredKind.FSX_LUSTRE && (throughputMBps == null || throughputMBps <= 0)) {
            problems.add(key.apply("throughputMBps"), throughputMBps, "must be the file system's throughput capacity in MB/s (more than 0)");
        }
        if (known == MonitoredKind.EFS && !java.util.List.of("bursting", "provisioned", "elastic").contains(throughputMode())) {
            problems.add(key.apply("throughputMode"), throughputMode, "must be one of bursting, provisioned, elastic");
        }
        if (known == MonitoredKind.EFS && !java.util.List.of("generalPurpose", "maxIO").contains(performanceMode())) {
            problems.add(key.apply("performanceMode"), performanceMode, "must be one of generalPurpose, maxIO");
        }
        if (known == MonitoredKind.ELASTICACHE && (cacheNodes() < 1 || cacheNodes() > 6)) {
            problems.add(key.apply("cacheNodes"), cacheNodes, "must be from 1 to 6 (a primary and up to 5 replicas)");
        }
        if (metricsRegion != null && !metricsRegion.matches("[a-z]{2}(-[a-z]+)+-[0-9]")) {
            problems.add(key.apply("metricsRegion"), metricsRegion, "must be an AWS region such as us-west-2");
        }
        if (known == MonitoredKind.S3_REPLICATION && destinationBucket == null) {
            problems.missing(key.apply("destinationBucket"), "is required for s3Replication: the replication metrics name it");
        }
        if (known == MonitoredKind.S3_REPLICATION && ruleId == null) {
            problems.missing(key.apply("ruleId"), "is required for s3Replication: the replication metrics name the rule");
        }
    }
}

package dev.strata.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which alarms watch a monitored resource, from its kind and facts: pure logic, no engine. Each metric's
 * namespace, name, statistic and dimensions are those of the AWS page its constant cites; a test per
 * alarm compares the planned alarm with them.
 */
public final class AlarmCatalog {
    /** FSx for Lustre metrics: AWS/FSx, dimension FileSystemId (FreeDataStorageCapacity, DataReadBytes, DataWriteBytes). */
    public static final String FSX_METRICS = "https://docs.aws.amazon.com/fsx/latest/LustreGuide/fs-metrics.html";
    /** Total client throughput = SUM(DataReadBytes + DataWriteBytes) / PERIOD, the FSx guide's own formula. */
    public static final String FSX_THROUGHPUT = "https://docs.aws.amazon.com/fsx/latest/LustreGuide/how_to_use_metrics.html";
    /** EFS metrics: AWS/EFS, dimension FileSystemId; PercentIOLimit is reported in General Purpose mode. */
    public static final String EFS_METRICS = "https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html";
    /** Redis OSS / Valkey metrics: AWS/ElastiCache, per node, dimension CacheClusterId. */
    public static final String ELASTICACHE_METRICS = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html";
    /** S3 Replication metrics: AWS/S3, dimensions SourceBucket, DestinationBucket and RuleId. */
    public static final String S3_REPLICATION_METRICS = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html";

    private static final double GIB = 1024.0 * 1024 * 1024;
    /** FSx states throughput capacity in MB/s (10^6 bytes per second). */
    private static final double MB = 1_000_000.0;

    private AlarmCatalog() {
    }

    /** The alarms of {@code resource} at {@code thresholds}; none for a bucket (its storage metrics are on the dashboard only). */
    public static List<AlarmDefinition> of(MonitoredResourceArgs resource, AlarmThresholdsArgs thresholds) {
        return switch (resource.monitoredKind().orElseThrow()) {
            case FSX_LUSTRE -> lustre(resource, thresholds);
            case EFS -> efs(resource, thresholds);
            case ELASTICACHE -> cache(resource, thresholds);
            case S3_REPLICATION -> replication(thresholds);
            case S3_BUCKET -> List.of();
        };
    }

    private static List<AlarmDefinition> lustre(MonitoredResourceArgs resource, AlarmThresholdsArgs t) {
        Map<String, String> fileSystem = Map.of("FileSystemId", "{id}");
        double freeBytes = resource.capacityGiB() * GIB * t.fsxFreeStoragePercent() / 100.0;
        return List.of(
                single("free-storage", "FSx for Lustre free data storage below " + t.fsxFreeStoragePercent() + " % of "
                                + resource.capacityGiB() + " GiB: add storage capacity or release files to S3",
                        FSX_METRICS, new AlarmDefinition.Metric("m1", "AWS/FSx", "FreeDataStorageCapacity", "Sum", fileSystem),
                        "LessThanThreshold", Math.floor(freeBytes)),
                new AlarmDefinition("throughput-utilization", "FSx for Lustre client throughput above "
                        + t.fsxThroughputUtilizationPercent() + " % of " + Math.round(resource.throughputMBps())
                        + " MB/s: raise the throughput per TiB or the capacity", FSX_THROUGHPUT,
                        List.of(new AlarmDefinition.Metric("m1", "AWS/FSx", "DataReadBytes", "Sum", fileSystem),
                                new AlarmDefinition.Metric("m2", "AWS/FSx", "DataWriteBytes", "Sum", fileSystem)),
                        Optional.of("100 * (m1 + m2) / PERIOD(m1) / " + Math.round(resource.throughputMBps() * MB)),
                        "GreaterThanThreshold", t.fsxThroughputUtilizationPercent(), "notBreaching"));
    }

    private static List<AlarmDefinition> efs(MonitoredResourceArgs resource, AlarmThresholdsArgs t) {
        Map<String, String> fileSystem = Map.of("FileSystemId", "{id}");
        List<AlarmDefinition> alarms = new ArrayList<>();
        // Burst credits only exist in Bursting mode; the I/O limit only in General Purpose mode.
        if (resource.throughputMode().equals("bursting")) {
            alarms.add(single("burst-credits", "EFS burst credits below " + t.efsBurstCreditBalanceGiB()
                            + " GiB: throughput falls to the baseline soon; switch to elastic throughput or store more data",
                    EFS_METRICS, new AlarmDefinition.Metric("m1", "AWS/EFS", "BurstCreditBalance", "Minimum", fileSystem),
                    "LessThanThreshold", t.efsBurstCreditBalanceGiB() * GIB));
        }
        if (resource.performanceMode().equals("generalPurpose")) {
            alarms.add(single("io-limit", "EFS at " + t.efsPercentIoLimit() + " % of the General Purpose I/O limit",
                    EFS_METRICS, new AlarmDefinition.Metric("m1", "AWS/EFS", "PercentIOLimit", "Maximum", fileSystem),
                    "GreaterThanOrEqualToThreshold", t.efsPercentIoLimit()));
        }
        return alarms;
    }

    /**
     * Each node of the replication group is a cache cluster of its own, {@code <group>-001} (the primary
     * at creation), {@code -002}, ...; the metrics are published per node.
     */
    private static List<AlarmDefinition> cache(MonitoredResourceArgs resource, AlarmThresholdsArgs t) {
        List<AlarmDefinition> alarms = new ArrayList<>();
        for (int node = 1; node <= resource.cacheNodes(); node++) {
            String member = String.format("%03d", node);
            Map<String, String> cluster = Map.of("CacheClusterId", "{id}-" + member);
            alarms.add(single("memory-" + member, "Cache node " + member + " uses more than " + t.cacheMemoryUsagePercent()
                            + " % of its memory for data: evictions follow; use a larger node type",
                    ELASTICACHE_METRICS, new AlarmDefinition.Metric("m1", "AWS/ElastiCache", "DatabaseMemoryUsagePercentage",
                            "Maximum", cluster), "GreaterThanThreshold", t.cacheMemoryUsagePercent()));
            alarms.add(single("evictions-" + member, "Cache node " + member + " evicted more than " + t.cacheEvictions()
                            + " keys in 5 minutes: hot weights fall through to L2-L4",
                    ELASTICACHE_METRICS, new AlarmDefinition.Metric("m1", "AWS/ElastiCache", "Evictions", "Sum", cluster),
                    "GreaterThanThreshold", t.cacheEvictions()));
        }
        return alarms;
    }

    private static List<AlarmDefinition> replication(AlarmThresholdsArgs t) {
        Map<String, String> rule = Map.of("SourceBucket", "{id}", "DestinationBucket", "{destination}", "RuleId", "{rule}");
        return List.of(
                single("replication-failed", "More than " + t.replicationFailedOperations()
                                + " operations failed to replicate in 5 minutes: check the replication role and keys",
                        S3_REPLICATION_METRICS, new AlarmDefinition.Metric("m1", "AWS/S3", "OperationsFailedReplication", "Sum", rule),
                        "GreaterThanThreshold", t.replicationFailedOperations()),
                single("replication-latency", "Replication more than " + t.replicationLatencySeconds() + " s behind",
                        S3_REPLICATION_METRICS, new AlarmDefinition.Metric("m1", "AWS/S3", "ReplicationLatency", "Maximum", rule),
                        "GreaterThanThreshold", t.replicationLatencySeconds()));
    }

    private static AlarmDefinition single(String suffix, String description, String documentation, AlarmDefinition.Metric metric,
                                          String comparison, double threshold) {
        return new AlarmDefinition(suffix, description, documentation, List.of(metric), Optional.empty(), comparison, threshold, "missing");
    }
}

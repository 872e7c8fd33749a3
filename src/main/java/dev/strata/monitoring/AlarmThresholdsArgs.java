package dev.strata.monitoring;

import dev.strata.core.Problems;

import java.util.function.UnaryOperator;

/**
 * When the storage alarms fire. Each default is a choice documented in docs/monitoring.md, bounded by
 * what the metric can report.
 */
public final class AlarmThresholdsArgs extends AlarmThresholdsArgsBase {
    public static final int DEFAULT_FSX_FREE_STORAGE_PERCENT = 10;

    public static final int DEFAULT_FSX_THROUGHPUT_UTILIZATION_PERCENT = 80;

    /**
     * About half an hour of bursting at 100 MiB/s, the rate every Bursting file system can burst to
     * (192 GiB / 100 MiB/s = 33 min): https://docs.aws.amazon.com/efs/latest/ug/performance.html
     */
    public static final int DEFAULT_EFS_BURST_CREDIT_BALANCE_GIB = 192;

    public static final int DEFAULT_EFS_PERCENT_IO_LIMIT = 95;

    public static final int DEFAULT_CACHE_MEMORY_USAGE_PERCENT = 80;

    public static final int DEFAULT_CACHE_EVICTIONS = 100;

    /**
     * S3 Replication Time Control replicates 99.99 % of objects within 15 minutes: later than that is trouble.
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html
     */
    public static final int DEFAULT_REPLICATION_LATENCY_SECONDS = 900;

    public static final int DEFAULT_REPLICATION_FAILED_OPERATIONS = 0;

    /**
     * EFS gives a new file system 2.1 TiB of burst credits; a threshold above it would fire at once.
     * https://docs.aws.amazon.com/efs/latest/ug/performance.html
     */
    public static final int MAX_EFS_BURST_CREDIT_BALANCE_GIB = 2150;

    public static AlarmThresholdsArgs defaults() {
        return builder().build();
    }

    /** Checks every threshold with its default; {@code key} names the fields, e.g. {@code thresholds.efsPercentIoLimit}. */
    public void validate(UnaryOperator<String> key, Problems problems) {
        range(key.apply("fsxFreeStoragePercent"), fsxFreeStoragePercent(), 1, 99, "a percent of the capacity", problems);
        range(key.apply("fsxThroughputUtilizationPercent"), fsxThroughputUtilizationPercent(), 1, 100, "a percent", problems);
        range(key.apply("efsBurstCreditBalanceGiB"), efsBurstCreditBalanceGiB(), 1, MAX_EFS_BURST_CREDIT_BALANCE_GIB,
                "GiB of burst credits (EFS starts a file system with 2.1 TiB)", problems);
        range(key.apply("efsPercentIoLimit"), efsPercentIoLimit(), 1, 100, "a percent", problems);
        range(key.apply("cacheMemoryUsagePercent"), cacheMemoryUsagePercent(), 1, 100, "a percent", problems);
        range(key.apply("cacheEvictions"), cacheEvictions(), 0, Integer.MAX_VALUE, "a number of evictions", problems);
        range(key.apply("replicationLatencySeconds"), replicationLatencySeconds(), 60, 86_400, "seconds", problems);
        range(key.apply("replicationFailedOperations"), replicationFailedOperations(), 0, Integer.MAX_VALUE, "a number of operations", problems);
    }

    private static void range(String key, int value, int min, int max, String what, Problems problems) {
        if (value < min || value > max) {
            problems.add(key, value, "must be " + what + " from " + min + " to " + max);
        }
    }

    /** The thresholds in force, defaults applied: what two arguments are equal by. */
    private java.util.List<Integer> values() {
        return java.util.List.of(fsxFreeStoragePercent(), fsxThroughputUtilizationPercent(), efsBurstCreditBalanceGiB(),
                efsPercentIoLimit(), cacheMemoryUsagePercent(), cacheEvictions(), replicationLatencySeconds(), replicationFailedOperations());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AlarmThresholdsArgs thresholds && values().equals(thresholds.values());
    }

    @Override
    public int hashCode() {
        return values().hashCode();
    }

    @Override
    public String toString() {
        return "AlarmThresholdsArgs" + values();
    }
}

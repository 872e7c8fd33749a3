package dev.strata.monitoring;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * When the storage alarms fire. Each default is a choice documented in docs/monitoring.md, bounded by
 * what the metric can report.
 */
public final class AlarmThresholdsArgs extends ResourceArgs {
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

    /** Alarm when FSx for Lustre's free storage falls below this share of its capacity (1-99). Default: {@value #DEFAULT_FSX_FREE_STORAGE_PERCENT}. */
    @Import(name = "fsxFreeStoragePercent")
    @Nullable
    private Integer fsxFreeStoragePercent;

    /** Alarm when clients read and write above this share of FSx for Lustre's throughput capacity (1-100). Default: {@value #DEFAULT_FSX_THROUGHPUT_UTILIZATION_PERCENT}. */
    @Import(name = "fsxThroughputUtilizationPercent")
    @Nullable
    private Integer fsxThroughputUtilizationPercent;

    /** Alarm when a bursting EFS file system's burst credits fall below this many GiB (1-2150). Default: {@value #DEFAULT_EFS_BURST_CREDIT_BALANCE_GIB}. */
    @Import(name = "efsBurstCreditBalanceGiB")
    @Nullable
    private Integer efsBurstCreditBalanceGiB;

    /** Alarm when a General Purpose EFS file system reaches this percent of its I/O limit (1-100). Default: {@value #DEFAULT_EFS_PERCENT_IO_LIMIT}. */
    @Import(name = "efsPercentIoLimit")
    @Nullable
    private Integer efsPercentIoLimit;

    /** Alarm when a cache node uses more than this percent of its memory for data (1-100). Default: {@value #DEFAULT_CACHE_MEMORY_USAGE_PERCENT}. */
    @Import(name = "cacheMemoryUsagePercent")
    @Nullable
    private Integer cacheMemoryUsagePercent;

    /** Alarm when a cache node evicts more than this many keys in 5 minutes (0 or more). Default: {@value #DEFAULT_CACHE_EVICTIONS}. */
    @Import(name = "cacheEvictions")
    @Nullable
    private Integer cacheEvictions;

    /** Alarm when replication falls more than this many seconds behind (60-86400). Default: {@value #DEFAULT_REPLICATION_LATENCY_SECONDS}. */
    @Import(name = "replicationLatencySeconds")
    @Nullable
    private Integer replicationLatencySeconds;

    /** Alarm when more than this many operations fail to replicate in 5 minutes (0 or more). Default: {@value #DEFAULT_REPLICATION_FAILED_OPERATIONS}. */
    @Import(name = "replicationFailedOperations")
    @Nullable
    private Integer replicationFailedOperations;

    public static AlarmThresholdsArgs defaults() {
        return builder().build();
    }

    public int fsxFreeStoragePercent() {
        return Optional.ofNullable(fsxFreeStoragePercent).orElse(DEFAULT_FSX_FREE_STORAGE_PERCENT);
    }

    public int fsxThroughputUtilizationPercent() {
        return Optional.ofNullable(fsxThroughputUtilizationPercent).orElse(DEFAULT_FSX_THROUGHPUT_UTILIZATION_PERCENT);
    }

    public int efsBurstCreditBalanceGiB() {
        return Optional.ofNullable(efsBurstCreditBalanceGiB).orElse(DEFAULT_EFS_BURST_CREDIT_BALANCE_GIB);
    }

    public int efsPercentIoLimit() {
        return Optional.ofNullable(efsPercentIoLimit).orElse(DEFAULT_EFS_PERCENT_IO_LIMIT);
    }

    public int cacheMemoryUsagePercent() {
        return Optional.ofNullable(cacheMemoryUsagePercent).orElse(DEFAULT_CACHE_MEMORY_USAGE_PERCENT);
    }

    public int cacheEvictions() {
        return Optional.ofNullable(cacheEvictions).orElse(DEFAULT_CACHE_EVICTIONS);
    }

    public int replicationLatencySeconds() {
        return Optional.ofNullable(replicationLatencySeconds).orElse(DEFAULT_REPLICATION_LATENCY_SECONDS);
    }

    public int replicationFailedOperations() {
        return Optional.ofNullable(replicationFailedOperations).orElse(DEFAULT_REPLICATION_FAILED_OPERATIONS);
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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<AlarmThresholdsArgs, Builder> {
        private Builder() {
            super(new AlarmThresholdsArgs());
        }

        public Builder fsxFreeStoragePercent(@Nullable Integer value) {
            args.fsxFreeStoragePercent = value;
            return this;
        }

        public Builder fsxThroughputUtilizationPercent(@Nullable Integer value) {
            args.fsxThroughputUtilizationPercent = value;
            return this;
        }

        public Builder efsBurstCreditBalanceGiB(@Nullable Integer value) {
            args.efsBurstCreditBalanceGiB = value;
            return this;
        }

        public Builder efsPercentIoLimit(@Nullable Integer value) {
            args.efsPercentIoLimit = value;
            return this;
        }

        public Builder cacheMemoryUsagePercent(@Nullable Integer value) {
            args.cacheMemoryUsagePercent = value;
            return this;
        }

        public Builder cacheEvictions(@Nullable Integer value) {
            args.cacheEvictions = value;
            return this;
        }

        public Builder replicationLatencySeconds(@Nullable Integer value) {
            args.replicationLatencySeconds = value;
            return this;
        }

        public Builder replicationFailedOperations(@Nullable Integer value) {
            args.replicationFailedOperations = value;
            return this;
        }
    }
}

package dev.strata.cost.recommend;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How often a workload reads its dataset: once an hour, day, week or month, once only (a single pass,
 * counted in the month priced), or without pause at the required throughput. It sets the data read a
 * month, which Elastic EFS bills per GB, and (for a period) the time a pass may take.
 */
public enum ReadFrequency {
    CONTINUOUS(0), HOURLY(1), DAILY(24), WEEKLY(168), MONTHLY(730), ONCE(0);

    /** Hours in a month (as the price book counts them). */
    static final double HOURS_PER_MONTH = 730;
    /** MB in a GiB: throughput is in MB/s (10^6 bytes), storage in GiB (2^30 bytes). */
    static final double MB_PER_GIB = 1_073.741824;

    private final int periodHours;

    ReadFrequency(int periodHours) {
        this.periodHours = periodHours;
    }

    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The frequency written as {@code daily}, {@code DAILY}..., or empty when there is no such frequency. */
    public static Optional<ReadFrequency> parse(String text) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(ReadFrequency::configValue).collect(Collectors.joining(", "));
    }

    /** Hours between passes, within which one pass must finish; empty for continuous and once. */
    public Optional<Integer> periodHours() {
        return periodHours > 0 ? Optional.of(periodHours) : Optional.empty();
    }

    /**
     * GiB read a month: the whole dataset once per period, once (a single pass), or (continuous) the
     * required throughput for every second of the month.
     */
    public double gibReadPerMonth(double datasetGiB, double readMBps) {
        if (this == CONTINUOUS) {
            return readMBps * HOURS_PER_MONTH * 3_600 / MB_PER_GIB;
        }
        if (this == ONCE) {
            return datasetGiB;
        }
        return datasetGiB * HOURS_PER_MONTH / periodHours;
    }
}

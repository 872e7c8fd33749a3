package dev.strata.cost.recommend;

import dev.strata.core.Problems;

import java.util.Locale;
import java.util.Optional;

/**
 * What a training workload needs from its storage, as {@code strata recommend} takes it.
 *
 * @param datasetGiB               the dataset that must sit on the shared file system (GiB, more than 0)
 * @param readMBps                 the aggregate read throughput it must sustain (MB/s, more than 0)
 * @param readFrequency            how often the dataset is read
 * @param shared                   whether several pods must share it (every option searched is a shared file system)
 * @param mustSurviveFailure       whether the data must survive a file server (or Availability Zone) failure
 * @param checkpointGiB            size of one checkpoint written to the file system (GiB, 0 for none)
 * @param checkpointsPerDay        checkpoints written a day
 * @param checkpointsRetained      checkpoints kept on the file system at once
 * @param coldGiB                  data kept in S3 for occasional, immediate reads (GiB)
 * @param coldReadGiBPerMonth      GiB read back from the cold data a month
 * @param archiveGiB               data kept for the long term (GiB)
 * @param archiveRestoreGiBPerYear GiB restored from the archive a year
 */
public record Workload(double datasetGiB, double readMBps, ReadFrequency readFrequency, boolean shared,
                       boolean mustSurviveFailure, double checkpointGiB, double checkpointsPerDay, int checkpointsRetained,
                       double coldGiB, double coldReadGiBPerMonth, double archiveGiB, double archiveRestoreGiBPerYear) {
    /** Largest quantity accepted: 1 EiB in GiB, far past any real workload, to catch unit slips. */
    static final double MAX = 1_073_741_824;

    /**
     * Checks every field and records each problem under its command-line option, e.g.
     * {@code --dataset-gib = -5: must be more than 0}. Frequency is checked where it is parsed.
     */
    static void check(Problems problems, Double datasetGiB, Double readMBps, Double checkpointGiB, Double checkpointsPerDay,
                      Integer checkpointsRetained, Double coldGiB, Double coldReadGiBPerMonth, Double archiveGiB,
                      Double archiveRestoreGiBPerYear) {
        positive(problems, "--dataset-gib", datasetGiB, "the dataset must have a size");
        positive(problems, "--read-mbps", readMBps, "a workload that reads nothing needs no file system");
        notNegative(problems, "--checkpoint-gib", checkpointGiB);
        notNegative(problems, "--checkpoints-per-day", checkpointsPerDay);
        if (checkpointsPerDay != null && checkpointsPerDay > 24 * 3_600) {
            problems.add("--checkpoints-per-day", checkpointsPerDay, "must be at most 86400 (one a second)");
        }
        if (checkpointsRetained == null || checkpointsRetained < 0 || checkpointsRetained > 1_000) {
            problems.add("--checkpoints-retained", checkpointsRetained, "must be a whole number from 0 to 1000");
        }
        notNegative(problems, "--cold-gib", coldGiB);
        notNegative(problems, "--cold-read-gib-per-month", coldReadGiBPerMonth);
        notNegative(problems, "--archive-gib", archiveGiB);
        notNegative(problems, "--archive-restore-gib-per-year", archiveRestoreGiBPerYear);
    }

    private static void positive(Problems problems, String option, Double value, String why) {
        if (value == null) {
            problems.missing(option, "is required");
        } else if (!(value > 0) || value > MAX || value.isInfinite()) {
            problems.add(option, value, "must be more than 0 and at most " + (long) MAX + " (" + why + ")");
        }
    }

    private static void notNegative(Problems problems, String option, Double value) {
        if (value != null && (!(value >= 0) || value > MAX || value.isInfinite())) {
            problems.add(option, value, "must be from 0 to " + (long) MAX);
        }
    }

    /** GiB the file system must hold: the dataset and the retained checkpoints. */
    public double requiredGiB() {
        return datasetGiB + checkpointGiB * checkpointsRetained;
    }

    /** GiB of checkpoints written a month. */
    public double checkpointGiBPerMonth() {
        return checkpointGiB * checkpointsPerDay * ReadFrequency.HOURS_PER_MONTH / 24;
    }

    /** The average checkpoint write rate over the month, MB/s. */
    public double averageWriteMBps() {
        return checkpointGiBPerMonth() * ReadFrequency.MB_PER_GIB / (ReadFrequency.HOURS_PER_MONTH * 3_600);
    }

    /** Hours one pass over the dataset takes at the read throughput. */
    public double passHours() {
        return datasetGiB * ReadFrequency.MB_PER_GIB / readMBps / 3_600;
    }

    /**
     * Why the workload cannot be met as given, or empty: a pass over the dataset at {@code readMBps} must
     * finish within the read period (20 TiB at 5,000 MB/s takes 73 minutes, too long to read it hourly).
     */
    public Optional<String> infeasibility() {
        return readFrequency.periodHours().filter(period -> passHours() > period).map(period -> "reading "
                + OptionSpace.gib(datasetGiB) + " GiB at " + OptionSpace.mbps(readMBps) + " MB/s takes "
                + duration(passHours()) + " a pass, longer than the " + duration(period) + " between "
                + readFrequency.configValue() + " reads: reading it " + readFrequency.configValue() + " needs at least "
                + OptionSpace.gib(Math.ceil(periodMBps(period))) + " MB/s (or, at " + OptionSpace.mbps(readMBps)
                + " MB/s, --read-frequency continuous)");
    }

    /**
     * The closest workload that can be met: this one when it can; else the same workload reading at the
     * least whole MB/s that finishes a pass within the period, so the dataset is still read as often as asked.
     */
    public Workload closestFeasible() {
        if (infeasibility().isEmpty()) {
            return this;
        }
        double mbps = Math.ceil(periodMBps(readFrequency.periodHours().orElseThrow()));
        return new Workload(datasetGiB, mbps, readFrequency, shared, mustSurviveFailure, checkpointGiB, checkpointsPerDay,
                checkpointsRetained, coldGiB, coldReadGiBPerMonth, archiveGiB, archiveRestoreGiBPerYear);
    }

    private double periodMBps(int periodHours) {
        return datasetGiB * ReadFrequency.MB_PER_GIB / (periodHours * 3_600.0);
    }

    private static String duration(double hours) {
        if (hours < 2) {
            return String.format(Locale.ROOT, "%d minutes", Math.round(hours * 60));
        }
        return hours < 48 ? String.format(Locale.ROOT, "%.1f hours", hours) : String.format(Locale.ROOT, "%,.1f days", hours / 24);
    }

    /** GiB of the dataset read a month. */
    public double gibReadPerMonth() {
        return readFrequency.gibReadPerMonth(datasetGiB, readMBps);
    }
}

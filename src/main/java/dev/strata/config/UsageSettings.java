package dev.strata.config;

import java.util.Map;

/**
 * The expected usage of a stack ({@code strata:usage}): what the cost estimate multiplies prices by.
 * Settings say what is deployed; usage says how much data and traffic it is expected to hold.
 * Quantities are per month; storage is in GiB (AWS bills a "GB" as 2^30 bytes).
 *
 * @param dataLake expected usage of the data lake's zones and access-log bucket
 * @param kms      expected KMS requests
 */
public record UsageSettings(DataLakeUsage dataLake, KmsUsage kms) {
    /** No usage given: only fixed monthly charges (such as KMS keys) are estimated. */
    public static final UsageSettings NONE = new UsageSettings(new DataLakeUsage(Map.of(), 0), new KmsUsage(0));

    /**
     * {@code strata:usage.dataLake}.
     *
     * @param zones         usage per zone name; a zone that is not listed is estimated at zero (and says so)
     * @param accessLogsGiB GiB held in the access-log bucket (S3 Standard)
     */
    public record DataLakeUsage(Map<String, BucketUsage> zones, double accessLogsGiB) {
        public DataLakeUsage {
            zones = Map.copyOf(zones);
        }
    }

    /**
     * The usage of one S3 bucket: a data-lake zone ({@code strata:usage.dataLake.zones.<zone>}), and
     * the training tier's buckets as they land. Parsed by {@link CostSettingsParser#bucketUsage}.
     *
     * @param storageGiB          GiB stored per S3 storage class ({@code STANDARD} or a class the zone's lifecycle moves objects to)
     * @param putRequestsPerMonth PUT/COPY/POST/LIST requests a month (uploads land in S3 Standard)
     * @param getRequestsPerMonth GET requests a month
     * @param transitionsPerMonth lifecycle transition requests a month, per target storage class
     */
    public record BucketUsage(Map<String, Double> storageGiB, double putRequestsPerMonth, double getRequestsPerMonth,
                            Map<String, Double> transitionsPerMonth) {
        public BucketUsage {
            storageGiB = Map.copyOf(storageGiB);
            transitionsPerMonth = Map.copyOf(transitionsPerMonth);
        }
    }

    /**
     * The usage of one EFS file system (the training warm tier and the inference model repository
     * read it as they land; parsed by {@link CostSettingsParser#efsUsage}).
     *
     * @param standardGiB         GiB in EFS Standard
     * @param infrequentAccessGiB GiB in EFS Infrequent Access
     * @param archiveGiB          GiB in EFS Archive (Elastic throughput only)
     * @param readGiBPerMonth     GiB read a month (billed per GB under Elastic throughput)
     * @param writeGiBPerMonth    GiB written a month (billed per GB under Elastic throughput)
     */
    public record EfsUsage(double standardGiB, double infrequentAccessGiB, double archiveGiB,
                           double readGiBPerMonth, double writeGiBPerMonth) {
    }

    /**
     * {@code strata:usage.kms}.
     *
     * @param requestsPerMonth KMS API requests a month across the stack's keys
     */
    public record KmsUsage(double requestsPerMonth) {
    }
}

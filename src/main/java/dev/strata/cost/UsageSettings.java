package dev.strata.cost;

import java.util.Map;
import java.util.Optional;

/**
 * The expected usage of a stack ({@code strata:usage}): what the cost estimate multiplies prices by.
 * Settings say what is deployed; usage says how much data and traffic it is expected to hold.
 * Quantities are per month; storage is in GiB (AWS bills a "GB" as 2^30 bytes).
 *
 * @param dataLake  expected usage of the data lake's zones and access-log bucket
 * @param training  expected usage of the training tiers ({@code strata:usage.training}), if given
 * @param inference expected usage of the inference storage ({@code strata:usage.inference}), if given
 * @param kms       expected KMS requests
 */
public record UsageSettings(DataLakeUsage dataLake, Optional<TrainingUsage> training, Optional<InferenceUsage> inference,
                            KmsUsage kms) {
    /** No usage given: only fixed monthly charges (such as KMS keys) are estimated. */
    public static final UsageSettings NONE = new UsageSettings(new DataLakeUsage(Map.of(), 0), Optional.empty(), Optional.empty(),
            new KmsUsage(0));

    /**
     * {@code strata:usage.training}: what is not fixed by the settings.
     *
     * @param hotBackupGiB      GiB of FSx backups kept ({@code hot.backupGiB})
     * @param perJobGiBMonths   GiB-months of per-job scratch file systems a month ({@code perJob.gibMonths}:
     *                          e.g. ten 1,200 GiB jobs of three days = 10 x 1,200 x 3/30.4 = 1,184)
     * @param warm              the EFS warm tier ({@code warm}), if given
     * @param coldArchive       the training bucket ({@code coldArchive}), if given
     */
    public record TrainingUsage(double hotBackupGiB, double perJobGiBMonths, Optional<EfsUsage> warm,
                                Optional<BucketUsage> coldArchive) {
    }

    /**
     * {@code strata:usage.inference}.
     *
     * @param models  the EFS model repository ({@code models}), if given
     * @param archive the model archive bucket ({@code archive}), if given
     */
    public record InferenceUsage(Optional<EfsUsage> models, Optional<BucketUsage> archive) {
    }

    /**
     * {@code strata:usage.dataLake}.
     *
     * @param zones                  usage per zone name; a zone that is not listed is estimated at zero (and says so)
     * @param accessLogsGiB          GiB held in the access-log bucket (S3 Standard)
     * @param replicatedGiBPerMonth  GiB written a month to the buckets {@code strata:dataLake.replication} copies to
     *                               another region (each is transferred once)
     */
    public record DataLakeUsage(Map<String, BucketUsage> zones, double accessLogsGiB, double replicatedGiBPerMonth) {
        public DataLakeUsage {
            zones = Map.copyOf(zones);
        }

        /** Usage without replication. */
        public DataLakeUsage(Map<String, BucketUsage> zones, double accessLogsGiB) {
            this(zones, accessLogsGiB, 0);
        }
    }

    /**
     * The usage of one S3 bucket: a data-lake zone ({@code strata:usage.dataLake.zones.<zone>}), and
     * the training bucket and the model archive. Parsed by {@link CostSettingsParser#bucketUsage}.
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
     * use it; parsed by {@link CostSettingsParser#efsUsage}).
     *
     * @param standardGiB         GiB in EFS Standard
     * @param infrequentAccessGiB GiB in EFS Infrequent Access
     * @param archiveGiB          GiB in EFS Archive (Elastic throughput only)
     * @param readGiBPerMonth     GiB read a month (billed per GB under Elastic throughput)
     * @param writeGiBPerMonth    GiB written a month (billed per GB under Elastic throughput)
     * @param backupGiB           GiB of AWS Backup copies kept (warm storage), when backups are on
     */
    public record EfsUsage(double standardGiB, double infrequentAccessGiB, double archiveGiB,
                           double readGiBPerMonth, double writeGiBPerMonth, double backupGiB) {
    }

    /**
     * {@code strata:usage.kms}.
     *
     * @param requestsPerMonth KMS API requests a month across the stack's keys
     */
    public record KmsUsage(double requestsPerMonth) {
    }
}

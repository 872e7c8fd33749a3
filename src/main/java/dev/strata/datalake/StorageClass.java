package dev.strata.datalake;

/**
 * The S3 storage classes a lifecycle rule can transition objects to, warmest first.
 *
 * <p>The order is S3's transition "waterfall": objects only move down it, never up. See
 * "Supported lifecycle transitions" in
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 */
public enum StorageClass {
    STANDARD_IA(30),
    INTELLIGENT_TIERING(0),
    ONEZONE_IA(30),
    GLACIER_IR(0),
    GLACIER(0),
    DEEP_ARCHIVE(0);

    private final int minimumDays;

    StorageClass(int minimumDays) {
        this.minimumDays = minimumDays;
    }

    /**
     * Days an object must have existed before it may move here: S3 does not transition objects
     * younger than 30 days to STANDARD_IA or ONEZONE_IA (same document, "Constraints and
     * considerations for transitions"; API reference "Transition": Days).
     */
    public int minimumDays() {
        return minimumDays;
    }

    /**
     * Whether objects in this class are archived, not readable in real time: GetObject fails with
     * InvalidObjectState until a copy is restored (S3 Glacier Flexible Retrieval and Deep Archive;
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html). S3 Glacier
     * Instant Retrieval is read in real time.
     */
    public boolean isArchived() {
        return this == GLACIER || this == DEEP_ARCHIVE;
    }

    /** Whether this class is an infrequent-access class, in which S3 keeps objects at least 30 days. */
    public boolean isInfrequentAccess() {
        return this == STANDARD_IA || this == ONEZONE_IA;
    }

    /**
     * Whether S3 supports a lifecycle transition from this class to {@code target}: only to a colder
     * class, and never from S3 One Zone-IA to S3 Glacier Instant Retrieval (same document).
     */
    public boolean canTransitionTo(StorageClass target) {
        if (this == ONEZONE_IA && target == GLACIER_IR) {
            return false;
        }
        return target.ordinal() > ordinal();
    }
}

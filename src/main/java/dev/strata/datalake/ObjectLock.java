package dev.strata.datalake;

import dev.strata.core.Problems;

/**
 * S3 Object Lock's rules for a bucket's default retention, in one place: the settings parser and
 * {@link SecureBucket} check with them. Strata sets only governance mode: objects cannot be
 * overwritten or deleted before the retention ends except by principals granted
 * {@code s3:BypassGovernanceRetention}.
 *
 * <p>Sources (Amazon S3 User Guide and API Reference):
 * <ul>
 *   <li>Object Lock is turned on when the bucket is created, and needs versioning:
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html</li>
 *   <li>DefaultRetention: a mode and a period in days (a positive whole number):
 *       https://docs.aws.amazon.com/AmazonS3/latest/API/API_DefaultRetention.html</li>
 *   <li>A bucket that receives server access logs must not have a default retention period:
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html</li>
 * </ul>
 */
public final class ObjectLock {
    /** The retention mode Strata configures. */
    public static final String GOVERNANCE = "GOVERNANCE";
    /** Strata's upper bound (100 years), so that a typo cannot lock objects for millennia. */
    public static final int MAX_DAYS = 36_500;

    private ObjectLock() {
    }

    /** Records a problem unless {@code days} is a positive retention period. */
    public static void validateDays(Integer days, String key, Problems problems) {
        if (days == null || days < 1 || days > MAX_DAYS) {
            problems.add(key, days, "Object Lock retention must be a positive number of days, from 1 to " + MAX_DAYS);
        }
    }
}

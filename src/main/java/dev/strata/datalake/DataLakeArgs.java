package dev.strata.datalake;

import dev.strata.core.Problems;

import java.util.function.UnaryOperator;

/** Arguments of {@link DataLake}. */
public final class DataLakeArgs extends DataLakeArgsBase {
    /** The access logs are kept a year unless set. */
    public static final int DEFAULT_ACCESS_LOG_EXPIRATION_DAYS = 365;

    /**
     * Checks the numbers these Args hold (the zones are checked as zones), each problem under its key as
     * {@code key} maps it: the component reports {@code accessLogExpirationDays}, the stack's settings
     * {@code strata:dataLake.accessLogExpirationDays}.
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        // An S3 lifecycle expiration's Days: a positive whole number
        // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleExpiration.html).
        if (accessLogExpirationDays() < 1) {
            problems.add(key.apply("accessLogExpirationDays"), accessLogExpirationDays(), "must be 1 or more");
        }
        SecureBucketArgs.checkAbortIncompleteMultipartUploadDays(key.apply("abortIncompleteMultipartUploadDays"),
                abortIncompleteMultipartUploadDays(), problems);
    }
}

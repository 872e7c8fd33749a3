package dev.strata.datalake;

import dev.strata.core.Problems;

/** Arguments of {@link SecureBucket}. Every default is the safe one. */
public final class SecureBucketArgs extends SecureBucketArgsBase {
    /** Incomplete multipart uploads are aborted after a week unless set: their parts are stored, and billed, until then. */
    public static final int DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS = 7;

    /**
     * {@code days} of an abort rule: a positive whole number, as S3's {@code DaysAfterInitiation}
     * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_AbortIncompleteMultipartUpload.html).
     */
    public static void checkAbortIncompleteMultipartUploadDays(String key, int days, Problems problems) {
        if (days < 1) {
            problems.add(key, days, "must be 1 or more");
        }
    }
}

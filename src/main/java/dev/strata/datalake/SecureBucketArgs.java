package dev.strata.datalake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.strata.core.Problems;
import dev.strata.core.StatefulArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/** Arguments of {@link SecureBucket}. Every default is the safe one. */
public final class SecureBucketArgs extends StatefulArgs {
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

    /** ARN of the customer-managed KMS key for SSE-KMS. Required, except for an access-log destination. */
    @Import(name = "kmsKeyArn")
    @Nullable
    private Output<String> kmsKeyArn;

    /** The tier tag of the bucket (e.g. {@code raw}, {@code cold}). Required. */
    @Import(name = "tier", required = true)
    private String tier;

    /** The component tag of the bucket. Default: {@code datalake}. */
    @Import(name = "component")
    @Nullable
    private String component;

    /** Keep object versions. Default: true. */
    @Import(name = "versioning")
    @Nullable
    private Boolean versioning;

    /** Lifecycle rules, checked against S3's rules. Default: none (the abort rule is always added). */
    @Import(name = "lifecycleRules")
    @Nullable
    private List<LifecycleRuleArgs> lifecycleRules;

    /** Days after which incomplete multipart uploads are aborted (1 or more). Default: {@value #DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS}. */
    @Import(name = "abortIncompleteMultipartUploadDays")
    @Nullable
    private Integer abortIncompleteMultipartUploadDays;

    /** Name of the bucket that receives this bucket's server access logs. Default: no access logging. */
    @Import(name = "accessLogBucket")
    @Nullable
    private Output<String> accessLogBucket;

    /**
     * This bucket receives server access logs: it is encrypted with SSE-S3 (S3 log delivery does not
     * support SSE-KMS destinations) and the S3 logging service of this account may write to it. Default: false.
     */
    @Import(name = "accessLogDestination")
    @Nullable
    private Boolean accessLogDestination;

    /**
     * Turn on S3 Object Lock at creation, with a default retention of this many days in governance
     * mode (see {@link ObjectLock}); needs versioning. Object Lock can only be chosen when the bucket is
     * created: setting it on an existing bucket replaces the bucket (which {@code protect} refuses).
     * Default: no Object Lock.
     */
    @Import(name = "objectLockDays")
    @Nullable
    private Integer objectLockDays;

    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public String tier() {
        return tier;
    }

    public String component() {
        return Optional.ofNullable(component).orElse("datalake");
    }

    public boolean versioning() {
        return !Boolean.FALSE.equals(versioning);
    }

    public List<LifecycleRuleArgs> lifecycleRules() {
        return Optional.ofNullable(lifecycleRules).orElse(List.of());
    }

    public int abortIncompleteMultipartUploadDays() {
        return Optional.ofNullable(abortIncompleteMultipartUploadDays).orElse(DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS);
    }

    public Optional<Output<String>> accessLogBucket() {
        return Optional.ofNullable(accessLogBucket);
    }

    public boolean accessLogDestination() {
        return Boolean.TRUE.equals(accessLogDestination);
    }

    public Optional<Integer> objectLockDays() {
        return Optional.ofNullable(objectLockDays);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends StatefulArgs.Builder<SecureBucketArgs, Builder> {
        private Builder() {
            super(new SecureBucketArgs());
        }

        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder tier(String tier) {
            args.tier = tier;
            return this;
        }

        public Builder component(String component) {
            args.component = component;
            return this;
        }

        public Builder versioning(boolean versioning) {
            args.versioning = versioning;
            return this;
        }

        public Builder lifecycleRules(List<LifecycleRuleArgs> rules) {
            args.lifecycleRules = List.copyOf(rules);
            return this;
        }

        public Builder abortIncompleteMultipartUploadDays(int days) {
            args.abortIncompleteMultipartUploadDays = days;
            return this;
        }

        public Builder accessLogBucket(Output<String> bucketName) {
            args.accessLogBucket = bucketName;
            return this;
        }

        public Builder accessLogDestination(boolean destination) {
            args.accessLogDestination = destination;
            return this;
        }

        public Builder objectLockDays(int days) {
            args.objectLockDays = days;
            return this;
        }
    }
}

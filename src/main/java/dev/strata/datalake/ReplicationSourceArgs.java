package dev.strata.datalake;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/** A bucket {@link Replication} copies to the destination region: its name, ARN and key, and what its replica keeps. */
public final class ReplicationSourceArgs extends ResourceArgs {
    /** The source's short name (e.g. {@code model}); it names the replica bucket, its role and its rule. Required. */
    @Import(name = "name", required = true)
    private String name;

    /** The source bucket's name; the replication configuration is put on it once versioning is on. Required. */
    @Import(name = "bucketName", required = true)
    private Output<String> bucketName;

    /** The source bucket's ARN. Required. */
    @Import(name = "bucketArn", required = true)
    private Output<String> bucketArn;

    /** ARN of the KMS key the source's objects are encrypted with (SSE-KMS). Required. */
    @Import(name = "kmsKeyArn", required = true)
    private Output<String> kmsKeyArn;

    /**
     * The source has S3 Object Lock with this default retention (governance mode): the replica bucket
     * gets Object Lock too, as S3 requires of the destination of a locked source. Default: no Object Lock.
     */
    @Import(name = "objectLockDays")
    @Nullable
    private Integer objectLockDays;

    /** The replica bucket's lifecycle rules (a source bucket's own, when built from one). Default: none. */
    @Import(name = "lifecycleRules")
    @Nullable
    private List<LifecycleRuleArgs> lifecycleRules;

    /** A source built from a {@link SecureBucket}: its name, ARN, key, Object Lock and lifecycle. */
    public static ReplicationSourceArgs of(String name, SecureBucket bucket) {
        SecureBucketArgs args = bucket.args();
        // The name known once versioning is on: the replication configuration then waits for it.
        var source = builder().name(name).bucketName(bucket.versionedBucketName()).bucketArn(bucket.bucketArn)
                .lifecycleRules(args.lifecycleRules());
        args.kmsKeyArn().ifPresent(source::kmsKeyArn);
        args.objectLockDays().ifPresent(source::objectLockDays);
        return source.build();
    }

    public String name() {
        return name;
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }

    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    public Optional<Integer> objectLockDays() {
        return Optional.ofNullable(objectLockDays);
    }

    public List<LifecycleRuleArgs> lifecycleRules() {
        return Optional.ofNullable(lifecycleRules).orElse(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ReplicationSourceArgs args = new ReplicationSourceArgs();

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder bucketName(Output<String> bucketName) {
            args.bucketName = bucketName;
            return this;
        }

        public Builder bucketArn(Output<String> bucketArn) {
            args.bucketArn = bucketArn;
            return this;
        }

        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder objectLockDays(int days) {
            args.objectLockDays = days;
            return this;
        }

        public Builder lifecycleRules(List<LifecycleRuleArgs> rules) {
            args.lifecycleRules = List.copyOf(rules);
            return this;
        }

        public ReplicationSourceArgs build() {
            return args;
        }
    }
}

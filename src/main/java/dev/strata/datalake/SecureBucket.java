package dev.strata.datalake;

import dev.strata.core.ComponentOutputs;
import com.pulumi.resources.Resource;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2;
import com.pulumi.aws.s3.BucketObjectLockConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterAndArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketObjectLockConfigurationV2RuleDefaultRetentionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.core.Children;
import dev.strata.monitoring.MonitoredKind;
import dev.strata.monitoring.MonitoredResourceArgs;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.security.Grant;
import dev.strata.security.Grantee;
import dev.strata.security.Grants;
import dev.strata.security.PolicyDocument;
import dev.strata.security.PolicyStatement;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The S3 bucket every Strata tier is built from, closed by default: owner-enforced object
 * ownership (no ACLs), all four public-access blocks, SSE-KMS with a customer-managed key and an S3
 * bucket key, versioning, a policy that denies plain HTTP and TLS below 1.2, lifecycle rules checked
 * against S3's rules plus a rule that aborts incomplete multipart uploads, and optional server access
 * logging, and optional S3 Object Lock in governance mode ({@link ObjectLock}). It is never
 * {@code forceDestroy}: a bucket holding data cannot be deleted by Pulumi.
 */
public final class SecureBucket extends ComponentResource {
    public static final String TYPE = "strata:datalake:SecureBucket";
    /** The id of the lifecycle rule every bucket gets. */
    public static final String ABORT_RULE_ID = "abort-incomplete-multipart-uploads";
    /** Oldest TLS version the bucket policy admits. */
    public static final String MINIMUM_TLS_VERSION = "1.2";
    /** Pulumi's limit for a bucket name prefix (it appends a unique suffix up to S3's 63 characters). */
    private static final int MAX_BUCKET_PREFIX = 37;

    /** The bucket's name. */
    @Export(name = "bucketName", refs = {String.class}, tree = "[0]")
    public final Output<String> bucketName;

    /** The bucket's ARN. */
    @Export(name = "bucketArn", refs = {String.class}, tree = "[0]")
    public final Output<String> bucketArn;

    /** The bucket's KMS key ARN; null for an access-log destination (SSE-S3). */
    @Nullable
    private final Output<String> keyArn;

    /** The arguments the bucket was built from, for a replica of it ({@link Replication}). */
    private final SecureBucketArgs args;

    /**
     * The bucket's name, known once versioning is configured (at once when versioning is off): a
     * replication configuration that names the bucket by it is put after versioning, as S3 requires.
     */
    private final Output<String> versionedBucketName;

    /** The SecureBucket {@code name} with default resource options, as {@code new SecureBucket(name, args, null)}. */
    public SecureBucket(String name, SecureBucketArgs args) {
        this(name, args, null);
    }

    public SecureBucket(String name, SecureBucketArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args), options);
    }

    /** Arguments that passed validation, with their lifecycle rules typed; checked before anything is registered. */
    private record Checked(SecureBucketArgs args, List<LifecycleRule> rules) {
        static Checked of(SecureBucketArgs args) {
            return new Checked(args, validated(args));
        }
    }

    private SecureBucket(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        SecureBucketArgs args = checked.args();
        List<LifecycleRule> rules = checked.rules();

        var bucketArgs = BucketV2Args.builder()
                .bucketPrefix(bucketPrefix(name))
                .forceDestroy(false)
                .tags(Tags.of(args.tags(), args.component(), args.tier()));
        // Object Lock can only be chosen when the bucket is created.
        args.objectLockDays().ifPresent(days -> bucketArgs.objectLockEnabled(true));
        BucketV2 bucket = new BucketV2(name, bucketArgs.build(), Children.stateful(this, args.protect()));
        Output<String> bucketId = bucket.id();

        var ownership = new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucketId)
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), Children.of(this));

        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucketId)
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), Children.of(this));

        new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucketId)
                        .rules(encryptionRule(args))
                        .build(), Children.of(this));

        List<Resource> lifecycleDependsOn = new ArrayList<>();
        Output<String> versionedName = bucket.bucket();
        if (args.versioning()) {
            BucketVersioningV2 versioning = new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                    .bucket(bucketId)
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                    .build(), Children.of(this));
            lifecycleDependsOn.add(versioning);
            versionedName = Output.tuple(versioning.bucket(), bucket.bucket()).applyValue(t -> t.t2);
        }

        args.objectLockDays().ifPresent(days -> new BucketObjectLockConfigurationV2(name + "-object-lock",
                BucketObjectLockConfigurationV2Args.builder()
                        .bucket(bucketId)
                        .rule(BucketObjectLockConfigurationV2RuleArgs.builder()
                                .defaultRetention(BucketObjectLockConfigurationV2RuleDefaultRetentionArgs.builder()
                                        .mode(ObjectLock.GOVERNANCE)
                                        .days(days)
                                        .build())
                                .build())
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(lifecycleDependsOn).build()));

        Output<String> policy = args.accessLogDestination()
                ? Output.tuple(bucket.arn(), AwsFunctions.getCallerIdentity())
                        .applyValue(t -> bucketPolicy(t.t1, t.t2.accountId()))
                : bucket.arn().applyValue(arn -> bucketPolicy(arn, null));
        // The public-access block goes first: a policy put while it is being applied can be rejected.
        new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucketId)
                .policy(policy)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(publicAccess, ownership).build());

        List<BucketLifecycleConfigurationV2RuleArgs> lifecycle = new ArrayList<>();
        rules.forEach(rule -> lifecycle.add(lifecycleRule(rule)));
        lifecycle.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                .id(ABORT_RULE_ID)
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build())
                .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(args.abortIncompleteMultipartUploadDays()).build())
                .build());
        // Noncurrent-version rules act on versions, so versioning is configured first.
        new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                .bucket(bucketId)
                .rules(lifecycle)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(lifecycleDependsOn).build());

        args.accessLogBucket().ifPresent(target -> new BucketLoggingV2(name + "-logging", BucketLoggingV2Args.builder()
                .bucket(bucketId)
                .targetBucket(target)
                .targetPrefix(name + "/")
                .build(), Children.of(this)));

        this.bucketName = bucket.bucket();
        this.bucketArn = bucket.arn();
        this.keyArn = args.kmsKeyArn().orElse(null);
        this.args = args;
        this.versionedBucketName = versionedName;
        registerOutputs(ComponentOutputs.of(this));
    }

    /** The bucket as {@code StorageAlarms} shows it: its size and object count on the dashboard (no alarm). */
    public MonitoredResourceArgs monitored(String tier, String label) {
        return MonitoredResourceArgs.builder().tier(tier).label(label).kind(MonitoredKind.S3_BUCKET).resourceId(bucketName).build();
    }

    /**
     * Lets {@code grantee} read objects under {@code prefix} ({@code ""} for the whole bucket):
     * s3:GetObject on {@code bucket/prefix*}, s3:ListBucket on the bucket for that prefix only, and
     * kms:Decrypt on this bucket's key through S3 in the stack's region. Returns the grant given.
     */
    public Grant grantRead(Grantee grantee, String prefix) {
        return grant(grantee, "read", prefix, (arns, via) -> Grants.s3Read(arns.get(0), arns.get(1), prefix, via));
    }

    /**
     * Lets {@code grantee} write objects under {@code prefix}: s3:PutObject and s3:AbortMultipartUpload
     * on {@code bucket/prefix*}, and kms:Decrypt and kms:GenerateDataKey on this bucket's key through S3.
     * Writing does not include reading: grant both where a workload needs both.
     */
    public Grant grantWrite(Grantee grantee, String prefix) {
        return grant(grantee, "write", prefix, (arns, via) -> Grants.s3Write(arns.get(0), arns.get(1), prefix, via));
    }

    private Grant grant(Grantee grantee, String verb, String prefix,
                        java.util.function.BiFunction<List<String>, String, List<PolicyStatement>> statements) {
        Grants.requirePrefix(prefix);
        Output<String> key = keyArn == null ? Output.ofNullable(null) : keyArn;
        Output<List<PolicyStatement>> granted = Output.tuple(bucketArn, key, Grants.region(), Grants.partition())
                .applyValue(t -> statements.apply(java.util.Arrays.asList(t.t1, t.t2),
                        Grants.s3ViaService(t.t3.name(), t.t4.dnsSuffix())));
        Grant grant = new Grant(Grant.id(verb, pulumiResourceName(), prefix), granted);
        grantee.grant(grant);
        return grant;
    }

    /** The arguments the bucket was built from. */
    SecureBucketArgs args() {
        return args;
    }

    /** The bucket's name, known once its versioning is configured. */
    Output<String> versionedBucketName() {
        return versionedBucketName;
    }

    /** A lower-case prefix derived from the resource name; Pulumi appends a unique suffix. */
    static String bucketPrefix(String name) {
        String prefix = ("strata-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (prefix.length() > MAX_BUCKET_PREFIX - 1) {
            prefix = prefix.substring(0, MAX_BUCKET_PREFIX - 1);
        }
        return prefix + "-";
    }

    private static BucketServerSideEncryptionConfigurationV2RuleArgs encryptionRule(SecureBucketArgs args) {
        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        if (args.accessLogDestination()) {
            // S3 server access log delivery supports only SSE-S3 on the destination bucket:
            // https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
            byDefault.sseAlgorithm("AES256");
        } else {
            byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(args.kmsKeyArn().orElseThrow());
        }
        return BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                .applyServerSideEncryptionByDefault(byDefault.build())
                .bucketKeyEnabled(!args.accessLogDestination())
                .build();
    }

    /**
     * Denies every request without TLS, or with TLS below 1.2
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html). A log
     * destination also lets this account's S3 log delivery write objects
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
     */
    static String bucketPolicy(String bucketArn, @Nullable String logDeliveryAccountId) {
        List<String> bucketAndObjects = List.of(bucketArn, bucketArn + "/*");
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                PolicyStatement.deny("DenyInsecureTransport", "*", List.of("s3:*"), bucketAndObjects,
                        Map.of("Bool", Map.of("aws:SecureTransport", "false"))),
                PolicyStatement.deny("DenyOutdatedTls", "*", List.of("s3:*"), bucketAndObjects,
                        Map.of("NumericLessThan", Map.of("s3:TlsVersion", MINIMUM_TLS_VERSION)))));
        if (logDeliveryAccountId != null) {
            statements.add(PolicyStatement.allow("AllowServerAccessLogDelivery",
                    Map.of("Service", "logging.s3.amazonaws.com"), List.of("s3:PutObject"), List.of(bucketArn + "/*"),
                    Map.of("StringEquals", Map.of("aws:SourceAccount", logDeliveryAccountId))));
        }
        return PolicyDocument.json(statements);
    }

    private static BucketLifecycleConfigurationV2RuleArgs lifecycleRule(LifecycleRule rule) {
        var builder = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id(rule.id())
                .status("Enabled")
                .filter(filter(rule));
        if (!rule.transitions().isEmpty()) {
            builder.transitions(rule.transitions().stream().map(t -> BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                    .days(t.days()).storageClass(t.storageClass().name()).build()).toList());
        }
        if (!rule.noncurrentTransitions().isEmpty()) {
            builder.noncurrentVersionTransitions(rule.noncurrentTransitions().stream()
                    .map(t -> BucketLifecycleConfigurationV2RuleNoncurrentVersionTransitionArgs.builder()
                            .noncurrentDays(t.days()).storageClass(t.storageClass().name()).build()).toList());
        }
        rule.expirationDays().ifPresent(days ->
                builder.expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(days).build()));
        rule.noncurrentExpirationDays().ifPresent(days -> builder.noncurrentVersionExpiration(
                BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder().noncurrentDays(days).build()));
        return builder.build();
    }

    /** S3 takes a single condition directly and several under {@code and}. */
    private static BucketLifecycleConfigurationV2RuleFilterArgs filter(LifecycleRule rule) {
        boolean sized = rule.objectSizeGreaterThan().isPresent() || rule.objectSizeLessThan().isPresent();
        String prefix = rule.prefix().orElse("");
        if (!sized) {
            return BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix(prefix).build();
        }
        var and = BucketLifecycleConfigurationV2RuleFilterAndArgs.builder();
        if (!prefix.isEmpty()) {
            and.prefix(prefix);
        }
        rule.objectSizeGreaterThan().ifPresent(and::objectSizeGreaterThan);
        rule.objectSizeLessThan().ifPresent(and::objectSizeLessThan);
        return BucketLifecycleConfigurationV2RuleFilterArgs.builder().and(and.build()).build();
    }

    /** Checks the plain arguments before anything is registered; returns the typed lifecycle rules. */
    private static List<LifecycleRule> validated(SecureBucketArgs args) {
        Problems problems = new Problems();
        if (args.tier() == null || args.tier().isBlank()) {
            problems.missing("tier", "is required; the bucket's tier tag, e.g. raw or cold");
        }
        if (args.kmsKeyArn().isEmpty() && !args.accessLogDestination()) {
            problems.missing("kmsKeyArn", "is required: buckets are encrypted with a customer-managed KMS key");
        }
        if (args.accessLogDestination() && args.accessLogBucket().isPresent()) {
            problems.add("accessLogBucket", "(set)", "accessLogDestination", true,
                    "an access-log destination does not log to another bucket");
        }
        args.objectLockDays().ifPresent(days -> {
            ObjectLock.validateDays(days, "objectLockDays", problems);
            if (!args.versioning()) {
                problems.add("objectLockDays", days, "versioning", false, "Object Lock needs versioning");
            }
            if (args.accessLogDestination()) {
                problems.add("objectLockDays", days, "accessLogDestination", true,
                        "a bucket that receives server access logs cannot have a default retention period");
            }
        });
        SecureBucketArgs.checkAbortIncompleteMultipartUploadDays("abortIncompleteMultipartUploadDays",
                args.abortIncompleteMultipartUploadDays(), problems);
        List<LifecycleRule> rules = new ArrayList<>();
        for (int i = 0; i < args.lifecycleRules().size(); i++) {
            rules.add(args.lifecycleRules().get(i).toRule("lifecycleRules[" + i + "]", problems));
        }
        LifecycleRules.validate(rules, "lifecycleRules", problems);
        for (int i = 0; i < rules.size(); i++) {
            if (ABORT_RULE_ID.equals(rules.get(i).id())) {
                problems.add("lifecycleRules[" + i + "].id", ABORT_RULE_ID, "is the id of the rule every bucket gets; choose another");
            }
        }
        problems.throwIfAny();
        return rules;
    }
}

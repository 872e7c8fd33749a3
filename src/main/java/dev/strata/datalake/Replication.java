package dev.strata.datalake;

import dev.strata.core.ComponentOutputs;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.core.Children;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.monitoring.MonitoredKind;
import dev.strata.monitoring.MonitoredResourceArgs;
import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;
import dev.strata.security.Grants;
import dev.strata.security.PolicyDocument;
import dev.strata.security.ReplicationPolicy;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cross-Region replication of chosen buckets (the playbook's "data sharing across regions"): for each
 * source, a {@link SecureBucket} replica in the destination region (owner-enforced, public access
 * blocked, TLS-only, versioned, the source's lifecycle, and Object Lock when the source has it),
 * encrypted with a key of its own in that region; an IAM role only S3 may assume, allowed exactly the
 * replication actions on the two buckets and the two keys ({@link ReplicationPolicy}); and the source's
 * replication configuration, which replicates SSE-KMS objects re-encrypted with the replica key
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html).
 * The replicas and their key are registered through an aws provider for the destination region that
 * the component creates.
 *
 * <p>What S3 requires, encoded here: versioning on both buckets, the replication configuration put
 * after the source's versioning (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-requirements.html);
 * with a {@code Filter} (replication configuration V2) an explicit {@code DeleteMarkerReplication}
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-marker-replication.html); a locked
 * source replicates only to a destination with Object Lock, and the role reads retention and legal holds
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html#object-lock-managing-replication;
 * Strata turns Object Lock on when it creates a bucket, so no AWS Support token is needed); Replication
 * Time Control given with metrics, 15 minutes
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ReplicationTime.html). Objects that existed before
 * the configuration are not replicated (S3 Batch Replication copies them).
 */
public final class Replication extends ComponentResource {
    public static final String TYPE = "strata:datalake:Replication";
    /** The component tag of the replica buckets. */
    public static final String COMPONENT = "replication";

    /** The region of the replicas. */
    @Export(name = "destinationRegion", refs = {String.class}, tree = "[0]")
    public final Output<String> destinationRegion;

    /** Source name to source bucket name (the {@code SourceBucket} dimension of S3's replication metrics). */
    @Export(name = "sourceBucketNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> sourceBucketNames;

    /** Source name to replica bucket name (the {@code DestinationBucket} dimension). */
    @Export(name = "replicaBucketNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> replicaBucketNames;

    /** Source name to replica bucket ARN. */
    @Export(name = "replicaBucketArns", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> replicaBucketArns;

    /** Source name to the id of its replication rule (the {@code RuleId} dimension). */
    @Export(name = "ruleIds", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> ruleIds;

    /** Source name to the ARN of the role S3 replicates it as. */
    @Export(name = "roleArns", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> roleArns;

    /** The ARN of the replicas' key, in the destination region. */
    @Export(name = "replicaKeyArn", refs = {String.class}, tree = "[0]")
    public final Output<String> replicaKeyArn;

    /** What {@code StorageAlarms} watches: each rule's failures and latency (none without replication metrics). */
    private final List<MonitoredResourceArgs> monitored;

    /** The Replication {@code name} with default resource options, as {@code new Replication(name, args, null)}. */
    public Replication(String name, ReplicationArgs args) {
        this(name, args, null);
    }

    public Replication(String name, ReplicationArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, validated(args), options);
        String region = args.destinationRegion();
        Provider destination = new Provider(name + "-" + region, ProviderArgs.builder().region(region).build(),
                CustomResourceOptions.builder().parent(this).build());
        var inDestination = ComponentResourceOptions.builder().parent(this).providers(destination).build();

        EncryptionKey replicaKey = new EncryptionKey(name + "-key", EncryptionKeyArgs.builder()
                .purpose(keyPurpose(region))
                .services(List.of("s3"))
                .tags(args.tags())
                .protect(args.protect())
                .build(), inDestination);

        Map<String, Output<String>> sourceNames = new LinkedHashMap<>();
        Map<String, Output<String>> replicaNames = new LinkedHashMap<>();
        Map<String, Output<String>> replicaArns = new LinkedHashMap<>();
        Map<String, Output<String>> rules = new LinkedHashMap<>();
        Map<String, Output<String>> roles = new LinkedHashMap<>();
        List<MonitoredResourceArgs> watched = new ArrayList<>();
        for (ReplicationSourceArgs source : args.sources()) {
            String child = name + "-" + source.name();
            var replicaArgs = SecureBucketArgs.builder()
                    .kmsKeyArn(replicaKey.keyArn)
                    .component(COMPONENT)
                    .tier(source.name() + "-replica")
                    .versioning(true)
                    .lifecycleRules(source.lifecycleRules())
                    .tags(args.tags())
                    .protect(args.protect());
            source.objectLockDays().ifPresent(replicaArgs::objectLockDays);
            SecureBucket replica = new SecureBucket(child, replicaArgs.build(), inDestination);

            Role role = new Role(child, RoleArgs.builder()
                    .description("Strata S3 replication of " + source.name() + " to " + region)
                    .assumeRolePolicy(ReplicationPolicy.trustPolicy())
                    .tags(Tags.of(args.tags(), "security", COMPONENT))
                    .build(), Children.of(this));
            Output<String> policy = Output.tuple(source.bucketArn(), source.kmsKeyArn(), replica.bucketArn, replicaKey.keyArn,
                    Grants.region(), Grants.partition()).applyValue(t -> PolicyDocument.json(ReplicationPolicy.statements(
                    new ReplicationPolicy.Side(t.t1, t.t2, t.t5.name()), new ReplicationPolicy.Side(t.t3, t.t4, region),
                    source.objectLockDays().isPresent(), t.t6.dnsSuffix())));
            RolePolicy rolePolicy = new RolePolicy(child, RolePolicyArgs.builder()
                    .role(role.id())
                    .name("replicate-" + source.name())
                    .policy(policy)
                    .build(), Children.of(this));

            String ruleId = ruleId(region);
            // S3 requires versioning on both buckets when the configuration is put: the source is named by
            // its versioned name, the replica's ARN is taken once its versioning is on; the role's policy first.
            Output<String> versionedReplicaArn = Output.tuple(replica.bucketArn, replica.versionedBucketName()).applyValue(t -> t.t1);
            new BucketReplicationConfig(child, BucketReplicationConfigArgs.builder()
                    .bucket(source.bucketName())
                    .role(role.arn())
                    .rules(rule(ruleId, versionedReplicaArn, replicaKey.keyArn, args))
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(rolePolicy).build());

            sourceNames.put(source.name(), source.bucketName());
            replicaNames.put(source.name(), replica.bucketName);
            replicaArns.put(source.name(), replica.bucketArn);
            rules.put(source.name(), Output.of(ruleId));
            roles.put(source.name(), role.arn());
            if (args.metrics()) {
                watched.add(monitored(source.name(), source.bucketName(), replica.bucketName, ruleId, region));
            }
        }
        this.monitored = List.copyOf(watched);
        this.destinationRegion = Output.of(region);
        this.sourceBucketNames = byName(sourceNames);
        this.replicaBucketNames = byName(replicaNames);
        this.replicaBucketArns = byName(replicaArns);
        this.ruleIds = byName(rules);
        this.roleArns = byName(roles);
        this.replicaKeyArn = replicaKey.keyArn;
        registerOutputs(ComponentOutputs.of(this));
    }

    /**
     * The replication of one source as {@code StorageAlarms} watches it: S3 publishes a rule's
     * OperationsFailedReplication and ReplicationLatency in the destination bucket's region, dimensioned by
     * source bucket, destination bucket and rule id, and only with replication metrics on
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html).
     */
    public static MonitoredResourceArgs monitored(String source, Output<String> sourceBucket, Output<String> replicaBucket,
                                                  String ruleId, String destinationRegion) {
        return MonitoredResourceArgs.builder().tier(COMPONENT).label(COMPONENT + "-" + source).kind(MonitoredKind.S3_REPLICATION)
                .resourceId(sourceBucket).destinationBucket(replicaBucket).ruleId(Output.of(ruleId))
                .metricsRegion(destinationRegion).build();
    }

    /** The replication rules {@code StorageAlarms} watches, one per source. */
    public List<MonitoredResourceArgs> monitored() {
        return monitored;
    }

    /** The purpose of the replicas' key in {@code destinationRegion}: its tier tag and its cost tier. */
    public static String keyPurpose(String destinationRegion) {
        return "replica-" + destinationRegion;
    }

    /** The id of the one rule of each source's replication configuration. */
    public static String ruleId(String destinationRegion) {
        return "replicate-to-" + destinationRegion;
    }

    /**
     * The rule: the whole bucket ({@code Filter} with an empty prefix, configuration V2), SSE-KMS objects
     * selected and re-encrypted with the replica key, delete markers as chosen, Replication Time Control
     * and metrics as chosen.
     */
    private static BucketReplicationConfigRuleArgs rule(String ruleId, Output<String> replicaArn, Output<String> replicaKeyArn,
                                                        ReplicationArgs args) {
        var destination = BucketReplicationConfigRuleDestinationArgs.builder()
                .bucket(replicaArn)
                .encryptionConfiguration(BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                        .replicaKmsKeyId(replicaKeyArn).build());
        if (args.metrics()) {
            destination.metrics(BucketReplicationConfigRuleDestinationMetricsArgs.builder()
                    .status("Enabled")
                    .eventThreshold(BucketReplicationConfigRuleDestinationMetricsEventThresholdArgs.builder()
                            .minutes(ReplicationRules.RTC_MINUTES).build())
                    .build());
        }
        if (args.replicationTimeControl()) {
            destination.replicationTime(BucketReplicationConfigRuleDestinationReplicationTimeArgs.builder()
                    .status("Enabled")
                    .time(BucketReplicationConfigRuleDestinationReplicationTimeTimeArgs.builder()
                            .minutes(ReplicationRules.RTC_MINUTES).build())
                    .build());
        }
        return BucketReplicationConfigRuleArgs.builder()
                .id(ruleId)
                .status("Enabled")
                .priority(1)
                .filter(BucketReplicationConfigRuleFilterArgs.builder().prefix("").build())
                .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                        .status(args.replicateDeleteMarkers() ? "Enabled" : "Disabled").build())
                .sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                        .sseKmsEncryptedObjects(BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs.builder()
                                .status("Enabled").build())
                        .build())
                .destination(destination.build())
                .build();
    }

    private static Output<Map<String, String>> byName(Map<String, Output<String>> values) {
        return DataLake.byZone(values, Function.identity());
    }

    private static ReplicationArgs validated(ReplicationArgs args) {
        Problems problems = new Problems();
        args.validate(problems);
        problems.throwIfAny();
        return args;
    }
}

package dev.strata.inference;

import dev.strata.core.ComponentOutputs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.User;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.NetworkRules;
import dev.strata.core.OptionalOutput;
import dev.strata.core.Problems;
import dev.strata.datalake.SecureBucket;
import dev.strata.monitoring.MonitoredKind;
import dev.strata.monitoring.MonitoredResourceArgs;
import dev.strata.efs.EfsFileSystem;
import dev.strata.security.Grant;
import dev.strata.security.Grantee;
import dev.strata.security.Grants;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Inference storage: the multi-level model cache of the playbook ("Caching Strategies", "Pattern 2:
 * Inference-Optimized Storage"). A model server looks for a model at the nearest level that has it:
 * <ol>
 *   <li>L1: an ElastiCache (Redis OSS or Valkey) replication group for hot model weights, optional,
 *       encrypted at rest with the CMK and in transit, reached only from the cluster, authenticated
 *       through RBAC with an IAM-authenticated user (no password exists)</li>
 *   <li>L2: the local NVMe of the nodes labelled for it ({@link NvmeNode}): the StorageClass
 *       {@code local-nvme} and the local static provisioner ({@link LocalVolumeProvisioner}), which
 *       creates one local PersistentVolume per node from its cache mount and cleans released ones;
 *       no node is named ahead</li>
 *   <li>L3: an EFS file system shared by every model server: the StorageClass {@code efs-models}
 *       (access points under a base path, reclaim policy Retain) and the claim {@code shared-models-pvc}</li>
 *   <li>L4: the model archive, a versioned {@link SecureBucket} with the model zone's lifecycle and
 *       optional Object Lock in governance mode</li>
 * </ol>
 * An optional warm-up DaemonSet copies chosen prefixes from L4 into L2 on every L2 node, as the
 * read-only inference identity (IRSA; no credentials in the manifest), non-root.
 */
public final class InferenceStorage extends ComponentResource {
    public static final String TYPE = "strata:inference:InferenceStorage";


    /** L2: the playbook's local StorageClass. */
    public static final String LOCAL_STORAGE_CLASS = NvmeCacheLevel.STORAGE_CLASS;
    /** L3: the playbook's EFS StorageClass and claim. */
    public static final String MODEL_STORAGE_CLASS = ModelRepository.STORAGE_CLASS;
    public static final String MODEL_CLAIM = ModelRepository.CLAIM;

    /** L1: the Redis primary endpoint; null when the cache is off. */
    @OptionalOutput
    @Export(name = "redisEndpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> redisEndpoint;

    /** L1: the Redis reader endpoint; null when the cache is off. */
    @OptionalOutput
    @Export(name = "redisReaderEndpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> redisReaderEndpoint;

    /** L1: the user name model servers authenticate as (with an IAM auth token, never a password); null when off. */
    @OptionalOutput
    @Export(name = "redisUserName", refs = {String.class}, tree = "[0]")
    public final Output<String> redisUserName;

    /** L1: the replication group's ARN (for the identity's elasticache:Connect grant); null when off. */
    @OptionalOutput
    @Export(name = "redisArn", refs = {String.class}, tree = "[0]")
    public final Output<String> redisArn;

    /** L1: the IAM-authenticated user's ARN (the other resource of the elasticache:Connect grant); null when off. */
    @OptionalOutput
    @Export(name = "redisUserArn", refs = {String.class}, tree = "[0]")
    public final Output<String> redisUserArn;

    /** L2: the local StorageClass model servers claim NVMe volumes from. */
    @Export(name = "localStorageClassName", refs = {String.class}, tree = "[0]")
    public final Output<String> localStorageClassName;

    /** L2: the label ({@code key=value}) of the nodes whose local NVMe holds the cache; null when L2 is off. */
    @OptionalOutput
    @Export(name = "localNodeLabel", refs = {String.class}, tree = "[0]")
    public final Output<String> localNodeLabel;

    /** L3: the EFS StorageClass model servers' claims use. */
    @Export(name = "modelStorageClassName", refs = {String.class}, tree = "[0]")
    public final Output<String> modelStorageClassName;

    /** L3: the shared model claim in the namespace. */
    @Export(name = "modelClaimName", refs = {String.class}, tree = "[0]")
    public final Output<String> modelClaimName;

    /** L3: the model repository's EFS file system id. */
    @Export(name = "modelFileSystemId", refs = {String.class}, tree = "[0]")
    public final Output<String> modelFileSystemId;

    /** L4: the archive bucket's name. */
    @Export(name = "archiveBucketName", refs = {String.class}, tree = "[0]")
    public final Output<String> archiveBucketName;

    /** L4: the archive bucket's ARN. */
    @Export(name = "archiveBucketArn", refs = {String.class}, tree = "[0]")
    public final Output<String> archiveBucketArn;

    /** The namespace of the model servers and the model claim. */
    @Export(name = "namespace", refs = {String.class}, tree = "[0]")
    public final Output<String> namespace;

    /** What the levels hold, for {@link #levels()}. */
    private final InferenceStorageArgs args;
    /** The archive bucket, for grants. */
    private final SecureBucket archive;
    /** The L3 file system, for grants. */
    private final EfsFileSystem modelRepository;
    private final boolean redisEnabled;
    /** What StorageAlarms watches of the levels, nearest first. */
    private final List<MonitoredResourceArgs> monitored;

    /** The InferenceStorage {@code name} with default resource options, as {@code new InferenceStorage(name, args, null)}. */
    public InferenceStorage(String name, InferenceStorageArgs args) {
        this(name, args, null);
    }

    public InferenceStorage(String name, InferenceStorageArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args, options), options);
    }

    /** Arguments that passed validation, with their typed values; checked before anything is registered. */
    private record Checked(InferenceStorageArgs args, Provider provider, Optional<NvmeNode> nodes, Optional<RedisCache> redis,
                           Optional<CacheWarmup> warmup) {
        static Checked of(InferenceStorageArgs args, @Nullable ComponentResourceOptions options) {
            Problems problems = new Problems();
            Optional<Provider> kubernetes = kubernetesProvider(options);
            if (args.kmsKeyArn() == null) {
                problems.missing("kmsKeyArn", "is required: every level is encrypted with a customer-managed KMS key");
            }
            if (kubernetes.isEmpty()) {
                problems.missing("providers", "must hold the Kubernetes provider of the cluster the model servers run on "
                        + "(ComponentResourceOptions.providers)");
            }
            NetworkRules.network("network", args.network(), problems);
            args.validate(key -> key, problems);
            Optional<NvmeNode> nodes = args.nvmeNodes().map(NvmeNodeArgs::toNode);
            Optional<RedisCache> redis = args.redis().map(RedisCacheArgs::toCache);
            Optional<CacheWarmup> warmup = args.warmup().map(CacheWarmupArgs::toWarmup);
            problems.throwIfAny();
            return new Checked(args, kubernetes.orElseThrow(), nodes, redis, warmup);
        }
    }

    /** The Kubernetes provider among the component's providers: Pulumi's own way to hand a component its cluster. */
    private static Optional<Provider> kubernetesProvider(@Nullable ComponentResourceOptions options) {
        return Optional.ofNullable(options).stream()
                .flatMap(o -> o.getProviders().stream())
                .filter(Provider.class::isInstance)
                .map(Provider.class::cast)
                .findFirst();
    }

    private InferenceStorage(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        InferenceStorageArgs args = checked.args();
        Provider k8s = checked.provider();
        // Objects in the namespace take its name from args.namespace(): they wait for the Namespace it came from.
        // The levels, nearest first; each declares its own resources.
        RedisLevel l1 = new RedisLevel(name, args, checked.redis(), this);
        NvmeCacheLevel l2 = new NvmeCacheLevel(name, args, checked.nodes(), k8s, this);
        ModelRepository l3 = new ModelRepository(name, args, k8s, this);
        ModelArchive l4 = new ModelArchive(name, args, this);
        // The warm-up copies from L4 into L2.
        checked.warmup().ifPresent(warmup -> l2.warmUp(args, warmup, l4.bucketName(), k8s));

        List<MonitoredResourceArgs> monitored = new ArrayList<>();
        l1.group.ifPresent(group -> monitored.add(MonitoredResourceArgs.builder().tier("l1-redis").label("inference-redis")
                .kind(MonitoredKind.ELASTICACHE).resourceId(group.replicationGroupId())
                .cacheNodes(checked.redis().orElseThrow().replicas() + 1).build()));
        monitored.add(l3.fileSystem.monitored("l3-efs", "inference-models"));
        monitored.add(l4.bucket.monitored("l4-s3", "inference-archive"));
        this.monitored = List.copyOf(monitored);
        this.args = args;
        this.archive = l4.bucket;
        this.modelRepository = l3.fileSystem;
        this.redisEnabled = checked.redis().isPresent();
        this.redisEndpoint = l1.group.map(ReplicationGroup::primaryEndpointAddress).orElseGet(() -> Output.ofNullable(null));
        this.redisReaderEndpoint = l1.group.map(ReplicationGroup::readerEndpointAddress).orElseGet(() -> Output.ofNullable(null));
        this.redisArn = l1.group.map(ReplicationGroup::arn).orElseGet(() -> Output.ofNullable(null));
        this.redisUserName = l1.iamUser.map(User::userName).orElseGet(() -> Output.ofNullable(null));
        this.redisUserArn = l1.iamUser.map(User::arn).orElseGet(() -> Output.ofNullable(null));
        this.modelFileSystemId = modelRepository.fileSystemId;
        this.localStorageClassName = Output.of(LOCAL_STORAGE_CLASS);
        this.localNodeLabel = Output.ofNullable(checked.nodes().map(NvmeNode::nodeLabel).orElse(null));
        this.modelStorageClassName = Output.of(MODEL_STORAGE_CLASS);
        this.modelClaimName = Output.of(MODEL_CLAIM);
        this.archiveBucketName = archive.bucketName;
        this.archiveBucketArn = archive.bucketArn;
        this.namespace = args.namespace();
        registerOutputs(ComponentOutputs.of(this));
    }

    /** What a model server needs to find each cache level, nearest first (Strata's {@code inference} stack output). */
    public Output<Map<String, Object>> levels() {
        return Output.tuple(redisEndpoint, redisReaderEndpoint, redisUserName, localNodeLabel, modelFileSystemId, archiveBucketName,
                        namespace)
                .applyValue(t -> {
                    Map<String, Object> l1 = new LinkedHashMap<>();
                    l1.put("enabled", args.redis().isPresent());
                    args.redis().ifPresent(redis -> {
                        l1.put("endpoint", t.t1);
                        l1.put("readerEndpoint", t.t2);
                        l1.put("port", RedisCache.PORT);
                        l1.put("tls", true);
                        l1.put("authentication", "iam");
                        l1.put("userName", t.t3);
                    });
                    Map<String, Object> l2 = new LinkedHashMap<>();
                    l2.put("enabled", args.nvmeNodes().isPresent());
                    args.nvmeNodes().ifPresent(nodes -> {
                        l2.put("storageClass", LOCAL_STORAGE_CLASS);
                        l2.put("nodeLabel", t.t4);
                        l2.put("mountPath", nodes.toNode().mountPath());
                    });
                    Map<String, Object> l3 = new LinkedHashMap<>();
                    l3.put("storageClass", MODEL_STORAGE_CLASS);
                    l3.put("claim", MODEL_CLAIM);
                    l3.put("namespace", t.t7);
                    l3.put("fileSystemId", t.t5);
                    Map<String, Object> l4 = new LinkedHashMap<>();
                    l4.put("bucket", t.t6);
                    args.objectLockDays().ifPresent(days -> l4.put("objectLockDays", days));
                    Map<String, Object> levels = new LinkedHashMap<>();
                    levels.put("l1Redis", l1);
                    levels.put("l2LocalNvme", l2);
                    levels.put("l3Efs", l3);
                    levels.put("l4S3", l4);
                    return levels;
                });
    }

    /**
     * The levels' resources as {@code StorageAlarms} watches them: the L1 replication group (tier
     * {@code l1-redis}, when on), the L3 file system ({@code l3-efs}) and the L4 archive ({@code l4-s3}).
     * L2 is the nodes' own NVMe, which CloudWatch sees only through an agent on the nodes.
     */
    public List<MonitoredResourceArgs> monitored() {
        return monitored;
    }

    /** The model archive bucket, for grants (read by the inference identity). */
    public SecureBucket archive() {
        return archive;
    }

    /** The L3 model repository, for grants (the EFS CSI driver mounts it). */
    public EfsFileSystem modelRepository() {
        return modelRepository;
    }

    /**
     * Lets {@code grantee} connect to the L1 cache as the IAM-authenticated user: elasticache:Connect on
     * the replication group and the user. Empty (nothing granted) when L1 is off.
     */
    public Optional<Grant> grantCacheConnect(Grantee grantee) {
        if (!redisEnabled) {
            return Optional.empty();
        }
        Grant grant = new Grant(Grant.id("connect", pulumiResourceName(), "redis"),
                Output.tuple(redisArn, redisUserArn).applyValue(t -> Grants.cacheConnect(t.t1, t.t2)));
        grantee.grant(grant);
        return Optional.of(grant);
    }
}

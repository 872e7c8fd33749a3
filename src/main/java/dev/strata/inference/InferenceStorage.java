package dev.strata.inference;

import dev.strata.core.KubernetesValues;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.elasticache.User;
import com.pulumi.aws.elasticache.UserArgs;
import com.pulumi.aws.elasticache.UserGroup;
import com.pulumi.aws.elasticache.UserGroupArgs;
import com.pulumi.aws.elasticache.inputs.UserAuthenticationModeArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apps.v1.DaemonSet;
import com.pulumi.kubernetes.apps.v1.DaemonSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DaemonSetSpecArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolume;
import com.pulumi.kubernetes.core.v1.PersistentVolumeArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.AffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.HostPathVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.LocalVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeAffinityArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeSelectorRequirementArgs;
import com.pulumi.kubernetes.core.v1.inputs.NodeSelectorTermArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeNodeAffinityArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.core.Children;
import dev.strata.core.NetworkRules;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.datalake.LifecycleRuleArgs;
import dev.strata.datalake.ObjectLock;
import dev.strata.datalake.SecureBucket;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.datalake.Zones;
import dev.strata.efs.EfsFileSystem;
import dev.strata.efs.EfsFileSystemArgs;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.efs.EfsRules;
import dev.strata.security.Grant;
import dev.strata.security.Grantee;
import dev.strata.security.Grants;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    public static final String DEFAULT_NAMESPACE = "ml-inference";
    public static final String DEFAULT_SERVICE_ACCOUNT = "model-server";
    public static final String DEFAULT_MODEL_CLAIM_SIZE = "100Gi";
    public static final String DEFAULT_MODEL_BASE_PATH = "/models";

    /** L2: the playbook's local StorageClass. */
    public static final String LOCAL_STORAGE_CLASS = "local-nvme";
    /** L2: local volumes are never provisioned on demand; the static provisioner creates them ahead. */
    public static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";
    /** L3: the playbook's EFS StorageClass and claim. */
    public static final String MODEL_STORAGE_CLASS = "efs-models";
    public static final String MODEL_CLAIM = "shared-models-pvc";
    /** L3: the playbook's access-point parameters. */
    public static final String DIRECTORY_PERMS = "0755";
    public static final String GID_RANGE_START = "1000";
    public static final String GID_RANGE_END = "2000";
    /** The warm-up DaemonSet's name. */
    public static final String WARMUP_NAME = "model-cache-warmup";
    /** The uid and gid the warm-up runs as: the L2 cache directory's group (in the access points' gid range). */
    public static final int WARMUP_UID = NvmeNode.CACHE_GID;

    /**
     * Redis ACL of the IAM-authenticated user: every key, reads and writes, no administrative or
     * dangerous commands. https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html
     */
    public static final String REDIS_ACCESS_STRING = "on ~* -@all +@read +@write +@keyspace +@connection -@dangerous";
    /**
     * A user group must contain a user named {@code default}; Strata's is switched off and may run
     * no command, so the only way in is the IAM user.
     */
    public static final String REDIS_DEFAULT_ACCESS_STRING = "off -@all";

    /** Copies every configured prefix from the archive into the node's cache directory. */
    static final String SYNC_SCRIPT = "set -eu; for prefix in $MODEL_PREFIXES; do "
            + "aws s3 sync \"s3://$ARCHIVE_BUCKET/$prefix\" \"/cache/$prefix\" --only-show-errors; done";
    /** How often the warm-up refreshes the cache after the first copy. */
    static final int RESYNC_SECONDS = 3600;

    /** L1: the Redis primary endpoint; null when the cache is off. */
    @Export(name = "redisEndpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> redisEndpoint;

    /** L1: the Redis reader endpoint; null when the cache is off. */
    @Export(name = "redisReaderEndpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> redisReaderEndpoint;

    /** L1: the user name model servers authenticate as (with an IAM auth token, never a password); null when off. */
    @Export(name = "redisUserName", refs = {String.class}, tree = "[0]")
    public final Output<String> redisUserName;

    /** L1: the replication group's ARN (for the identity's elasticache:Connect grant); null when off. */
    @Export(name = "redisArn", refs = {String.class}, tree = "[0]")
    public final Output<String> redisArn;

    /** L1: the IAM-authenticated user's ARN (the other resource of the elasticache:Connect grant); null when off. */
    @Export(name = "redisUserArn", refs = {String.class}, tree = "[0]")
    public final Output<String> redisUserArn;

    /** L2: the local StorageClass model servers claim NVMe volumes from. */
    @Export(name = "localStorageClassName", refs = {String.class}, tree = "[0]")
    public final Output<String> localStorageClassName;

    /** L2: the label ({@code key=value}) of the nodes whose local NVMe holds the cache; null when L2 is off. */
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

    /** The archive bucket, for grants. */
    private final SecureBucket archive;
    /** The L3 file system, for grants. */
    private final EfsFileSystem modelRepository;
    private final boolean redisEnabled;

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
            KubernetesValues.checkNamespace(args.namespace(), "namespace", problems);
            KubernetesValues.checkObjectName(args.serviceAccountName(), "serviceAccountName", problems);
            Optional<NvmeNode> nodes = args.nvmeNodes().map(NvmeNodeArgs::toNode);
            nodes.ifPresent(n -> n.validate(field -> "nvmeNodes." + field, problems));
            String image = args.localVolumeProvisionerImage();
            if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace) || !CacheWarmup.pinned(image)) {
                problems.add("localVolumeProvisionerImage", image, "must be an image reference pinned by a tag other than latest, "
                        + "or by a digest (@sha256:...)");
            }
            KubernetesValues.checkStorageSize(args.modelClaimSize(), "modelClaimSize", problems);
            checkBasePath(args.modelBasePath(), "modelBasePath", problems);
            args.objectLockDays().ifPresent(days -> ObjectLock.validateDays(days, "objectLockDays", problems));
            Optional<RedisCache> redis = args.redis().map(RedisCacheArgs::toCache);
            redis.ifPresent(cache -> cache.validate("redis", problems));
            Optional<CacheWarmup> warmup = args.warmup().map(CacheWarmupArgs::toWarmup);
            warmup.ifPresent(w -> w.validate("warmup", problems));
            if (warmup.isPresent() && nodes.isEmpty()) {
                problems.add("warmup", "(set)", "nvmeNodes", null, "the warm-up fills the L2 cache of the NVMe nodes; set nvmeNodes");
            }
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

    /** The EFS CSI driver's basePath: the one EFS path rule for a basePath ({@link EfsRules#checkBasePath}). */
    public static void checkBasePath(String basePath, String key, Problems problems) {
        EfsRules.checkBasePath(key, basePath, problems);
    }

    private InferenceStorage(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        InferenceStorageArgs args = checked.args();
        Provider k8s = checked.provider();
        // Objects in the namespace wait for what this component depends on (the namespace's owner):
        // Pulumi does not pass a component's dependsOn to its children.
        Output<List<com.pulumi.resources.Resource>> namespaced = options == null ? Output.ofList() : options.getDependsOn();

        CacheLevel l1 = level(name + "-l1-redis", 1, "ElastiCache " + checked.redis().map(RedisCache::engine).orElse("redis"),
                checked.redis().isPresent());
        CacheLevel l2 = level(name + "-l2-local-nvme", 2, "local NVMe", checked.nodes().isPresent());
        CacheLevel l3 = level(name + "-l3-efs", 3, "EFS", true);
        CacheLevel l4 = level(name + "-l4-s3", 4, "S3", true);

        // L4 first: the warm-up copies from it.
        this.archive = modelArchive(name, args, l4);

        // L2: the playbook's local StorageClass, whose volumes the local static provisioner creates on every
        // L2 node (one per node, from its cache mount) and cleans when released. WaitForFirstConsumer: "delaying
        // volume binding ensures that the PersistentVolumeClaim binding decision will also be evaluated with any
        // other node constraints the Pod may have"; Delete: the provisioner deletes a released volume's contents
        // and offers it again (https://kubernetes.io/docs/concepts/storage/volumes/#local,
        // https://kubernetes.io/docs/concepts/storage/storage-classes/#local).
        checked.nodes().ifPresent(nodes -> {
            StorageClass localClass = new StorageClass(name + "-local-nvme", StorageClassArgs.builder()
                    .metadata(metadata(LOCAL_STORAGE_CLASS, null, 2))
                    .provisioner(NO_PROVISIONER)
                    .volumeBindingMode("WaitForFirstConsumer")
                    .reclaimPolicy("Delete")
                    .build(), kubernetes(l2, k8s));
            LocalVolumeProvisioner.declare(name, nodes, args.localVolumeProvisionerImage(),
                    localClass.metadata().applyValue(meta -> meta.name().orElseThrow()), l2, k8s);
        });

        // L3: the shared model repository, an EFS file system (the building block the training tiers use too).
        var fileSystemArgs = EfsFileSystemArgs.builder()
                .kmsKeyArn(args.kmsKeyArn())
                .network(args.network())
                .options(EfsOptionsArgs.builder()
                        .performanceMode(args.modelPerformanceMode())
                        .throughputMode(args.modelThroughputMode())
                        .provisionedThroughputMibps(args.modelProvisionedThroughputMibps().orElse(null))
                        .transitionToIaDays(args.modelTransitionToIaDays().orElse(null))
                        .transitionToArchiveDays(args.modelTransitionToArchiveDays().orElse(null))
                        .backup(args.modelBackup())
                        .build())
                .component("inference")
                .tier("model-repository")
                .tags(args.tags())
                .protect(args.protect());
        EfsFileSystem fileSystem = new EfsFileSystem(name + "-model-repository", fileSystemArgs.build(),
                ComponentResourceOptions.builder().parent(l3).build());
        this.modelRepository = fileSystem;
        this.redisEnabled = checked.redis().isPresent();
        // The playbook's StorageClass: the EFS CSI driver creates an access point per volume under basePath.
        // Retain: deleting a claim never deletes the models on the file system.
        StorageClass modelClass = new StorageClass(name + "-efs-models", StorageClassArgs.builder()
                .metadata(metadata(MODEL_STORAGE_CLASS, null, 3))
                .provisioner("efs.csi.aws.com")
                .parameters(fileSystem.fileSystemId.applyValue(id -> modelParameters(id, args.modelBasePath())))
                .reclaimPolicy("Retain")
                .volumeBindingMode("Immediate")
                // The file-system policy denies plain NFS and anonymous clients: mount with TLS and IAM.
                .mountOptions("tls", "iam")
                .build(), kubernetes(l3, k8s));
        // Immediate binding: the EFS CSI driver provisions the claim as soon as it exists
        // (https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode), and the Kubernetes
        // provider waits a fixed 5 minutes for it to be Bound, whatever customTimeouts say
        // (https://github.com/pulumi/pulumi-kubernetes/blob/v4.0.0/provider/pkg/await/awaiters.go,
        // untilCoreV1PersistentVolumeClaimBound). So the claim waits for
        // its StorageClass and for the driver's add-on (its version, efsCsiDriver, is in the claim's annotations).
        ObjectMetaArgs claimMetadata = metadata(MODEL_CLAIM, args.namespace(), 3);
        if (args.efsCsiDriver().isPresent()) {
            claimMetadata = ObjectMetaArgs.builder(claimMetadata).annotations(args.efsCsiDriver().get()
                    .applyValue(version -> Map.of(EfsFileSystem.CSI_DRIVER_ANNOTATION, version))).build();
        }
        new PersistentVolumeClaim(name + "-shared-models", PersistentVolumeClaimArgs.builder()
                .metadata(claimMetadata)
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadWriteMany")
                        .storageClassName(MODEL_STORAGE_CLASS)
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("storage", args.modelClaimSize())).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(l3).provider(k8s)
                .dependsOn(Output.concatList(Output.of(List.<com.pulumi.resources.Resource>of(modelClass)), namespaced))
                .protect(args.protect()).retainOnDelete(args.protect()).build());

        checked.warmup().ifPresent(warmup ->
                warmupDaemonSet(name, args, warmup, checked.nodes().orElseThrow(), archive.bucketName, l2, k8s, namespaced));

        // L1: the Redis cache, when enabled.
        if (checked.redis().isPresent()) {
            RedisResources redis = redis(name, args, checked.redis().get(), l1);
            this.redisEndpoint = redis.group().primaryEndpointAddress();
            this.redisReaderEndpoint = redis.group().readerEndpointAddress();
            this.redisArn = redis.group().arn();
            this.redisUserName = redis.iamUser().userName();
            this.redisUserArn = redis.iamUser().arn();
        } else {
            this.redisEndpoint = Output.ofNullable(null);
            this.redisReaderEndpoint = Output.ofNullable(null);
            this.redisArn = Output.ofNullable(null);
            this.redisUserName = Output.ofNullable(null);
            this.redisUserArn = Output.ofNullable(null);
        }

        this.localStorageClassName = Output.of(LOCAL_STORAGE_CLASS);
        this.localNodeLabel = Output.ofNullable(checked.nodes().map(NvmeNode::nodeLabel).orElse(null));
        this.modelStorageClassName = Output.of(MODEL_STORAGE_CLASS);
        this.modelClaimName = Output.of(MODEL_CLAIM);
        this.modelFileSystemId = fileSystem.fileSystemId;
        this.archiveBucketName = archive.bucketName;
        this.archiveBucketArn = archive.bucketArn;
        this.namespace = Output.of(args.namespace());
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("redisEndpoint", redisEndpoint);
        outputs.put("redisReaderEndpoint", redisReaderEndpoint);
        outputs.put("redisUserName", redisUserName);
        outputs.put("redisArn", redisArn);
        outputs.put("redisUserArn", redisUserArn);
        outputs.put("localStorageClassName", localStorageClassName);
        outputs.put("localNodeLabel", localNodeLabel);
        outputs.put("modelStorageClassName", modelStorageClassName);
        outputs.put("modelClaimName", modelClaimName);
        outputs.put("modelFileSystemId", modelFileSystemId);
        outputs.put("archiveBucketName", archiveBucketName);
        outputs.put("archiveBucketArn", archiveBucketArn);
        outputs.put("namespace", namespace);
        registerOutputs(outputs);
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

    private CacheLevel level(String levelName, int level, String medium, boolean enabled) {
        return new CacheLevel(levelName, new CacheLevel.Args(level, medium, enabled),
                ComponentResourceOptions.builder().parent(this).build());
    }

    private static SecureBucket modelArchive(String name, InferenceStorageArgs args, CacheLevel l4) {
        var bucket = SecureBucketArgs.builder()
                .kmsKeyArn(args.kmsKeyArn())
                .component("inference")
                .tier("model-archive")
                .versioning(true)
                .lifecycleRules(Zones.MODEL.lifecycle().stream().map(LifecycleRuleArgs::from).toList())
                .tags(args.tags())
                .protect(args.protect());
        args.objectLockDays().ifPresent(bucket::objectLockDays);
        return new SecureBucket(name + "-model-archive", bucket.build(), ComponentResourceOptions.builder().parent(l4).build());
    }

    /** The replication group and the one user that can connect to it. */
    private record RedisResources(ReplicationGroup group, User iamUser) {
    }

    private RedisResources redis(String name, InferenceStorageArgs args, RedisCache cache, CacheLevel l1) {
        Map<String, String> tags = Tags.of(args.tags(), "inference", "redis");
        // No egress rules: the cache never opens connections.
        SecurityGroup securityGroup = new SecurityGroup(name + "-redis", SecurityGroupArgs.builder()
                .description("Redis L1 model cache of " + name + ": TCP " + RedisCache.PORT + " from the cluster only")
                .vpcId(args.network().vpcId())
                .tags(tags)
                .build(), Children.of(l1));
        args.network().clientSecurityGroupId().ifPresent(source -> new SecurityGroupIngressRule(name + "-redis-from-nodes",
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(securityGroup.id())
                        .description("Redis from the cluster nodes")
                        .ipProtocol("tcp")
                        .fromPort(RedisCache.PORT)
                        .toPort(RedisCache.PORT)
                        .referencedSecurityGroupId(source)
                        .tags(tags)
                        .build(), Children.of(l1)));
        for (String cidr : args.network().allowedCidrs()) {
            new SecurityGroupIngressRule(name + "-redis-from-" + cidr.replaceAll("[./]", "-"), SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroup.id())
                    .description("Redis from " + cidr)
                    .ipProtocol("tcp")
                    .fromPort(RedisCache.PORT)
                    .toPort(RedisCache.PORT)
                    .cidrIpv4(cidr)
                    .tags(tags)
                    .build(), Children.of(l1));
        }

        SubnetGroup subnetGroup = new SubnetGroup(name + "-redis", SubnetGroupArgs.builder()
                .description("Private subnets of the Redis L1 model cache of " + name)
                .subnetIds(args.network().subnetIds())
                .tags(tags)
                .build(), Children.of(l1));

        // RBAC: the group's default user is switched off; the one user that can connect authenticates
        // with IAM (an auth token signed with the inference identity's credentials), so no password exists.
        User defaultUser = new User(name + "-redis-default", UserArgs.builder()
                .userId(truncate(idBase(name) + "-default-off", 40))
                .userName("default")
                .engine(cache.engine())
                .accessString(REDIS_DEFAULT_ACCESS_STRING)
                .authenticationMode(UserAuthenticationModeArgs.builder().type("no-password-required").build())
                .tags(tags)
                .build(), Children.of(l1));
        User iamUser = new User(name + "-redis-iam", UserArgs.builder()
                .userId(iamUserId(name))
                .userName(iamUserId(name))
                .engine(cache.engine())
                .accessString(REDIS_ACCESS_STRING)
                .authenticationMode(UserAuthenticationModeArgs.builder().type("iam").build())
                .tags(tags)
                .build(), Children.of(l1));
        UserGroup userGroup = new UserGroup(name + "-redis", UserGroupArgs.builder()
                .userGroupId(truncate(idBase(name) + "-model-cache", 40))
                .engine(cache.engine())
                .userIds(Output.all(defaultUser.userId(), iamUser.userId()))
                .tags(tags)
                .build(), Children.of(l1));

        ReplicationGroup group = new ReplicationGroup(name + "-redis", ReplicationGroupArgs.builder()
                .replicationGroupId(truncate(idBase(name) + "-model-cache", 40))
                .description("L1 cache of hot model weights (" + name + ")")
                .engine(cache.engine())
                .engineVersion(cache.engineVersion())
                .nodeType(cache.nodeType())
                .port(RedisCache.PORT)
                .numCacheClusters(cache.replicas() + 1)
                .automaticFailoverEnabled(cache.automaticFailover())
                .multiAzEnabled(cache.multiAz())
                .atRestEncryptionEnabled(true)
                .kmsKeyId(args.kmsKeyArn())
                .transitEncryptionEnabled(true)
                .transitEncryptionMode("required")
                .userGroupIds(userGroup.userGroupId().applyValue(List::of))
                .subnetGroupName(subnetGroup.name())
                .securityGroupIds(securityGroup.id().applyValue(List::of))
                .autoMinorVersionUpgrade(true)
                .tags(tags)
                .build(), Children.stateful(l1, args.protect()));
        return new RedisResources(group, iamUser);
    }

    /**
     * The warm-up: on each L2 node (its label selects it, its taint is tolerated), an init container copies
     * the configured prefixes from the archive into the node's cache before the pod runs, then a container
     * re-syncs hourly. It runs as the inference service account (AWS credentials come from IRSA's projected
     * token, never from the manifest), as uid and gid {@value #WARMUP_UID}, not root: the cache directory
     * belongs to that group on the node ({@link NvmeNode}), since fsGroup does not change a hostPath volume.
     * The cache is the node's cache mount itself (hostPath, type Directory: a node without it fails the pod
     * visibly), the directory the provisioner offers as the node's local volume: a DaemonSet cannot hold one
     * claim per node, and a claim of its own would take the node's only volume from the model servers.
     */
    private static DaemonSet warmupDaemonSet(String name, InferenceStorageArgs args, CacheWarmup warmup,
                                             NvmeNode nodes, Output<String> archiveBucket, CacheLevel l2,
                                             Provider k8s, Output<List<com.pulumi.resources.Resource>> namespaced) {
        Map<String, String> selector = Map.of("app.kubernetes.io/name", WARMUP_NAME);
        Map<String, String> labels = new LinkedHashMap<>(selector);
        labels.put("app.kubernetes.io/part-of", "strata");
        labels.put("strata.dev/cache-level", "l2");
        List<EnvVarArgs> env = List.of(
                EnvVarArgs.builder().name("ARCHIVE_BUCKET").value(archiveBucket).build(),
                EnvVarArgs.builder().name("MODEL_PREFIXES").value(String.join(" ", warmup.prefixes())).build(),
                EnvVarArgs.builder().name("HOME").value("/tmp").build());
        var securityContext = SecurityContextArgs.builder()
                .allowPrivilegeEscalation(false)
                .readOnlyRootFilesystem(true)
                .privileged(false)
                .runAsNonRoot(true)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .build();
        List<VolumeMountArgs> mounts = List.of(
                VolumeMountArgs.builder().name("cache").mountPath("/cache").build(),
                VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        var resources = ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", CacheWarmup.CPU_REQUEST, "memory", CacheWarmup.MEMORY_REQUEST))
                .limits(Map.of("cpu", CacheWarmup.CPU_LIMIT, "memory", CacheWarmup.MEMORY_LIMIT))
                .build();
        ContainerArgs copy = ContainerArgs.builder()
                .name("warm-up")
                .image(warmup.image())
                .command("/bin/sh", "-c", SYNC_SCRIPT)
                .env(env).volumeMounts(mounts).securityContext(securityContext).resources(resources)
                .build();
        ContainerArgs keepFresh = ContainerArgs.builder()
                .name("keep-fresh")
                .image(warmup.image())
                .command("/bin/sh", "-c", "while true; do sleep " + RESYNC_SECONDS + "; " + SYNC_SCRIPT + "; done")
                .env(env).volumeMounts(mounts).securityContext(securityContext).resources(resources)
                .build();
        return new DaemonSet(name + "-cache-warmup", DaemonSetArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(WARMUP_NAME).namespace(args.namespace()).labels(labels).build())
                .spec(DaemonSetSpecArgs.builder()
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .serviceAccountName(args.serviceAccountName())
                                        // IRSA mounts its own projected token; the Kubernetes API token is not needed.
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSecurityContextArgs.builder()
                                                .runAsNonRoot(true)
                                                .runAsUser(WARMUP_UID)
                                                .runAsGroup(NvmeNode.CACHE_GID)
                                                // Owns the scratch emptyDir; the hostPath cache is the node's to own.
                                                .fsGroup(NvmeNode.CACHE_GID)
                                                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                                .build())
                                        .nodeSelector(Map.of(nodes.labelKey(), nodes.labelValue()))
                                        .tolerations(LocalVolumeProvisioner.toleration(nodes))
                                        .initContainers(copy)
                                        .containers(keepFresh)
                                        .volumes(
                                                VolumeArgs.builder().name("cache").hostPath(HostPathVolumeSourceArgs.builder()
                                                        .path(nodes.mountPath()).type("Directory").build()).build(),
                                                VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder()
                                                        .sizeLimit(CacheWarmup.SCRATCH_SIZE_LIMIT).build()).build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(l2).provider(k8s).dependsOn(namespaced).build());
    }

    /** The playbook's {@code efs-models} parameters. */
    static Map<String, String> modelParameters(String fileSystemId, String basePath) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("provisioningMode", "efs-ap");
        parameters.put("fileSystemId", fileSystemId);
        parameters.put("directoryPerms", DIRECTORY_PERMS);
        parameters.put("gidRangeStart", GID_RANGE_START);
        parameters.put("gidRangeEnd", GID_RANGE_END);
        parameters.put("basePath", basePath);
        return parameters;
    }

    private static ObjectMetaArgs metadata(String objectName, @Nullable String namespace, int level) {
        var meta = ObjectMetaArgs.builder()
                .name(objectName)
                .labels(Map.of("app.kubernetes.io/part-of", "strata", "strata.dev/cache-level", "l" + level));
        if (namespace != null) {
            meta.namespace(namespace);
        }
        return meta.build();
    }

    private static CustomResourceOptions kubernetes(CacheLevel level, Provider provider) {
        return CustomResourceOptions.builder().parent(level).provider(provider).build();
    }

    /** The lower-case base of ElastiCache ids: {@code strata-<name>}. */
    static String idBase(String name) {
        return ("strata-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-").replaceAll("-$", "");
    }

    /** The IAM-authenticated Redis user: its id and name are the same (IAM authentication needs that). */
    static String iamUserId(String name) {
        return truncate(idBase(name) + "-inference", 40);
    }

    private static String truncate(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) : text;
        return cut.replaceAll("-+$", "");
    }
}

package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.KubernetesValues;
import dev.strata.core.NetworkArgs;
import dev.strata.core.OneOf;
import dev.strata.core.Problems;
import dev.strata.datalake.ObjectLock;
import dev.strata.efs.EfsRules;
import dev.strata.efs.PerformanceMode;
import dev.strata.efs.ThroughputMode;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Arguments of {@link InferenceStorage}. Every default is the safe one, and lives here: the stack's
 * settings read them from these constants and check their values with {@link #validate}.
 */
public final class InferenceStorageArgs extends ResourceArgs {
    public static final String DEFAULT_NAMESPACE = "ml-inference";
    public static final String DEFAULT_SERVICE_ACCOUNT = "model-server";
    public static final String DEFAULT_MODEL_CLAIM_SIZE = "100Gi";
    public static final String DEFAULT_MODEL_BASE_PATH = "/models";
    public static final String DEFAULT_MODEL_PERFORMANCE_MODE = "generalPurpose";
    public static final String DEFAULT_MODEL_THROUGHPUT_MODE = "elastic";

    /** ARN of the customer-managed KMS key that encrypts the archive, the EFS file system and the Redis cache. Required. */
    @Import(name = "kmsKeyArn", required = true)
    private Output<String> kmsKeyArn;

    /**
     * The namespace of the model servers, where the model claim and the warm-up live, which must exist: the
     * name output of the Namespace that creates it (they then wait for it), or an existing namespace's name.
     * Default: {@value #DEFAULT_NAMESPACE}.
     */
    @Import(name = "namespace")
    @Nullable
    private Output<String> namespace;

    /**
     * The service account of the read-only inference identity (IRSA); the warm-up runs as it. It is
     * created with the workload identities, not here. Default: {@value #DEFAULT_SERVICE_ACCOUNT}.
     */
    @Import(name = "serviceAccountName")
    @Nullable
    private String serviceAccountName;

    /**
     * L2: the nodes with a local NVMe cache, by label, and where their cache is mounted. When set, the
     * StorageClass {@code local-nvme} and the local static provisioner (which creates a local
     * PersistentVolume per node and cleans released ones) are declared. Default: none (no L2).
     */
    @Import(name = "nvmeNodes")
    @Nullable
    private NvmeNodeArgs nvmeNodes;

    /**
     * L2: the local static provisioner's image, pinned by tag or digest (a mirror in a registry the nodes
     * can reach, for example). Default: {@value LocalVolumeProvisioner#DEFAULT_IMAGE}.
     */
    @Import(name = "localVolumeProvisionerImage")
    @Nullable
    private String localVolumeProvisionerImage;

    /** L3: the size the model claim requests, a Kubernetes quantity. Default: {@value #DEFAULT_MODEL_CLAIM_SIZE}. */
    @Import(name = "modelClaimSize")
    @Nullable
    private String modelClaimSize;

    /** L3: the directory on the file system under which access points are created. Default: {@value #DEFAULT_MODEL_BASE_PATH}. */
    @Import(name = "modelBasePath")
    @Nullable
    private String modelBasePath;

    /** L3: EFS performance mode, {@code generalPurpose} or {@code maxIO}. Default: {@value #DEFAULT_MODEL_PERFORMANCE_MODE}. */
    @OneOf(value = PerformanceMode.class, spelled = "apiValue")
    @Import(name = "modelPerformanceMode")
    @Nullable
    private String modelPerformanceMode;

    /** L3: EFS throughput mode, {@code bursting}, {@code provisioned} or {@code elastic}. Default: {@value #DEFAULT_MODEL_THROUGHPUT_MODE}. */
    @OneOf(value = ThroughputMode.class, spelled = "apiValue")
    @Import(name = "modelThroughputMode")
    @Nullable
    private String modelThroughputMode;

    /** L3: provisioned throughput in MiB/s (only with provisioned throughput). */
    @Import(name = "modelProvisionedThroughputMibps")
    @Nullable
    private Integer modelProvisionedThroughputMibps;

    /** L3: days since last access before files move to EFS Infrequent Access. Default: none. */
    @Import(name = "modelTransitionToIaDays")
    @Nullable
    private Integer modelTransitionToIaDays;

    /** L3: days since last access before files move to EFS Archive (needs elastic throughput). Default: none. */
    @Import(name = "modelTransitionToArchiveDays")
    @Nullable
    private Integer modelTransitionToArchiveDays;

    /** L3: automatic daily AWS Backup of the model repository. Default: false (the Strata program sets it in prod). */
    @Import(name = "modelBackup")
    @Nullable
    private Boolean modelBackup;

    /** L4: S3 Object Lock (governance mode) for this many days on the archive. Default: no Object Lock. */
    @Import(name = "objectLockDays")
    @Nullable
    private Integer objectLockDays;

    /** L1: the Redis cache. Default: none. */
    @Import(name = "redis")
    @Nullable
    private RedisCacheArgs redis;

    /** The cache warm-up DaemonSet on the L2 nodes (needs {@code nvmeNodes}). Default: none. */
    @Import(name = "warmup")
    @Nullable
    private CacheWarmupArgs warmup;

    /** The network of Redis and the model file system: VPC, private subnets, Redis and NFS clients. Required. */
    @Import(name = "network", required = true)
    private NetworkArgs network;

    /**
     * The EFS CSI driver that provisions the model claim: an output of its add-on, such as
     * {@code CsiDriver.addonVersion}. The claim binds at once (Immediate binding) only when the driver
     * runs; carrying this value (annotation {@code strata.dev/efs-csi-driver}), it is created after the
     * add-on is active. Default: unset (the driver must already run).
     */
    @Import(name = "efsCsiDriver")
    @Nullable
    private Output<String> efsCsiDriver;

    /** Tags for every AWS resource, in addition to {@code component} and {@code tier}. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    /** Protect the stateful resources and retain them when they leave the stack. Default: false (the Strata program sets it in prod). */
    @Import(name = "protect")
    @Nullable
    private Boolean protect;

    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    public Output<String> namespace() {
        return Optional.ofNullable(namespace).orElseGet(() -> Output.of(DEFAULT_NAMESPACE));
    }

    public String serviceAccountName() {
        return Optional.ofNullable(serviceAccountName).orElse(DEFAULT_SERVICE_ACCOUNT);
    }

    public Optional<NvmeNodeArgs> nvmeNodes() {
        return Optional.ofNullable(nvmeNodes);
    }

    public String localVolumeProvisionerImage() {
        return Optional.ofNullable(localVolumeProvisionerImage).orElse(LocalVolumeProvisioner.DEFAULT_IMAGE);
    }

    public String modelClaimSize() {
        return Optional.ofNullable(modelClaimSize).orElse(DEFAULT_MODEL_CLAIM_SIZE);
    }

    public String modelBasePath() {
        return Optional.ofNullable(modelBasePath).orElse(DEFAULT_MODEL_BASE_PATH);
    }

    public String modelPerformanceMode() {
        return Optional.ofNullable(modelPerformanceMode).orElse(DEFAULT_MODEL_PERFORMANCE_MODE);
    }

    public String modelThroughputMode() {
        return Optional.ofNullable(modelThroughputMode).orElse(DEFAULT_MODEL_THROUGHPUT_MODE);
    }

    public Optional<Integer> modelProvisionedThroughputMibps() {
        return Optional.ofNullable(modelProvisionedThroughputMibps);
    }

    public Optional<Integer> modelTransitionToIaDays() {
        return Optional.ofNullable(modelTransitionToIaDays);
    }

    public Optional<Integer> modelTransitionToArchiveDays() {
        return Optional.ofNullable(modelTransitionToArchiveDays);
    }

    public boolean modelBackup() {
        return Boolean.TRUE.equals(modelBackup);
    }

    public Optional<Integer> objectLockDays() {
        return Optional.ofNullable(objectLockDays);
    }

    public Optional<RedisCacheArgs> redis() {
        return Optional.ofNullable(redis);
    }

    public Optional<CacheWarmupArgs> warmup() {
        return Optional.ofNullable(warmup);
    }

    @Nullable
    public NetworkArgs network() {
        return network;
    }

    public java.util.Optional<Output<String>> efsCsiDriver() {
        return java.util.Optional.ofNullable(efsCsiDriver);
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public boolean protect() {
        return Boolean.TRUE.equals(protect);
    }

    /**
     * Checks the values these Args hold (not the references: key, network, driver), each problem under its
     * key as {@code key} maps it: the component reports {@code modelClaimSize}, the stack's settings
     * {@code strata:inference.models.claimSize}. Called before anything is registered.
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        KubernetesValues.checkNamespace(namespace(), key.apply("namespace"), problems);
        KubernetesValues.checkObjectName(serviceAccountName(), key.apply("serviceAccountName"), problems);
        nvmeNodes().ifPresent(nodes -> nodes.validate(field -> key.apply("nvmeNodes." + field), problems));
        checkProvisionerImage(localVolumeProvisionerImage(), key.apply("localVolumeProvisionerImage"), problems);
        KubernetesValues.checkStorageSize(modelClaimSize(), key.apply("modelClaimSize"), problems);
        // The EFS CSI driver's basePath: the one EFS path rule for a basePath.
        EfsRules.checkBasePath(key.apply("modelBasePath"), modelBasePath(), problems);
        objectLockDays().ifPresent(days -> ObjectLock.validateDays(days, key.apply("objectLockDays"), problems));
        redis().ifPresent(cache -> cache.validate(key.apply("redis"), problems));
        warmup().ifPresent(w -> w.validate(key.apply("warmup"), problems));
        if (warmup().isPresent() && nvmeNodes().isEmpty()) {
            problems.add(key.apply("warmup"), "(set)", key.apply("nvmeNodes"), null,
                    "the warm-up fills the L2 cache of the NVMe nodes; set nvmeNodes");
        }
    }

    /** The local static provisioner's image: pinned by a tag other than latest, or by a digest. */
    static void checkProvisionerImage(String image, String key, Problems problems) {
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace) || !CacheWarmup.pinned(image)) {
            problems.add(key, image, "must be an image reference pinned by a tag other than latest, "
                    + "or by a digest (@sha256:...), e.g. " + LocalVolumeProvisioner.DEFAULT_IMAGE);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final InferenceStorageArgs args = new InferenceStorageArgs();

        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder namespace(Output<String> namespace) {
            args.namespace = namespace;
            return this;
        }

        public Builder namespace(String namespace) {
            return namespace(Output.of(namespace));
        }

        public Builder serviceAccountName(String serviceAccountName) {
            args.serviceAccountName = serviceAccountName;
            return this;
        }

        public Builder nvmeNodes(NvmeNodeArgs nodes) {
            args.nvmeNodes = nodes;
            return this;
        }

        public Builder localVolumeProvisionerImage(String image) {
            args.localVolumeProvisionerImage = image;
            return this;
        }

        public Builder modelClaimSize(String size) {
            args.modelClaimSize = size;
            return this;
        }

        public Builder modelBasePath(String basePath) {
            args.modelBasePath = basePath;
            return this;
        }

        public Builder modelPerformanceMode(String mode) {
            args.modelPerformanceMode = mode;
            return this;
        }

        public Builder modelThroughputMode(String mode) {
            args.modelThroughputMode = mode;
            return this;
        }

        public Builder modelProvisionedThroughputMibps(@Nullable Integer mibps) {
            args.modelProvisionedThroughputMibps = mibps;
            return this;
        }

        public Builder modelTransitionToIaDays(@Nullable Integer days) {
            args.modelTransitionToIaDays = days;
            return this;
        }

        public Builder modelTransitionToArchiveDays(@Nullable Integer days) {
            args.modelTransitionToArchiveDays = days;
            return this;
        }

        public Builder modelBackup(boolean backup) {
            args.modelBackup = backup;
            return this;
        }

        public Builder objectLockDays(int days) {
            args.objectLockDays = days;
            return this;
        }

        public Builder redis(RedisCacheArgs redis) {
            args.redis = redis;
            return this;
        }

        public Builder warmup(CacheWarmupArgs warmup) {
            args.warmup = warmup;
            return this;
        }

        public Builder network(NetworkArgs network) {
            args.network = network;
            return this;
        }

        public Builder efsCsiDriver(Output<String> addon) {
            args.efsCsiDriver = addon;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        public InferenceStorageArgs build() {
            return args;
        }
    }
}

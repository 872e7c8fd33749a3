package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.strata.core.KubernetesValues;
import dev.strata.core.OneOf;
import dev.strata.core.Problems;
import dev.strata.core.StorageArgs;
import dev.strata.datalake.ObjectLock;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.efs.EfsRules;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Arguments of {@link InferenceStorage}. Every default is the safe one, and lives here: the stack's
 * settings read them from these constants and check their values with {@link #validate}. {@code kmsKeyArn}
 * encrypts the archive, the EFS file system and the Redis cache; {@code network} holds Redis and the model
 * file system and admits their clients.
 */
public final class InferenceStorageArgs extends StorageArgs {
    public static final String DEFAULT_NAMESPACE = "ml-inference";
    public static final String DEFAULT_SERVICE_ACCOUNT = "model-server";
    public static final String DEFAULT_MODEL_CLAIM_SIZE = "100Gi";
    public static final String DEFAULT_MODEL_BASE_PATH = "/models";

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

    /**
     * L3: the model repository's EFS modes, transitions and backup ({@link EfsOptionsArgs}). Default: those of
     * {@link EfsOptionsArgs}: general purpose (the lowest latency), elastic throughput (model loads are bursty),
     * no transition to Infrequent Access or Archive (their first-byte latency would slow cold starts), no backup
     * (the Strata program sets it in prod).
     */
    @Import(name = "modelFileSystem")
    @Nullable
    private EfsOptionsArgs modelFileSystem;

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

    /**
     * The EFS CSI driver that provisions the model claim: an output of its add-on, such as
     * {@code CsiDriver.addonVersion}. The claim binds at once (Immediate binding) only when the driver
     * runs; carrying this value (annotation {@code strata.dev/efs-csi-driver}), it is created after the
     * add-on is active. Default: unset (the driver must already run).
     */
    @Import(name = "efsCsiDriver")
    @Nullable
    private Output<String> efsCsiDriver;

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

    /** The model repository's EFS options; every one unset is {@link EfsOptionsArgs}'s default. */
    public EfsOptionsArgs modelFileSystem() {
        return Optional.ofNullable(modelFileSystem).orElseGet(EfsOptionsArgs::defaults);
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

    public java.util.Optional<Output<String>> efsCsiDriver() {
        return java.util.Optional.ofNullable(efsCsiDriver);
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
        modelFileSystem().validate(field -> key.apply("modelFileSystem." + field), problems);
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

    public static final class Builder extends StorageArgs.Builder<InferenceStorageArgs, Builder> {
        private Builder() {
            super(new InferenceStorageArgs());
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

        public Builder modelFileSystem(@Nullable EfsOptionsArgs options) {
            args.modelFileSystem = options;
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

        public Builder efsCsiDriver(Output<String> addon) {
            args.efsCsiDriver = addon;
            return this;
        }
    }
}

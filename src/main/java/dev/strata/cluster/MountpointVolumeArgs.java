package dev.strata.cluster;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;
import dev.strata.security.Grants;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Arguments of {@link MountpointVolume}: which bucket prefix is mounted, read-only, into which claim.
 * The volume is always read-only; nothing here can make it writable.
 */
public final class MountpointVolumeArgs extends ResourceArgs {
    /**
     * The PersistentVolume's nominal capacity. Mountpoint ignores it but Kubernetes requires one
     * (https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md#static-provisioning:
     * "Value is ignored but required by Kubernetes").
     */
    public static final String NOMINAL_CAPACITY = "1Gi";

    /** The bucket's name. Required. */
    @Import(name = "bucketName", required = true)
    private Output<String> bucketName;

    /**
     * The bucket's region (Mountpoint's {@code region} option; the v2 driver otherwise asks IMDS,
     * https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/UPGRADING_TO_V2.md). Required.
     */
    @Import(name = "region", required = true)
    private Output<String> region;

    /**
     * The key prefix mounted (Mountpoint's {@code prefix} option), ending in {@code /}, such as {@code models/}; the
     * driver may read only under it. Required.
     */
    @Import(name = "prefix", required = true)
    private String prefix;

    /**
     * The claim's namespace, as data: a Namespace's name output (the claim then waits for it) or the name of one
     * that exists. Required.
     */
    @Import(name = "namespace", required = true)
    private Output<String> namespace;

    /** The claim's name, which pods mount. Required. */
    @Import(name = "claimName", required = true)
    private String claimName;

    /**
     * Let users other than Mountpoint's read the files (Mountpoint's {@code allow-other}). Needed only for pods
     * whose containers run as a user other than root without an {@code fsGroup}: the v2 driver adds
     * {@code allow-other} itself for pods with an {@code fsGroup} and {@code allow-root} otherwise
     * (pkg/driver/node/node.go; https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/UPGRADING_TO_V2.md,
     * "Mountpoint processes and Pods will run as non-root"). Default: false.
     */
    @Import(name = "allowOther")
    @Nullable
    private Boolean allowOther;

    /**
     * Cache the objects read on the node's local disk, at most this size (a Kubernetes quantity such as
     * {@code 10Gi}): the volume attribute {@code cache: emptyDir} with {@code cacheEmptyDirSizeLimit}
     * (https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CACHING.md#emptydir). On nodes whose
     * kubelet directory lives on instance-store NVMe (Strata's L2 nodes, {@link NodeUserData}) the cache is on the
     * NVMe. Default: no cache.
     */
    @Import(name = "cacheSize")
    @Nullable
    private String cacheSize;

    /** Labels of the volume and the claim. */
    @Import(name = "labels")
    @Nullable
    private java.util.Map<String, String> labels;

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> region() {
        return region;
    }

    public String prefix() {
        return prefix;
    }

    public Output<String> namespace() {
        return namespace;
    }

    public String claimName() {
        return claimName;
    }

    public boolean allowOther() {
        return Boolean.TRUE.equals(allowOther);
    }

    public Optional<String> cacheSize() {
        return Optional.ofNullable(cacheSize);
    }

    public java.util.Map<String, String> labels() {
        return Optional.ofNullable(labels).orElse(java.util.Map.of());
    }

    /**
     * Every problem of the plain values, under {@code key} of each field name: the prefix, the claim's name and the
     * cache size when set. (The references, namespace included, are the component's to check.)
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        checkPrefix(key.apply("prefix"), prefix, problems);
        if (claimName == null) {
            problems.missing(key.apply("claimName"), "is required: the name pods mount the volume by");
        } else {
            KubernetesValues.checkObjectName(claimName, key.apply("claimName"), problems);
        }
        if (cacheSize != null) {
            KubernetesValues.checkStorageSize(cacheSize, key.apply("cacheSize"), problems);
        }
    }

    /**
     * A mounted prefix: a grant prefix ({@link Grants#checkPrefix}) that is not the whole bucket and ends in
     * {@code /} (Mountpoint's {@code --prefix} "must end with the / character",
     * https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#mounting-a-bucket-prefix).
     */
    public static void checkPrefix(String key, @Nullable String prefix, Problems problems) {
        int before = problems.count();
        Grants.checkPrefix(key, prefix, problems);
        if (problems.count() == before && (prefix.isEmpty() || !prefix.endsWith("/"))) {
            problems.add(key, prefix, "must be a key prefix ending in / such as models/ (Mountpoint mounts a prefix ending in "
                    + "/; Strata mounts a prefix, never the whole bucket)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final MountpointVolumeArgs args = new MountpointVolumeArgs();

        public Builder bucketName(Output<String> name) {
            args.bucketName = name;
            return this;
        }

        public Builder region(Output<String> region) {
            args.region = region;
            return this;
        }

        public Builder prefix(String prefix) {
            args.prefix = prefix;
            return this;
        }

        public Builder namespace(Output<String> namespace) {
            args.namespace = namespace;
            return this;
        }

        /** The namespace of an existing name. */
        public Builder namespace(String namespace) {
            return namespace(Output.of(namespace));
        }

        public Builder claimName(String name) {
            args.claimName = name;
            return this;
        }

        public Builder allowOther(boolean allowOther) {
            args.allowOther = allowOther;
            return this;
        }

        public Builder cacheSize(@Nullable String size) {
            args.cacheSize = size;
            return this;
        }

        public Builder labels(java.util.Map<String, String> labels) {
            args.labels = java.util.Map.copyOf(labels);
            return this;
        }

        public MountpointVolumeArgs build() {
            return args;
        }
    }
}

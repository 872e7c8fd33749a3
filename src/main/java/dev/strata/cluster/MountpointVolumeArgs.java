package dev.strata.cluster;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;
import dev.strata.security.Grants;

import javax.annotation.Nullable;
import java.util.function.UnaryOperator;

/**
 * Arguments of {@link MountpointVolume}: which bucket prefix is mounted, read-only, into which claim.
 * The volume is always read-only; nothing here can make it writable.
 */
public final class MountpointVolumeArgs extends MountpointVolumeArgsBase {
    /**
     * The PersistentVolume's nominal capacity. Mountpoint ignores it but Kubernetes requires one
     * (https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md#static-provisioning:
     * "Value is ignored but required by Kubernetes").
     */
    public static final String NOMINAL_CAPACITY = "1Gi";

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
}

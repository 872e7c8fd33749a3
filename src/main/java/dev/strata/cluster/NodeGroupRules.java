package dev.strata.cluster;

import dev.strata.core.Problems;

import java.util.function.UnaryOperator;

/**
 * The rules of a managed node group's size and root volume, for both node groups Strata creates (the
 * cluster's default one, {@link EksClusterArgs}, and the inference one, {@link InferenceNodeGroupArgs}):
 * checked by their Args and components, and reported by the settings parsers under the stack file's keys.
 *
 * <p>No upper bound on the node counts: EKS's quota "Nodes per managed node group" (450 by default) is
 * adjustable (https://docs.aws.amazon.com/eks/latest/userguide/service-quotas.html), so a larger
 * {@code maxSize} is the account's to allow, not Strata's to refuse.
 */
public final class NodeGroupRules {
    /**
     * The smallest root volume: the EKS-optimized Linux AMIs' root, EKS's own default disk size for Linux nodes
     * ({@code diskSize}, https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html).
     */
    public static final int MIN_ROOT_VOLUME_GIB = 20;
    /** The largest gp3 volume (https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html#gp3-ebs-volume-type). */
    public static final int MAX_ROOT_VOLUME_GIB = 16_384;

    private NodeGroupRules() {
    }

    /**
     * {@code 0 <= minSize <= desiredSize <= maxSize} and {@code maxSize >= 1}, the EKS scaling configuration
     * (https://docs.aws.amazon.com/eks/latest/APIReference/API_NodegroupScalingConfig.html).
     */
    public static void checkSizes(UnaryOperator<String> key, int desired, int min, int max, Problems problems) {
        if (min < 0 || min > desired || desired > max || max < 1) {
            problems.add(key.apply("desiredSize"), desired, key.apply("minSize") + "/" + key.apply("maxSize"), min + "/" + max,
                    "need 0 <= minSize <= desiredSize <= maxSize and maxSize >= 1");
        }
    }

    /** A gp3 root volume of {@value #MIN_ROOT_VOLUME_GIB} to {@value #MAX_ROOT_VOLUME_GIB} GiB. */
    public static void checkRootVolume(String key, int gib, Problems problems) {
        if (gib < MIN_ROOT_VOLUME_GIB || gib > MAX_ROOT_VOLUME_GIB) {
            problems.add(key, gib, "must be from " + MIN_ROOT_VOLUME_GIB + " to " + MAX_ROOT_VOLUME_GIB + " (EBS gp3 limits)");
        }
    }
}

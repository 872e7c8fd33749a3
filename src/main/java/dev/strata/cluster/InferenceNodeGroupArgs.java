package dev.strata.cluster;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The created cluster's second managed node group, for inference: instance types with instance-store
 * NVMe (checked against {@link InstanceStore}), whose disks nodeadm assembles into a RAID0 array at boot
 * ({@link NodeUserData}), labelled and tainted so that only what tolerates the taint runs there, with
 * the same hardening as the general nodes (encrypted gp3 root volume, IMDSv2 with hop limit 1, the node
 * security groups, no public IP).
 */
public final class InferenceNodeGroupArgs extends InferenceNodeGroupArgsBase {
    public static final List<String> DEFAULT_INSTANCE_TYPES = List.of("i4i.xlarge");

    public static final int DEFAULT_DESIRED_SIZE = 1;

    public static final int DEFAULT_MIN_SIZE = 1;

    public static final int DEFAULT_MAX_SIZE = 2;

    /** Kubelet's and containerd's state move to the instance-store array (see {@link NodeUserData}): the root volume holds the OS. */
    public static final int DEFAULT_ROOT_VOLUME_GIB = 50;

    /**
     * "specify 0–20 instance types" for a node group that uses a launch template
     * (https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html).
     */
    public static final int MAX_INSTANCE_TYPES = 20;

    /** At most 50 taints per node group (https://docs.aws.amazon.com/eks/latest/userguide/node-taints-managed-node-groups.html). */
    public static final int MAX_TAINTS = 50;

    /** The EKS API's spelling of Kubernetes' NoSchedule (same page). */
    public static final String TAINT_EFFECT = "NO_SCHEDULE";

    /** The one AMI type of the instance types (valid only after {@link #validate}). */
    public String amiType() {
        return InstanceStore.amiTypes(instanceTypes()).get(0);
    }

    /** Checks every field; {@code key} turns a field name into the key reported. */
    public void validate(UnaryOperator<String> key, Problems problems) {
        checkInstanceTypes(key.apply("instanceTypes"), instanceTypes(), problems);
        NodeGroupRules.checkSizes(key, desiredSize(), minSize(), maxSize(), problems);
        NodeGroupRules.checkRootVolume(key.apply("rootVolumeGiB"), rootVolumeGiB(), problems);
        labels().forEach((k, v) -> {
            KubernetesValues.checkLabelKey(k, key.apply("labels") + "." + k, problems);
            KubernetesValues.checkLabelValue(v, key.apply("labels") + "." + k, problems);
        });
        if (taints().size() > MAX_TAINTS) {
            problems.add(key.apply("taints"), taints().size() + " taints", "at most " + MAX_TAINTS + " per node group");
        }
        taints().forEach((k, v) -> {
            KubernetesValues.checkLabelKey(k, key.apply("taints") + "." + k, problems);
            KubernetesValues.checkLabelValue(v, key.apply("taints") + "." + k, problems);
        });
    }

    /**
     * The instance types: 1 to 20, each with instance-store NVMe in {@link InstanceStore}'s table, all
     * needing one AMI type. The settings parser and the component both check with it.
     */
    public static void checkInstanceTypes(String key, List<String> types, Problems problems) {
        if (types.isEmpty() || types.size() > MAX_INSTANCE_TYPES) {
            problems.add(key, types, "must list 1 to " + MAX_INSTANCE_TYPES + " instance types");
        }
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (InstanceStore.of(type).isEmpty()) {
                problems.add(key + "[" + i + "]", type, "has no instance-store NVMe SSD (" + InstanceStore.SOURCE
                        + "); the L2 cache needs one of the types with it, e.g. i4i.xlarge (937 GB), m6id.xlarge (237 GB), "
                        + "c6id.xlarge, r6id.xlarge, g5.xlarge (250 GB)");
            }
        }
        List<String> amiTypes = InstanceStore.amiTypes(types);
        if (amiTypes.size() > 1) {
            problems.add(key, types, "need one AMI type for the node group, but these need " + String.join(", ", amiTypes)
                    + " (https://docs.aws.amazon.com/eks/latest/userguide/eks-optimized-ami.html): list only CPU x86_64, "
                    + "only Graviton, only NVIDIA GPU or only Neuron types");
        }
    }
}

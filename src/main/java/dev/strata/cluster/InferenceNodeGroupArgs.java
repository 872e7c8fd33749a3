package dev.strata.cluster;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The created cluster's second managed node group, for inference: instance types with instance-store
 * NVMe (checked against {@link InstanceStore}), whose disks nodeadm assembles into a RAID0 array at boot
 * ({@link NodeUserData}), labelled and tainted so that only what tolerates the taint runs there, with
 * the same hardening as the general nodes (encrypted gp3 root volume, IMDSv2 with hop limit 1, the node
 * security groups, no public IP).
 */
public final class InferenceNodeGroupArgs extends ResourceArgs {
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

    /**
     * Instance types with instance-store NVMe, all of one AMI type; On-Demand capacity is taken in this
     * order of preference (https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html,
     * "Managed node group capacity types"). Default: {@code [i4i.xlarge]}.
     */
    @Import(name = "instanceTypes")
    @Nullable
    private List<String> instanceTypes;

    /** Desired node count. Default: {@value #DEFAULT_DESIRED_SIZE}. */
    @Import(name = "desiredSize")
    @Nullable
    private Integer desiredSize;

    /** Minimum node count of the inference node group. Default: {@value #DEFAULT_MIN_SIZE}. */
    @Import(name = "minSize")
    @Nullable
    private Integer minSize;

    /** Maximum node count of the inference node group. Default: {@value #DEFAULT_MAX_SIZE}. */
    @Import(name = "maxSize")
    @Nullable
    private Integer maxSize;

    /** Size of each node's encrypted gp3 root volume in GiB. Default: 50. */
    @Import(name = "rootVolumeGiB")
    @Nullable
    private Integer rootVolumeGiB;

    /** Kubernetes labels of the nodes (what the L2 cache's pods select). Default: none. */
    @Import(name = "labels")
    @Nullable
    private Map<String, String> labels;

    /** Taints of the nodes, key to value, each with effect NoSchedule. Default: none. */
    @Import(name = "taints")
    @Nullable
    private Map<String, String> taints;

    /**
     * A shell script cloud-init runs once at first boot, before nodeadm sets up the disks and starts
     * kubelet; it goes into the user data after the NodeConfig. Default: none.
     */
    @Import(name = "bootScript")
    @Nullable
    private String bootScript;

    public List<String> instanceTypes() {
        return Optional.ofNullable(instanceTypes).orElse(DEFAULT_INSTANCE_TYPES);
    }

    public int desiredSize() {
        return Optional.ofNullable(desiredSize).orElse(DEFAULT_DESIRED_SIZE);
    }

    public int minSize() {
        return Optional.ofNullable(minSize).orElse(DEFAULT_MIN_SIZE);
    }

    public int maxSize() {
        return Optional.ofNullable(maxSize).orElse(DEFAULT_MAX_SIZE);
    }

    public int rootVolumeGiB() {
        return Optional.ofNullable(rootVolumeGiB).orElse(DEFAULT_ROOT_VOLUME_GIB);
    }

    public Map<String, String> labels() {
        return Optional.ofNullable(labels).orElse(Map.of());
    }

    public Map<String, String> taints() {
        return Optional.ofNullable(taints).orElse(Map.of());
    }

    public Optional<String> bootScript() {
        return Optional.ofNullable(bootScript);
    }

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<InferenceNodeGroupArgs, Builder> {
        private Builder() {
            super(new InferenceNodeGroupArgs());
        }

        public Builder instanceTypes(List<String> types) {
            args.instanceTypes = List.copyOf(types);
            return this;
        }

        public Builder desiredSize(int size) {
            args.desiredSize = size;
            return this;
        }

        public Builder minSize(int size) {
            args.minSize = size;
            return this;
        }

        public Builder maxSize(int size) {
            args.maxSize = size;
            return this;
        }

        public Builder rootVolumeGiB(int gib) {
            args.rootVolumeGiB = gib;
            return this;
        }

        public Builder labels(Map<String, String> labels) {
            args.labels = new LinkedHashMap<>(labels);
            return this;
        }

        public Builder taints(Map<String, String> taints) {
            args.taints = new LinkedHashMap<>(taints);
            return this;
        }

        public Builder bootScript(@Nullable String script) {
            args.bootScript = script;
            return this;
        }
    }
}

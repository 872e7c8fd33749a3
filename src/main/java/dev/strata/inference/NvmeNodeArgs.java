package dev.strata.inference;

import dev.strata.core.Problems;

import java.util.Optional;
import java.util.function.UnaryOperator;

/** The nodes of the L2 cache, as a component argument (see {@link NvmeNode}). */
public final class NvmeNodeArgs extends NvmeNodeArgsBase {
    /** The label of the inference nodes (the one Strata's inference node group gives them). */
    public static final String DEFAULT_NODE_LABEL = "strata.dev/node-pool=inference";

    /** The cache's mount point on each inference node. */
    public static final String DEFAULT_MOUNT_PATH = "/mnt/strata-local-nvme/cache";

    public static NvmeNodeArgs from(NvmeNode node) {
        return builder().nodeLabel(node.nodeLabel()).mountPath(node.mountPath()).build();
    }

    /** The nodes as a typed value with their defaults, checked by {@link NvmeNode#validate}. */
    public NvmeNode toNode() {
        return new NvmeNode(Optional.ofNullable(nodeLabel).orElse(DEFAULT_NODE_LABEL),
                Optional.ofNullable(mountPath).orElse(DEFAULT_MOUNT_PATH));
    }

    /** Checks the label and the mount path; {@code key} maps a field to the key reported. */
    public void validate(UnaryOperator<String> key, Problems problems) {
        toNode().validate(key, problems);
    }
}

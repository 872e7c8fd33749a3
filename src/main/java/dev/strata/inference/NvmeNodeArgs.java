package dev.strata.inference;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The nodes of the L2 cache, as a component argument (see {@link NvmeNode}). */
public final class NvmeNodeArgs extends ResourceArgs {
    /** The label of the inference nodes (the one Strata's inference node group gives them). */
    public static final String DEFAULT_NODE_LABEL = "strata.dev/node-pool=inference";
    /** The cache's mount point on each inference node. */
    public static final String DEFAULT_MOUNT_PATH = "/mnt/strata-local-nvme/cache";

    /** The label the inference nodes carry, {@code key=value}. Default: {@value #DEFAULT_NODE_LABEL}. */
    @Import(name = "nodeLabel")
    @Nullable
    private String nodeLabel;

    /** The cache's mount point on each of them. Default: {@value #DEFAULT_MOUNT_PATH}. */
    @Import(name = "mountPath")
    @Nullable
    private String mountPath;

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<NvmeNodeArgs, Builder> {
        private Builder() {
            super(new NvmeNodeArgs());
        }

        public Builder nodeLabel(String nodeLabel) {
            args.nodeLabel = nodeLabel;
            return this;
        }

        public Builder mountPath(String mountPath) {
            args.mountPath = mountPath;
            return this;
        }
    }
}

package dev.strata.inference;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/** A node with a local NVMe disk, as a component argument (see {@link NvmeNode}). */
public final class NvmeNodeArgs extends ResourceArgs {
    /** The node's {@code kubernetes.io/hostname} label. Required. */
    @Import(name = "hostname", required = true)
    private String hostname;

    /** Where the NVMe disk is mounted on the node, e.g. {@code /mnt/nvme}. Required. */
    @Import(name = "path", required = true)
    private String path;

    /** The disk's capacity as a Kubernetes quantity, e.g. {@code 1000Gi}. Required. */
    @Import(name = "capacity", required = true)
    private String capacity;

    public static NvmeNodeArgs from(NvmeNode node) {
        return builder().hostname(node.hostname()).path(node.path()).capacity(node.capacity()).build();
    }

    /** The node as a typed value, checked by {@link NvmeNode#validate}. */
    public NvmeNode toNode() {
        return new NvmeNode(hostname, path, capacity);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final NvmeNodeArgs args = new NvmeNodeArgs();

        public Builder hostname(String hostname) {
            args.hostname = hostname;
            return this;
        }

        public Builder path(String path) {
            args.path = path;
            return this;
        }

        public Builder capacity(String capacity) {
            args.capacity = capacity;
            return this;
        }

        public NvmeNodeArgs build() {
            return args;
        }
    }
}

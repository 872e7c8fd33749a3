package dev.strata.inference;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A node with a local NVMe disk that serves as the L2 model cache: one local PersistentVolume each.
 *
 * @param hostname the node's {@code kubernetes.io/hostname} label, which the volume's node affinity names
 * @param path     the mount point of the NVMe disk on the node, e.g. {@code /mnt/nvme}
 * @param capacity the volume's capacity as a Kubernetes quantity, e.g. {@code 1000Gi}
 */
public record NvmeNode(String hostname, String path, String capacity) {

    /** Checks every node (hostname, path and capacity are required) and that no disk is listed twice. {@code key} names the list. */
    public static void validate(List<NvmeNode> nodes, String key, Problems problems) {
        Set<String> disks = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            NvmeNode node = nodes.get(i);
            String nodeKey = key + "[" + i + "]";
            if (node.hostname() == null || node.hostname().isEmpty()) {
                problems.missing(nodeKey + ".hostname", "is required; the node's kubernetes.io/hostname label");
            } else {
                KubernetesValues.checkLabelValue(node.hostname(), nodeKey + ".hostname", problems);
            }
            if (node.path() == null || node.path().isEmpty()) {
                problems.missing(nodeKey + ".path", "is required; where the NVMe disk is mounted on the node, e.g. /mnt/nvme");
            } else {
                KubernetesValues.checkAbsolutePath(node.path(), nodeKey + ".path", problems);
            }
            if (node.capacity() == null || node.capacity().isEmpty()) {
                problems.missing(nodeKey + ".capacity", "is required; the disk's size as a Kubernetes quantity, e.g. 1000Gi");
            } else {
                KubernetesValues.checkStorageSize(node.capacity(), nodeKey + ".capacity", problems);
            }
            if (node.hostname() != null && node.path() != null && !disks.add(node.hostname() + ":" + node.path())) {
                problems.add(nodeKey, node.hostname() + ":" + node.path(), "each node's disk (hostname and path) may be listed once");
            }
        }
    }

    /** A resource-name suffix unique to this disk: the hostname and path in lower case, with hyphens. */
    String slug() {
        return (hostname + path).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}

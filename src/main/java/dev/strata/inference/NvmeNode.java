package dev.strata.inference;

import dev.strata.cluster.NodeUserData;
import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The nodes that hold the L2 model cache, found by label rather than listed by name: every node with
 * {@code nodeLabel} has its cache on a local file system mounted at {@code mountPath}. Nodes are never
 * named ahead (a managed node group names them from the IP addresses they get at launch), and a replaced
 * node brings its own cache.
 *
 * <p>The contract a node meets at boot, before kubelet starts (Strata's inference node group meets it
 * through {@link #bootScript()}; an adopted cluster's nodes must meet it themselves, docs/inference.md):
 * <ol>
 *   <li>it carries the label {@code nodeLabel}, and may carry the taint {@code <key>=<value>:NoSchedule},
 *       which the provisioner and the warm-up tolerate;</li>
 *   <li>{@code mountPath} is a mount point (a disk, an array or a bind mount of a directory of one) of a local
 *       NVMe file system, and the only mount point named {@code <basename of mountPath>} in its parent
 *       directory, which the local static provisioner watches: it "only discovers ... mount points (for
 *       Filesystem mode volumes)", and directories "must be bind-mounted into the discovery directories"
 *       (kubernetes-sigs/sig-storage-local-static-provisioner docs/operations.md);</li>
 *   <li>the cache directory belongs to group {@value #CACHE_GID} with mode {@value #CACHE_DIR_MODE}
 *       (group-writable, new files inherit the group), so that the warm-up, which runs as uid and gid
 *       {@value #CACHE_GID} and not as root, can write it: a hostPath volume is "only writable by root"
 *       unless the node changes its permissions, and fsGroup does not change a hostPath
 *       (https://kubernetes.io/docs/concepts/storage/volumes/#hostpath).</li>
 * </ol>
 *
 * @param nodeLabel the label the inference nodes carry, {@code key=value}
 * @param mountPath the cache's mount point on each of them
 */
public record NvmeNode(String nodeLabel, String mountPath) {
    /** The group the cache directory belongs to, and the uid and gid the warm-up runs as. */
    public static final int CACHE_GID = 1000;
    /** rwx for owner and group, setgid (new files and directories inherit the group), r-x for others. */
    public static final String CACHE_DIR_MODE = "2775";
    /** The directory of nodeadm's RAID0 array that holds the cache: beside kubelet's and containerd's directories, never the array's root. */
    public static final String ARRAY_CACHE_DIR = NodeUserData.RAID0_MOUNT_POINT + "/strata-model-cache";
    /** The systemd unit the boot script installs. */
    public static final String BOOT_UNIT = "strata-local-nvme-cache.service";
    /** How long the unit waits for nodeadm's array before giving up (and letting kubelet start without the cache). */
    public static final int BOOT_TIMEOUT_SECONDS = 600;

    /** Plain absolute paths only: the path goes into a shell script and a systemd unit. */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+){2,}");
    /**
     * Directories that already hold node state: nodeadm's array root (whose root holds kubelet's and
     * containerd's directories) and kubelet's, containerd's and the pods' logs. A discovery directory there
     * would offer that state as a volume, and the provisioner deletes a released volume's contents.
     */
    static final List<String> NODE_STATE_DIRS = List.of("/mnt/k8s-disks", "/var/lib/kubelet", "/var/lib/containerd", "/var/log/pods");

    public static NvmeNode defaults() {
        return new NvmeNode(NvmeNodeArgs.DEFAULT_NODE_LABEL, NvmeNodeArgs.DEFAULT_MOUNT_PATH);
    }

    public String labelKey() {
        return nodeLabel.substring(0, nodeLabel.indexOf('='));
    }

    public String labelValue() {
        return nodeLabel.substring(nodeLabel.indexOf('=') + 1);
    }

    /** The local static provisioner's discovery directory ({@code hostDir}): the mount point's parent. */
    public String discoveryDir() {
        return mountPath.substring(0, mountPath.lastIndexOf('/'));
    }

    /** The mount point's name in the discovery directory: the provisioner's {@code namePattern}. */
    public String mountName() {
        return mountPath.substring(mountPath.lastIndexOf('/') + 1);
    }

    /** Checks the label and the mount path; {@code key} turns a field name into the key reported. */
    public void validate(java.util.function.UnaryOperator<String> key, Problems problems) {
        if (nodeLabel == null || nodeLabel.indexOf('=') < 1) {
            problems.add(key.apply("nodeLabel"), nodeLabel, "must be key=value, the label the inference nodes carry, e.g. "
                    + NvmeNodeArgs.DEFAULT_NODE_LABEL);
        } else {
            KubernetesValues.checkLabelKey(labelKey(), key.apply("nodeLabel"), problems);
            KubernetesValues.checkLabelValue(labelValue(), key.apply("nodeLabel"), problems);
        }
        if (mountPath == null || !PATH.matcher(mountPath).matches() || mountPath.contains("/../") || mountPath.endsWith("/..")
                || mountPath.contains("/./")) {
            problems.add(key.apply("mountPath"), mountPath, "must be an absolute path of at least two plain directories "
                    + "(letters, digits, '.', '_', '-'), e.g. " + NvmeNodeArgs.DEFAULT_MOUNT_PATH + ": the cache's mount point, whose parent "
                    + "directory the local static provisioner watches");
        } else {
            String discovery = discoveryDir();
            NODE_STATE_DIRS.stream().filter(dir -> discovery.equals(dir) || discovery.startsWith(dir + "/")
                            || mountPath.startsWith(dir + "/")).findFirst()
                    .ifPresent(dir -> problems.add(key.apply("mountPath"), mountPath, "must not be in " + dir
                            + ": it holds node state (kubelet, containerd, nodeadm's array root) that the provisioner would "
                            + "offer as a volume and delete when the volume is released; use e.g. " + NvmeNodeArgs.DEFAULT_MOUNT_PATH));
        }
    }

    /**
     * The boot step of an AL2023 node whose instance stores nodeadm assembles into RAID0
     * ({@link NodeUserData}): a cloud-init script (first boot) that installs and starts a systemd unit. The
     * unit runs on every boot, before kubelet (ordering only: it neither starts nor changes kubelet): it
     * waits for nodeadm's array at {@value NodeUserData#RAID0_MOUNT_POINT} (set up in nodeadm's run phase,
     * after cloud-init and before kubelet), creates {@link #ARRAY_CACHE_DIR} owned by root and group
     * {@value #CACHE_GID} with mode {@value #CACHE_DIR_MODE}, makes the empty mount point immutable (so that
     * nothing writes to the root volume if the bind mount is ever missing) and bind-mounts the cache
     * directory there: the provisioner's "sharing a disk filesystem" layout (docs/operations.md).
     */
    public String bootScript() {
        String cache = ARRAY_CACHE_DIR;
        return "#!/bin/bash\n"
                + "# Strata L2 model cache: bind " + cache + " (on nodeadm's instance-store RAID0 array) to " + mountPath + ",\n"
                + "# the mount point the local static provisioner discovers in " + discoveryDir() + ". Runs before kubelet on every boot.\n"
                + "set -euo pipefail\n"
                + "cat > /etc/systemd/system/" + BOOT_UNIT + " <<'UNIT'\n"
                + "[Unit]\n"
                + "Description=Strata L2 model cache on the instance-store RAID0 array\n"
                + "Before=kubelet.service\n"
                + "[Service]\n"
                + "Type=oneshot\n"
                + "RemainAfterExit=yes\n"
                + "TimeoutStartSec=" + BOOT_TIMEOUT_SECONDS + "\n"
                + "ExecStart=/bin/sh -c 'until mountpoint -q " + NodeUserData.RAID0_MOUNT_POINT + "; do sleep 2; done'\n"
                + "ExecStart=/usr/bin/mkdir -p " + cache + " " + mountPath + "\n"
                + "ExecStart=/usr/bin/chown root:" + CACHE_GID + " " + cache + "\n"
                + "ExecStart=/usr/bin/chmod " + CACHE_DIR_MODE + " " + cache + "\n"
                + "ExecStart=/bin/sh -c 'mountpoint -q " + mountPath + " || { chattr +i " + mountPath + " || true; mount --bind "
                + cache + " " + mountPath + "; }'\n"
                + "[Install]\n"
                + "WantedBy=multi-user.target\n"
                + "UNIT\n"
                + "systemctl daemon-reload\n"
                + "systemctl enable " + BOOT_UNIT + "\n"
                + "systemctl start --no-block " + BOOT_UNIT + "\n";
    }
}

package dev.strata.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The EC2 user data of an instance-store node group's launch template: a MIME multi-part document whose
 * {@code application/node.eks.aws} part is an AL2023 {@code nodeadm} NodeConfig that assembles the
 * instance-store NVMe disks into one RAID0 array at boot, and an optional {@code text/x-shellscript}
 * part (cloud-init runs it once, at first boot).
 *
 * <p>Facts it relies on:
 * <ul>
 *   <li>User data of a managed node group's launch template must be a MIME multi-part archive for Amazon
 *       Linux AMIs: EKS merges it with its own user data, which joins the node to the cluster; it must not
 *       start or modify kubelet (https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html,
 *       "Amazon EC2 user data"). Without a custom AMI EKS supplies the NodeConfig's {@code cluster} fields,
 *       so this NodeConfig sets only {@code spec.instance.localStorage}; nodeadm merges the NodeConfig
 *       objects of the document in order (awslabs/amazon-eks-ami nodeadm/doc/examples.md).</li>
 *   <li>{@code spec.instance.localStorage.strategy: RAID0} "will create a single raid0 volume from any local
 *       disks"; {@code mountPath} defaults to {@code /mnt/k8s-disks/} (nodeadm/api/v1alpha1/nodeconfig_types.go,
 *       nodeadm/doc/api.md). nodeadm runs it in the run phase ({@code nodeadm-run.service}, after
 *       {@code cloud-final.service}), before it starts kubelet (nodeadm/cmd/nodeadm/init/init.go): the
 *       script {@code setup-local-disks raid0} creates the md array from every {@code NVMe_Instance_Storage}
 *       disk, formats it XFS, mounts it at {@code <mountPath>/0} with a systemd mount unit, and bind-mounts
 *       {@code /var/lib/kubelet}, {@code /var/lib/containerd}, {@code /var/log/pods} and
 *       {@code /var/lib/soci-snapshotter-grpc} onto directories of the array
 *       (templates/al2023/runtime/bin/setup-local-disks). Kubelet's and containerd's state (emptyDir
 *       volumes, images, logs) therefore live on the array too: the array's root is never a volume of its own.</li>
 * </ul>
 */
public final class NodeUserData {
    public static final String NODE_CONFIG_API_VERSION = "node.eks.aws/v1alpha1";
    public static final String NODE_CONFIG_KIND = "NodeConfig";
    public static final String NODE_CONFIG_CONTENT_TYPE = "application/node.eks.aws";
    public static final String SCRIPT_CONTENT_TYPE = "text/x-shellscript; charset=\"us-ascii\"";
    /** nodeadm's local storage strategy for the instance stores: one RAID0 array of every disk. */
    public static final String LOCAL_STORAGE_STRATEGY = "RAID0";
    /** Where setup-local-disks mounts the RAID0 array: {@code <mountPath>/0}, with nodeadm's default mountPath. */
    public static final String RAID0_MOUNT_POINT = "/mnt/k8s-disks/0";
    static final String BOUNDARY = "//STRATA//";

    private NodeUserData() {
    }

    /** The NodeConfig, as YAML: local storage only (EKS merges in the cluster fields). */
    public static String nodeConfig() {
        return "---\n"
                + "apiVersion: " + NODE_CONFIG_API_VERSION + "\n"
                + "kind: " + NODE_CONFIG_KIND + "\n"
                + "spec:\n"
                + "  instance:\n"
                + "    localStorage:\n"
                + "      strategy: " + LOCAL_STORAGE_STRATEGY + "\n";
    }

    /** The MIME multi-part document: the NodeConfig, then {@code bootScript} when given. */
    public static String mime(String bootScript) {
        StringBuilder document = new StringBuilder()
                .append("MIME-Version: 1.0\n")
                .append("Content-Type: multipart/mixed; boundary=\"").append(BOUNDARY).append("\"\n\n")
                .append("--").append(BOUNDARY).append("\n")
                .append("Content-Type: ").append(NODE_CONFIG_CONTENT_TYPE).append("\n\n")
                .append(nodeConfig()).append("\n");
        if (bootScript != null && !bootScript.isBlank()) {
            document.append("--").append(BOUNDARY).append("\n")
                    .append("Content-Type: ").append(SCRIPT_CONTENT_TYPE).append("\n\n")
                    .append(bootScript.endsWith("\n") ? bootScript : bootScript + "\n").append("\n");
        }
        return document.append("--").append(BOUNDARY).append("--\n").toString();
    }

    /** The launch template's {@code userData}: the document, base64-encoded as EC2 takes it. */
    public static String base64(String bootScript) {
        return Base64.getEncoder().encodeToString(mime(bootScript).getBytes(StandardCharsets.UTF_8));
    }
}

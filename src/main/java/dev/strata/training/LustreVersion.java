package dev.strata.training;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Lustre versions of an FSx for Lustre file system ({@code FileSystemTypeVersion}), and which of
 * them the cluster's nodes can mount.
 *
 * <ul>
 *   <li>The API takes 2.10, 2.12 and 2.15: "2.10 is supported by the Scratch and Persistent_1 Lustre
 *       deployment types. 2.12 is supported by all Lustre deployment types, except for PERSISTENT_2
 *       with a metadata configuration mode. 2.15 is supported by all Lustre deployment types and is
 *       recommended for all new file systems." Left unset, it is 2.10 for every type but PERSISTENT_2
 *       (https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateFileSystem.html,
 *       FileSystemTypeVersion). Strata sets no metadata configuration.</li>
 *   <li>The nodes of the clusters Strata creates run Amazon Linux 2023
 *       ({@code cluster.EksCluster.AMI_TYPE}), whose Lustre client (2.15) mounts 2.12 and 2.15 file
 *       systems but not 2.10 ("Lustre file system and client kernel compatibility",
 *       https://docs.aws.amazon.com/fsx/latest/LustreGuide/lustre-client-matrix.html). 2.15 is also the
 *       version that Amazon Linux 2 (5.10.144+), Ubuntu 22/24 and RHEL 9/10 clients all mount, so an
 *       adopted cluster's nodes mount it too.</li>
 *   <li>The FSx CSI driver passes its StorageClass parameter {@code fileSystemTypeVersion} to the same
 *       API field (aws-fsx-csi-driver, examples/kubernetes/dynamic_provisioning/README.md; its list of
 *       values there, 2.10 and 2.12, predates 2.15, which its own docs/install.md uses).</li>
 * </ul>
 */
public enum LustreVersion {
    V2_10("2.10", false),
    V2_12("2.12", true),
    V2_15("2.15", true);

    /** The version of every file system Strata creates unless told otherwise: the one FSx recommends. */
    public static final LustreVersion DEFAULT = V2_15;

    private final String apiValue;
    private final boolean nodesMount;

    LustreVersion(String apiValue, boolean nodesMount) {
        this.apiValue = apiValue;
        this.nodesMount = nodesMount;
    }

    /** The value of {@code fileSystemTypeVersion}, e.g. {@code 2.15}. */
    public String apiValue() {
        return apiValue;
    }

    /** Whether the nodes' Lustre client (Amazon Linux 2023: 2.15) can mount a file system of this version. */
    public boolean nodesMount() {
        return nodesMount;
    }

    /** Whether FSx creates a file system of {@code type} with this version (2.10: not PERSISTENT_2). */
    public boolean supports(DeploymentType type) {
        return this != V2_10 || type != DeploymentType.PERSISTENT_2;
    }

    /** The versions the nodes mount, as the API spells them: 2.12, 2.15. */
    public static List<String> mountable() {
        return Arrays.stream(values()).filter(LustreVersion::nodesMount).map(LustreVersion::apiValue).toList();
    }

    public static Optional<LustreVersion> of(String apiValue) {
        return Arrays.stream(values()).filter(v -> v.apiValue.equals(apiValue)).findFirst();
    }
}

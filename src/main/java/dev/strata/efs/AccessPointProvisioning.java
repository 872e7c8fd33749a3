package dev.strata.efs;

import java.util.Map;
import java.util.TreeMap;

/**
 * Dynamic provisioning through EFS access points, as the EFS CSI driver's StorageClass parameters
 * declare it (https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/README.md#storage-class-parameters-for-dynamic-provisioning):
 * each claim gets an access point under {@code basePath}, its directory created with {@code directoryPerms}
 * and owned by a GID from the range. The warm training tier and the model repository both provision so.
 */
public final class AccessPointProvisioning {
    /** The playbook's access-point directory permissions and GID range. */
    public static final String DIRECTORY_PERMS = "0755";
    public static final int GID_RANGE_START = 1000;
    public static final int GID_RANGE_END = 2000;

    private AccessPointProvisioning() {
    }

    /** The StorageClass parameters for access points of {@code fileSystemId} under {@code basePath}. */
    public static Map<String, String> parameters(String fileSystemId, String basePath, String directoryPerms,
                                                 int gidRangeStart, int gidRangeEnd) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("provisioningMode", "efs-ap");
        parameters.put("fileSystemId", fileSystemId);
        parameters.put("directoryPerms", directoryPerms);
        parameters.put("gidRangeStart", String.valueOf(gidRangeStart));
        parameters.put("gidRangeEnd", String.valueOf(gidRangeEnd));
        parameters.put("basePath", basePath);
        return parameters;
    }
}

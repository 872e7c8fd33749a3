package dev.strata.training;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;
import dev.strata.efs.AccessPointProvisioning;
import dev.strata.efs.EfsAccessPointArgs;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.efs.EfsRules;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The warm tier: an EFS file system (see {@link dev.strata.efs.EfsFileSystem}) with an access point
 * for shared datasets, the StorageClass {@code efs-datasets} that provisions an access point per
 * claim, and a ReadWriteMany claim.
 */
public final class WarmTierArgs extends WarmTierArgsBase {
    /** The warm tier's EFS options unless set: those of {@link EfsOptionsArgs}, and Infrequent Access after 30 days. */
    public static final EfsOptionsArgs EFS_DEFAULTS = EfsOptionsArgs.builder().transitionToIaDays(30).build();

    public static final String DEFAULT_ACCESS_POINT_PATH = "/shared";

    public static final int DEFAULT_POSIX_ID = 1000;

    public static final String DEFAULT_STORAGE_CLASS_NAME = "efs-datasets";

    public static final String DEFAULT_BASE_PATH = "/datasets";

    public static final String DEFAULT_DIRECTORY_PERMS = AccessPointProvisioning.DIRECTORY_PERMS;

    public static final int DEFAULT_GID_RANGE_START = AccessPointProvisioning.GID_RANGE_START;

    public static final int DEFAULT_GID_RANGE_END = AccessPointProvisioning.GID_RANGE_END;

    public static final String DEFAULT_CLAIM_NAME = "training-datasets";

    public static final int DEFAULT_CLAIM_STORAGE_GIB = 100;

    /** The EFS options, each unset one taken from {@link #EFS_DEFAULTS}. */
    public EfsOptionsArgs efs() {
        return Optional.ofNullable(efs).orElseGet(EfsOptionsArgs::defaults).orElse(EFS_DEFAULTS);
    }

    /**
     * Records what is wrong with these arguments; {@code key} turns a field name into the key it is
     * reported under ({@code warm.claimName}, {@code strata:training.warm.claimName}); the EFS options
     * are reported under {@code efsKey} ({@code warm.efs.throughputMode}, {@code strata:training.warm.throughputMode}).
     */
    public void validate(UnaryOperator<String> key, UnaryOperator<String> efsKey, Problems problems) {
        efs().validate(efsKey, problems);
        EfsAccessPointArgs.validatePath(key.apply("accessPointPath"), accessPointPath(), problems);
        EfsRules.checkBasePath(key.apply("basePath"), basePath(), problems);
        if (posixId() < 0) {
            problems.add(key.apply("posixId"), posixId(), "must be 0 or more");
        }
        if (!EfsRules.PERMISSIONS.matcher(directoryPerms()).matches()) {
            problems.add(key.apply("directoryPerms"), directoryPerms(), "must be octal permissions such as 0755");
        }
        if (gidRangeStart() < 1 || gidRangeEnd() < gidRangeStart()) {
            problems.add(key.apply("gidRangeEnd"), gidRangeEnd(), key.apply("gidRangeStart"), gidRangeStart(),
                    "the gid range must start at 1 or more and not end before it starts");
        }
        if (claimStorageGiB() < 1) {
            problems.add(key.apply("claimStorageGiB"), claimStorageGiB(), "must be 1 or more");
        }
        KubernetesValues.checkObjectName(storageClassName(), key.apply("storageClassName"), problems);
        KubernetesValues.checkObjectName(claimName(), key.apply("claimName"), problems);
    }
}

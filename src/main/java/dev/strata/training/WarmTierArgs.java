package dev.strata.training;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;
import dev.strata.efs.EfsAccessPointArgs;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.efs.EfsRules;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The warm tier: an EFS file system (see {@link dev.strata.efs.EfsFileSystem}) with an access point
 * for shared datasets, the StorageClass {@code efs-datasets} that provisions an access point per
 * claim, and a ReadWriteMany claim.
 */
public final class WarmTierArgs extends ResourceArgs {
    /** The warm tier's EFS options unless set: those of {@link EfsOptionsArgs}, and Infrequent Access after 30 days. */
    public static final EfsOptionsArgs EFS_DEFAULTS = EfsOptionsArgs.builder().transitionToIaDays(30).build();
    public static final String DEFAULT_ACCESS_POINT_PATH = "/shared";
    public static final int DEFAULT_POSIX_ID = 1000;
    public static final String DEFAULT_STORAGE_CLASS_NAME = "efs-datasets";
    public static final String DEFAULT_BASE_PATH = "/datasets";
    public static final String DEFAULT_DIRECTORY_PERMS = "0755";
    public static final int DEFAULT_GID_RANGE_START = 1000;
    public static final int DEFAULT_GID_RANGE_END = 2000;
    public static final String DEFAULT_CLAIM_NAME = "training-datasets";
    public static final int DEFAULT_CLAIM_STORAGE_GIB = 100;

    /**
     * The EFS file system's modes, transitions and backup ({@link EfsOptionsArgs}). Default: generalPurpose,
     * elastic throughput, Infrequent Access after 30 days ({@link #EFS_DEFAULTS}), no Archive, no backup.
     */
    @Import(name = "efs")
    @Nullable
    private EfsOptionsArgs efs;

    /** Directory of the shared-datasets access point. Default: {@code /shared}. */
    @Import(name = "accessPointPath")
    @Nullable
    private String accessPointPath;

    /** POSIX uid and gid of the shared-datasets access point. Default: 1000. */
    @Import(name = "posixId")
    @Nullable
    private Integer posixId;

    /** The StorageClass name. Default: {@code efs-datasets}. */
    @Import(name = "storageClassName")
    @Nullable
    private String storageClassName;

    /** Directory under which the CSI driver creates one access point directory per claim. Default: {@code /datasets}. */
    @Import(name = "basePath")
    @Nullable
    private String basePath;

    /** Octal permissions of each claim's directory. Default: {@code 0755}. */
    @Import(name = "directoryPerms")
    @Nullable
    private String directoryPerms;

    /** First POSIX gid the CSI driver assigns to claims' access points. Default: 1000. */
    @Import(name = "gidRangeStart")
    @Nullable
    private Integer gidRangeStart;

    /** Last POSIX gid the CSI driver assigns. Default: 2000. */
    @Import(name = "gidRangeEnd")
    @Nullable
    private Integer gidRangeEnd;

    /** Name of the ReadWriteMany claim. Default: {@code training-datasets}. */
    @Import(name = "claimName")
    @Nullable
    private String claimName;

    /** Size the claim requests, in GiB (EFS is elastic; Kubernetes needs a number). Default: 100. */
    @Import(name = "claimStorageGiB")
    @Nullable
    private Integer claimStorageGiB;

    /** The EFS options, each unset one taken from {@link #EFS_DEFAULTS}. */
    public EfsOptionsArgs efs() {
        return Optional.ofNullable(efs).orElseGet(EfsOptionsArgs::defaults).orElse(EFS_DEFAULTS);
    }

    public String accessPointPath() {
        return Optional.ofNullable(accessPointPath).orElse(DEFAULT_ACCESS_POINT_PATH);
    }

    public int posixId() {
        return Optional.ofNullable(posixId).orElse(DEFAULT_POSIX_ID);
    }

    public String storageClassName() {
        return Optional.ofNullable(storageClassName).orElse(DEFAULT_STORAGE_CLASS_NAME);
    }

    public String basePath() {
        return Optional.ofNullable(basePath).orElse(DEFAULT_BASE_PATH);
    }

    public String directoryPerms() {
        return Optional.ofNullable(directoryPerms).orElse(DEFAULT_DIRECTORY_PERMS);
    }

    public int gidRangeStart() {
        return Optional.ofNullable(gidRangeStart).orElse(DEFAULT_GID_RANGE_START);
    }

    public int gidRangeEnd() {
        return Optional.ofNullable(gidRangeEnd).orElse(DEFAULT_GID_RANGE_END);
    }

    public String claimName() {
        return Optional.ofNullable(claimName).orElse(DEFAULT_CLAIM_NAME);
    }

    public int claimStorageGiB() {
        return Optional.ofNullable(claimStorageGiB).orElse(DEFAULT_CLAIM_STORAGE_GIB);
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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<WarmTierArgs, Builder> {
        private Builder() {
            super(new WarmTierArgs());
        }

        public Builder efs(EfsOptionsArgs efs) {
            args.efs = efs;
            return this;
        }

        public Builder accessPointPath(String path) {
            args.accessPointPath = path;
            return this;
        }

        public Builder posixId(int id) {
            args.posixId = id;
            return this;
        }

        public Builder storageClassName(String name) {
            args.storageClassName = name;
            return this;
        }

        public Builder basePath(String path) {
            args.basePath = path;
            return this;
        }

        public Builder directoryPerms(String perms) {
            args.directoryPerms = perms;
            return this;
        }

        public Builder gidRangeStart(int gid) {
            args.gidRangeStart = gid;
            return this;
        }

        public Builder gidRangeEnd(int gid) {
            args.gidRangeEnd = gid;
            return this;
        }

        public Builder claimName(String name) {
            args.claimName = name;
            return this;
        }

        public Builder claimStorageGiB(int gib) {
            args.claimStorageGiB = gib;
            return this;
        }
    }
}

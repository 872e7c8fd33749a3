package dev.strata.training;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.efs.PerformanceMode;
import dev.strata.efs.ThroughputMode;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * The warm tier: an EFS file system (see {@link dev.strata.efs.EfsFileSystem}) with an access point
 * for shared datasets, the StorageClass {@code efs-datasets} that provisions an access point per
 * claim, and a ReadWriteMany claim.
 */
public final class WarmTierArgs extends ResourceArgs {
    /** {@code generalPurpose} or {@code maxIO}. Default: {@code generalPurpose}. */
    @Import(name = "performanceMode")
    @Nullable
    private String performanceMode;

    /** {@code bursting}, {@code provisioned} or {@code elastic}. Default: {@code elastic}. */
    @Import(name = "throughputMode")
    @Nullable
    private String throughputMode;

    /** MiB/s, with provisioned throughput only (1 to 3414). */
    @Import(name = "provisionedThroughputMibps")
    @Nullable
    private Integer provisionedThroughputMibps;

    /** Days since last access before Infrequent Access. Default: 30. */
    @Import(name = "transitionToIaDays")
    @Nullable
    private Integer transitionToIaDays;

    /** Days since last access before Archive (elastic + generalPurpose, after IA). Default: never. */
    @Import(name = "transitionToArchiveDays")
    @Nullable
    private Integer transitionToArchiveDays;

    /** Automatic daily backups. Default: false (on in prod). */
    @Import(name = "backup")
    @Nullable
    private Boolean backup;

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

    public String performanceMode() {
        return Optional.ofNullable(performanceMode).orElse(PerformanceMode.GENERAL_PURPOSE.apiValue());
    }

    public String throughputMode() {
        return Optional.ofNullable(throughputMode).orElse(ThroughputMode.ELASTIC.apiValue());
    }

    public Optional<Integer> provisionedThroughputMibps() {
        return Optional.ofNullable(provisionedThroughputMibps);
    }

    public Optional<Integer> transitionToIaDays() {
        return Optional.ofNullable(transitionToIaDays);
    }

    public Optional<Integer> transitionToArchiveDays() {
        return Optional.ofNullable(transitionToArchiveDays);
    }

    public boolean backup() {
        return Boolean.TRUE.equals(backup);
    }

    public String accessPointPath() {
        return Optional.ofNullable(accessPointPath).orElse("/shared");
    }

    public int posixId() {
        return Optional.ofNullable(posixId).orElse(1000);
    }

    public String storageClassName() {
        return Optional.ofNullable(storageClassName).orElse("efs-datasets");
    }

    public String basePath() {
        return Optional.ofNullable(basePath).orElse("/datasets");
    }

    public String directoryPerms() {
        return Optional.ofNullable(directoryPerms).orElse("0755");
    }

    public int gidRangeStart() {
        return Optional.ofNullable(gidRangeStart).orElse(1000);
    }

    public int gidRangeEnd() {
        return Optional.ofNullable(gidRangeEnd).orElse(2000);
    }

    public String claimName() {
        return Optional.ofNullable(claimName).orElse("training-datasets");
    }

    public int claimStorageGiB() {
        return Optional.ofNullable(claimStorageGiB).orElse(100);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final WarmTierArgs args = new WarmTierArgs();

        public Builder performanceMode(String mode) {
            args.performanceMode = mode;
            return this;
        }

        public Builder throughputMode(String mode) {
            args.throughputMode = mode;
            return this;
        }

        public Builder provisionedThroughputMibps(Integer mibps) {
            args.provisionedThroughputMibps = mibps;
            return this;
        }

        public Builder transitionToIaDays(Integer days) {
            args.transitionToIaDays = days;
            return this;
        }

        public Builder transitionToArchiveDays(Integer days) {
            args.transitionToArchiveDays = days;
            return this;
        }

        public Builder backup(boolean backup) {
            args.backup = backup;
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

        public WarmTierArgs build() {
            return args;
        }
    }
}

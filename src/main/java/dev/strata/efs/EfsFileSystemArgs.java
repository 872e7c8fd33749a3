package dev.strata.efs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.NetworkArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Arguments of {@link EfsFileSystem}. Every default is the safe one; {@link EfsRules} checks the combination. */
public final class EfsFileSystemArgs extends ResourceArgs {
    /** ARN of the customer-managed KMS key that encrypts the file system at rest. Required. */
    @Import(name = "kmsKeyArn", required = true)
    private Output<String> kmsKeyArn;

    /** The mount targets' network: VPC, private subnets (one mount target in each, at most one per Availability Zone), NFS clients. Required. */
    @Import(name = "network", required = true)
    private NetworkArgs network;

    /** {@code generalPurpose} or {@code maxIO}. Default: {@code generalPurpose}. */
    @Import(name = "performanceMode")
    @Nullable
    private String performanceMode;

    /** {@code bursting}, {@code provisioned} or {@code elastic}. Default: {@code elastic}. */
    @Import(name = "throughputMode")
    @Nullable
    private String throughputMode;

    /** MiB/s to provision (1 to 3414); required with, and only with, {@code provisioned} throughput. */
    @Import(name = "provisionedThroughputMibps")
    @Nullable
    private Integer provisionedThroughputMibps;

    /** Days since last access after which files move to Infrequent Access (1, 7, 14, 30, 60, 90, 180, 270, 365). Default: never. */
    @Import(name = "transitionToIaDays")
    @Nullable
    private Integer transitionToIaDays;

    /** Days since last access after which files move to Archive (elastic + generalPurpose only, after IA). Default: never. */
    @Import(name = "transitionToArchiveDays")
    @Nullable
    private Integer transitionToArchiveDays;

    /** Automatic daily backups with AWS Backup. Default: false (the Strata program turns them on in prod). */
    @Import(name = "backup")
    @Nullable
    private Boolean backup;

    /** Access points to create. Default: none. */
    @Import(name = "accessPoints")
    @Nullable
    private List<EfsAccessPointArgs> accessPoints;

    /** The component tag. Default: {@code efs}. */
    @Import(name = "component")
    @Nullable
    private String component;

    /** The tier tag, e.g. {@code warm}. Required. */
    @Import(name = "tier", required = true)
    private String tier;

    /** Tags, in addition to {@code component} and {@code tier}. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    /** Protect the file system and retain it when it leaves the stack. Default: false (set in prod). */
    @Import(name = "protect")
    @Nullable
    private Boolean protect;

    @Nullable
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    @Nullable
    public NetworkArgs network() {
        return network;
    }

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

    public List<EfsAccessPointArgs> accessPoints() {
        return Optional.ofNullable(accessPoints).orElse(List.of());
    }

    public String component() {
        return Optional.ofNullable(component).orElse("efs");
    }

    public String tier() {
        return tier;
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public boolean protect() {
        return Boolean.TRUE.equals(protect);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final EfsFileSystemArgs args = new EfsFileSystemArgs();

        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder network(NetworkArgs network) {
            args.network = network;
            return this;
        }

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

        public Builder accessPoints(List<EfsAccessPointArgs> accessPoints) {
            args.accessPoints = List.copyOf(accessPoints);
            return this;
        }

        public Builder component(String component) {
            args.component = component;
            return this;
        }

        public Builder tier(String tier) {
            args.tier = tier;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        public EfsFileSystemArgs build() {
            return args;
        }
    }
}

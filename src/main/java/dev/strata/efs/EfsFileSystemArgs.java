package dev.strata.efs;

import com.pulumi.core.annotations.Import;
import dev.strata.core.StorageArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Arguments of {@link EfsFileSystem}. Every default is the safe one; {@link EfsRules} checks the combination.
 * {@code kmsKeyArn} encrypts the file system at rest; {@code network} places a mount target in each private
 * subnet (at most one per Availability Zone) and admits its NFS clients.
 */
public final class EfsFileSystemArgs extends StorageArgs {
    /**
     * The file system's modes, lifecycle transitions and backup ({@link EfsOptionsArgs}, where each default
     * is documented). Default: every option's own default (generalPurpose, elastic, no transition, no backup).
     */
    @Import(name = "options")
    @Nullable
    private EfsOptionsArgs options;

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

    public EfsOptionsArgs options() {
        return Optional.ofNullable(options).orElseGet(EfsOptionsArgs::defaults);
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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends StorageArgs.Builder<EfsFileSystemArgs, Builder> {
        private Builder() {
            super(new EfsFileSystemArgs());
        }

        public Builder options(EfsOptionsArgs options) {
            args.options = options;
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
    }
}

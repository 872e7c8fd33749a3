package dev.strata.efs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.strata.core.NetworkArgs;
import dev.strata.core.StatefulArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/** Arguments of {@link EfsFileSystem}. Every default is the safe one; {@link EfsRules} checks the combination. */
public final class EfsFileSystemArgs extends StatefulArgs {
    /** ARN of the customer-managed KMS key that encrypts the file system at rest. Required. */
    @Import(name = "kmsKeyArn", required = true)
    private Output<String> kmsKeyArn;

    /** The mount targets' network: VPC, private subnets (one mount target in each, at most one per Availability Zone), NFS clients. Required. */
    @Import(name = "network", required = true)
    private NetworkArgs network;

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

    @Nullable
    public Output<String> kmsKeyArn() {
        return kmsKeyArn;
    }

    @Nullable
    public NetworkArgs network() {
        return network;
    }

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

    public static final class Builder extends StatefulArgs.Builder<EfsFileSystemArgs, Builder> {
        private Builder() {
            super(new EfsFileSystemArgs());
        }

        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder network(NetworkArgs network) {
            args.network = network;
            return this;
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

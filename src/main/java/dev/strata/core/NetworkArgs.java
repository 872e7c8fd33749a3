package dev.strata.core;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * The network of a storage component: the VPC of its security groups, the private subnets it
 * places its mount targets, file systems or caches in, and who may connect. {@link NetworkRules}
 * checks it.
 */
public final class NetworkArgs extends ResourceArgs {
    /** The cluster's VPC, where the component's security groups go. Required. */
    @Import(name = "vpcId", required = true)
    private Output<String> vpcId;

    /**
     * Private subnets: an EFS mount target in each, FSx for Lustre in the first, the Redis subnet
     * group over all of them. Required, at least one, no duplicates (checked when known: {@link KnownValue}).
     */
    @Import(name = "subnetIds", required = true)
    private Output<List<String>> subnetIds;

    /** The cluster nodes' security group, admitted on the storage ports (NFS, Lustre, Redis). Set this and/or {@code allowedCidrs}. */
    @Import(name = "clientSecurityGroupId")
    @Nullable
    private Output<String> clientSecurityGroupId;

    /** CIDR blocks admitted on the storage ports; never {@code 0.0.0.0/0}. Set this and/or {@code clientSecurityGroupId}. Default: none. */
    @Import(name = "allowedCidrs")
    @Nullable
    private List<String> allowedCidrs;

    @Nullable
    public Output<String> vpcId() {
        return vpcId;
    }

    /** The subnets; checked when they resolve if they were not known when the component was built ({@link KnownValue}). */
    public Output<List<String>> subnetIds() {
        return subnetIds == null ? Output.of(List.of())
                : KnownValue.checked(subnetIds, (ids, problems) -> NetworkRules.subnetIds("network.subnetIds", ids, problems));
    }

    public Optional<Output<String>> clientSecurityGroupId() {
        return Optional.ofNullable(clientSecurityGroupId);
    }

    public List<String> allowedCidrs() {
        return Optional.ofNullable(allowedCidrs).orElse(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final NetworkArgs args = new NetworkArgs();

        public Builder vpcId(Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        public Builder vpcId(String vpcId) {
            return vpcId(Output.of(vpcId));
        }

        public Builder subnetIds(Output<List<String>> subnetIds) {
            args.subnetIds = subnetIds;
            return this;
        }

        public Builder subnetIds(List<String> subnetIds) {
            return subnetIds(Output.of(List.copyOf(subnetIds)));
        }

        public Builder clientSecurityGroupId(Output<String> groupId) {
            args.clientSecurityGroupId = groupId;
            return this;
        }

        public Builder clientSecurityGroupId(String groupId) {
            return clientSecurityGroupId(Output.of(groupId));
        }

        public Builder allowedCidrs(List<String> cidrs) {
            args.allowedCidrs = List.copyOf(cidrs);
            return this;
        }

        public NetworkArgs build() {
            return args;
        }
    }
}

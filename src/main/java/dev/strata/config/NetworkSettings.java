package dev.strata.config;

import dev.strata.core.NetworkRules;

import java.util.List;
import java.util.Optional;

/**
 * Where the stack's file systems live and who may reach them ({@code strata:network}): shared by
 * the training and inference tiers and the cluster work.
 *
 * @param vpcId               the VPC of the cluster ({@code vpcId}), required
 * @param privateSubnetIds    private subnets for mount targets and file systems ({@code privateSubnetIds}), at least one
 * @param nodeSecurityGroupId the cluster nodes' security group ({@code nodeSecurityGroupId})
 * @param allowedCidrs        CIDR blocks of the nodes ({@code allowedCidrs}); never {@code 0.0.0.0/0}
 */
public record NetworkSettings(String vpcId, List<String> privateSubnetIds, Optional<String> nodeSecurityGroupId,
                              List<String> allowedCidrs) {
    public NetworkSettings {
        privateSubnetIds = List.copyOf(privateSubnetIds);
        allowedCidrs = List.copyOf(allowedCidrs);
    }

    /** Parses {@code strata:network}; every key is read, then the object is finished. */
    public static NetworkSettings parse(ConfigNode node) {
        Optional<String> vpcId = node.requiredString("vpcId", "the id of the cluster's VPC, e.g. vpc-0abc1234def567890");
        List<String> subnets = node.stringList("privateSubnetIds");
        Optional<String> nodeGroup = node.optionalString("nodeSecurityGroupId");
        List<String> cidrs = node.stringList("allowedCidrs");
        node.finish();

        var problems = node.problems();
        vpcId.ifPresent(id -> NetworkRules.vpcId(node.key("vpcId"), id, problems));
        NetworkRules.subnetIds(node.key("privateSubnetIds"), subnets, problems);
        nodeGroup.ifPresent(id -> NetworkRules.securityGroupId(node.key("nodeSecurityGroupId"), id, problems));
        NetworkRules.clients(node::key, "nodeSecurityGroupId", nodeGroup.isPresent(), "allowedCidrs", cidrs, problems);
        return new NetworkSettings(vpcId.orElse(""), subnets, nodeGroup, cidrs);
    }
}

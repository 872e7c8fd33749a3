package dev.strata.training;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import dev.strata.core.Children;
import dev.strata.core.Tags;
import dev.strata.core.TierName;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lustre security group of {@link TrainingStorage}, shared by the hot and the per-job tiers (the
 * per-job StorageClass hands it to each file system the driver creates), so it stays a child of the
 * composing component.
 */
final class LustreSecurityGroup {
    private LustreSecurityGroup() {
    }

    /**
     * The Lustre security group: TCP 988 and 1018-1023 between the file servers themselves and to and
     * from the cluster's nodes, nothing else; and, unless {@code lustreClientRules} is false, the same
     * ports with the Lustre group on the nodes' group
     * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/limit-access-security-groups.html).
     */
    static SecurityGroup create(ComponentResource parent, String name, TrainingStorageArgs args) {
        Map<String, String> tags = Tags.of(args.tags(), "training", TierName.HOT.value());
        Map<String, String> named = new TreeMap<>(tags);
        named.put("Name", name + "-lustre");
        SecurityGroup group = new SecurityGroup(name + "-lustre", SecurityGroupArgs.builder()
                .description("FSx for Lustre of " + name + ": Lustre (TCP 988, 1018-1023) with the cluster only")
                .vpcId(args.network().vpcId())
                .tags(named)
                .build(), Children.of(parent));
        List<LustrePeer> peers = new ArrayList<>();
        peers.add(new LustrePeer("self", group.id(), null));
        args.network().clientSecurityGroupId().ifPresent(source -> peers.add(new LustrePeer("nodes", source, null)));
        args.network().allowedCidrs().forEach(cidr -> peers.add(new LustrePeer(cidr.replaceAll("[./]", "-"), null, cidr)));
        int[][] ranges = {{LustreRules.LUSTRE_PORT, LustreRules.LUSTRE_PORT},
                {LustreRules.LUSTRE_PORT_RANGE_FROM, LustreRules.LUSTRE_PORT_RANGE_TO}};
        for (LustrePeer peer : peers) {
            for (int[] range : ranges) {
                String suffix = peer.label() + "-" + range[0];
                var ingress = SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(group.id()).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                        .description("Lustre from " + peer.label()).tags(tags);
                var egress = SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(group.id()).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                        .description("Lustre to " + peer.label()).tags(tags);
                if (peer.groupId() != null) {
                    ingress.referencedSecurityGroupId(peer.groupId());
                    egress.referencedSecurityGroupId(peer.groupId());
                } else {
                    ingress.cidrIpv4(peer.cidr());
                    egress.cidrIpv4(peer.cidr());
                }
                new SecurityGroupIngressRule(name + "-lustre-in-" + suffix, ingress.build(), Children.of(parent));
                new SecurityGroupEgressRule(name + "-lustre-out-" + suffix, egress.build(), Children.of(parent));
            }
        }
        // FSx asks for the same ports on the clients' own group, inbound from and outbound to the file
        // servers' group ("Lustre client VPC security group rules", same page): the file servers open
        // connections to the clients too. Rules between clients are the group owner's to add.
        if (args.lustreClientRules()) {
            args.network().clientSecurityGroupId().ifPresent(clients -> {
                for (int[] range : ranges) {
                    new SecurityGroupIngressRule(name + "-lustre-client-in-" + range[0], SecurityGroupIngressRuleArgs.builder()
                            .securityGroupId(clients).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                            .referencedSecurityGroupId(group.id())
                            .description("Lustre from the FSx for Lustre file servers of " + name).tags(tags)
                            .build(), Children.of(parent));
                    new SecurityGroupEgressRule(name + "-lustre-client-out-" + range[0], SecurityGroupEgressRuleArgs.builder()
                            .securityGroupId(clients).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                            .referencedSecurityGroupId(group.id())
                            .description("Lustre to the FSx for Lustre file servers of " + name).tags(tags)
                            .build(), Children.of(parent));
                }
            });
        }
        return group;
    }

    private record LustrePeer(String label, @Nullable Output<String> groupId, @Nullable String cidr) {
    }

}

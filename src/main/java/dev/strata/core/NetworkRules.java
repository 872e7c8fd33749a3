package dev.strata.core;

import javax.annotation.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The network inputs every file system takes (VPC, private subnets, who may connect), checked in
 * one place for both the stack settings and the components' own arguments.
 *
 * <p>Resource ids are 8 or 17 hexadecimal digits after their prefix
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html). A rule that admits the
 * whole internet ({@code 0.0.0.0/0}, or any {@code /0}) is never accepted: file systems are reached
 * only from the cluster's nodes.
 */
public final class NetworkRules {
    public static final Pattern VPC_ID = Pattern.compile("vpc-([0-9a-f]{8}|[0-9a-f]{17})");
    public static final Pattern SUBNET_ID = Pattern.compile("subnet-([0-9a-f]{8}|[0-9a-f]{17})");
    public static final Pattern SECURITY_GROUP_ID = Pattern.compile("sg-([0-9a-f]{8}|[0-9a-f]{17})");
    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    private NetworkRules() {
    }

    /**
     * Checks a component's network under {@code key} (e.g. {@code network}): it is set, names a VPC
     * and at least one private subnet, and admits the nodes' security group and/or CIDR blocks,
     * never the whole internet.
     */
    public static void network(String key, @Nullable NetworkArgs network, Problems problems) {
        if (network == null) {
            problems.missing(key, "is required: the VPC, the private subnets and the clients (security group and/or CIDR blocks)");
            return;
        }
        if (network.vpcId() == null) {
            problems.missing(key + ".vpcId", "is required: the VPC of the component's security groups");
        }
        KnownValue.of(network.subnetIds()).ifPresent(ids -> subnetIds(key + ".subnetIds", ids, problems));
        clients(field -> key + "." + field, "clientSecurityGroupId", network.clientSecurityGroupId().isPresent(),
                "allowedCidrs", network.allowedCidrs(), problems);
    }

    /** Checks a VPC id. {@code key} names the setting. */
    public static void vpcId(String key, String vpcId, Problems problems) {
        if (vpcId != null && !VPC_ID.matcher(vpcId).matches()) {
            problems.add(key, vpcId, "must be a VPC id: vpc- followed by 8 or 17 hexadecimal digits");
        }
    }

    /** Checks the private subnets: at least one, each a subnet id, no duplicates. */
    public static void subnetIds(String key, List<String> subnetIds, Problems problems) {
        if (subnetIds.isEmpty()) {
            problems.missing(key, "must list at least one private subnet id (one mount target or file system per subnet)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < subnetIds.size(); i++) {
            String subnet = subnetIds.get(i);
            if (subnet == null || !SUBNET_ID.matcher(subnet).matches()) {
                problems.add(key + "[" + i + "]", subnet, "must be a subnet id: subnet- followed by 8 or 17 hexadecimal digits");
            } else if (!seen.add(subnet)) {
                problems.add(key + "[" + i + "]", subnet, "is listed twice; subnet ids must be unique");
            }
        }
    }

    /** Checks a security group id. */
    public static void securityGroupId(String key, String groupId, Problems problems) {
        if (groupId != null && !SECURITY_GROUP_ID.matcher(groupId).matches()) {
            problems.add(key, groupId, "must be a security group id: sg- followed by 8 or 17 hexadecimal digits");
        }
    }

    /**
     * Checks who may connect: the cluster nodes' security group and/or CIDR blocks, at least one of
     * them, never the whole internet. {@code key} turns a field name into its full key.
     */
    public static void clients(UnaryOperator<String> key, String sourceGroupField, boolean hasSourceGroup,
                               String cidrsField, List<String> cidrs, Problems problems) {
        if (!hasSourceGroup && cidrs.isEmpty()) {
            problems.add(key.apply(sourceGroupField), null, key.apply(cidrsField), List.of(),
                    "set at least one: the cluster nodes' security group, or the CIDR blocks of the nodes' subnets");
        }
        for (int i = 0; i < cidrs.size(); i++) {
            cidr(key.apply(cidrsField) + "[" + i + "]", cidrs.get(i), problems);
        }
    }

    /** Checks one IPv4 CIDR block: well formed, host bits clear, and never {@code /0}. */
    public static void cidr(String key, String cidr, Problems problems) {
        var matcher = cidr == null ? null : IPV4_CIDR.matcher(cidr);
        if (matcher == null || !matcher.matches()) {
            problems.add(key, cidr, "must be an IPv4 CIDR block such as 10.0.0.0/16");
            return;
        }
        long address = 0;
        for (int octet = 1; octet <= 4; octet++) {
            int value = Integer.parseInt(matcher.group(octet));
            if (value > 255) {
                problems.add(key, cidr, "must be an IPv4 CIDR block such as 10.0.0.0/16 (octets 0 to 255)");
                return;
            }
            address = (address << 8) | value;
        }
        int prefix = Integer.parseInt(matcher.group(5));
        if (prefix > 32) {
            problems.add(key, cidr, "the prefix length must be from 1 to 32");
            return;
        }
        if (prefix == 0) {
            problems.add(key, cidr, "admits the whole internet; name the cluster's own address ranges");
            return;
        }
        long hostMask = (1L << (32 - prefix)) - 1;
        if ((address & hostMask) != 0) {
            problems.add(key, cidr, "has host bits set; write the network address (e.g. 10.0.1.0/24)");
        }
    }
}

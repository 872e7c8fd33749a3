package dev.strata.cluster;

import com.pulumi.core.Output;
import dev.strata.core.KnownValue;
import dev.strata.core.NetworkRules;

import java.util.List;
import java.util.Optional;

/** Arguments of {@link EksCluster}. Every default is the safe one. */
public final class EksClusterArgs extends EksClusterArgsBase {
    /** The general node group's size and root volume when not set: two nodes, one to four, 100 GiB. */
    public static final int DEFAULT_DESIRED_SIZE = 2;

    public static final int DEFAULT_MIN_SIZE = 1;

    public static final int DEFAULT_MAX_SIZE = 4;

    public static final int DEFAULT_ROOT_VOLUME_GIB = 100;

    /** The subnets; checked when they resolve if they were not known when the component was built. */
    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds == null ? Output.of(List.of())
                : KnownValue.checked(privateSubnetIds, (ids, problems) -> NetworkRules.subnetIds("privateSubnetIds", ids, problems));
    }

    /** The nodes' extra security group; checked when it resolves if it was not known when the component was built. */
    public Optional<Output<String>> nodeSecurityGroupId() {
        return Optional.ofNullable(nodeSecurityGroupId).map(group -> KnownValue.checked(group,
                (id, problems) -> NetworkRules.securityGroupId("nodeSecurityGroupId", id, problems)));
    }
}

package dev.strata.core;

import com.pulumi.core.Output;

import java.util.List;

/**
 * The network of a storage component: the VPC of its security groups, the private subnets it
 * places its mount targets, file systems or caches in, and who may connect. {@link NetworkRules}
 * checks it.
 */
public final class NetworkArgs extends NetworkArgsBase {
    /** The subnets; checked when they resolve if they were not known when the component was built ({@link KnownValue}). */
    public Output<List<String>> subnetIds() {
        return subnetIds == null ? Output.of(List.of())
                : KnownValue.checked(subnetIds, (ids, problems) -> NetworkRules.subnetIds("network.subnetIds", ids, problems));
    }
}

package dev.strata.cluster;

import dev.strata.config.ConfigNode;
import dev.strata.config.Environment;
import dev.strata.core.Problems;

import java.util.Optional;

/**
 * One bucket prefix mounted read-only through Mountpoint for Amazon S3 ({@code strata:cluster.s3Volumes.<volume>}):
 * the values of a {@link MountpointVolumeArgs} as the stack file sets them.
 *
 * @param enabled    mount it ({@code enabled}); default true in dev and staging, false in prod, and only where the
 *                   stack has the bucket
 * @param enabledSet whether the stack file sets {@code enabled}
 * @param prefix     the key prefix mounted ({@code prefix}); default the volume's ({@link #parse})
 * @param claimName  the claim's name ({@code claimName}); default the volume's
 * @param allowOther Mountpoint's {@code allow-other} ({@code allowOther}, default false; see {@link MountpointVolumeArgs})
 * @param cacheSize  the local cache's size limit ({@code cacheSize}) when set; the model archive's volume caches
 *                   {@value #DEFAULT_CACHE_SIZE} by default where the stack has L2 (NVMe) nodes
 */
public record S3VolumeSettings(boolean enabled, boolean enabledSet, String prefix, String claimName, boolean allowOther,
                               Optional<String> cacheSize) {
    /**
     * The model archive volume's cache on an L2 node unless set: small beside the smallest L2 instance store
     * ({@code m6id.large}: 118 GB, docs/inference.md), which kubelet's own state and the L2 cache share.
     */
    public static final String DEFAULT_CACHE_SIZE = "10Gi";

    /** Whether a stack of this environment mounts its buckets unless told otherwise: dev and staging do, prod does not. */
    public static boolean enabledByDefault(Environment environment) {
        return environment != Environment.PROD;
    }

    /**
     * Parses one volume; {@code cacheSize} only where {@code cacheAllowed} (else an unknown key), every value checked by
     * {@link MountpointVolumeArgs}'s rules under the stack file's keys.
     */
    public static S3VolumeSettings parse(ConfigNode node, Environment environment, String defaultPrefix, String defaultClaim,
                                         boolean cacheAllowed) {
        Problems problems = node.problems();
        boolean enabled = node.bool("enabled", enabledByDefault(environment));
        String prefix = node.string("prefix", defaultPrefix);
        String claim = node.string("claimName", defaultClaim);
        boolean allowOther = node.bool("allowOther", false);
        // Only the model archive's volume caches (on the L2 nodes); elsewhere cacheSize is an unknown key.
        Optional<String> cacheSize = cacheAllowed ? node.optionalString("cacheSize") : Optional.empty();
        node.finish();
        // The values' own rules are the component's: its Args check them, under the stack file's keys.
        MountpointVolumeArgs.builder().prefix(prefix).claimName(claim).allowOther(allowOther).cacheSize(cacheSize.orElse(null))
                .build().validate(node::key, problems);
        return new S3VolumeSettings(enabled, node.has("enabled"), prefix, claim, allowOther, cacheSize);
    }
}

package dev.strata.inference;

import dev.strata.core.Problems;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The L1 cache: an ElastiCache replication group for hot model weights, authenticated through
 * ElastiCache RBAC with an IAM-authenticated user (no password anywhere).
 *
 * @param engine            {@code redis} or {@code valkey}
 * @param engineVersion     major.minor; IAM authentication needs Redis OSS 7.0+ or Valkey 7.2+
 * @param nodeType          the cache node type, e.g. {@code cache.r7g.2xlarge}
 * @param replicas          read replicas besides the primary (0 to 5)
 * @param automaticFailover promote a replica when the primary fails (needs a replica)
 * @param multiAz           place the replicas in other Availability Zones (needs automatic failover)
 *
 * <p>Sources (Amazon ElastiCache User Guide):
 * <ul>
 *   <li>IAM authentication (engine versions, in-transit encryption, user id = user name, lower case):
 *       https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html</li>
 *   <li>Replicas: a node group has a primary and 0 to 5 replicas; automatic failover needs at least
 *       one replica, and Multi-AZ needs automatic failover:
 *       https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html</li>
 *   <li>Node types (cache.&lt;family&gt;.&lt;size&gt;): https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html</li>
 * </ul>
 */
public record RedisCache(String engine, String engineVersion, String nodeType, int replicas, boolean automaticFailover,
                         boolean multiAz) {
    /** Engines that support IAM authentication. */
    public static final List<String> ENGINES = List.of("redis", "valkey");
    public static final int MAX_REPLICAS = 5;
    /** The Redis port; the security group admits only this. */
    public static final int PORT = 6379;

    private static final Pattern NODE_TYPE = Pattern.compile("cache\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern VERSION = Pattern.compile("([0-9]+)\\.([0-9]+)");

    /** Checks the cache's values; {@code key} is the prefix of the keys reported, e.g. {@code strata:inference.redis}. */
    public void validate(String key, Problems problems) {
        String prefix = key.isEmpty() ? "" : key + ".";
        if (!ENGINES.contains(engine)) {
            problems.add(prefix + "engine", engine, "must be one of " + String.join(", ", ENGINES));
        }
        Matcher version = engineVersion == null ? null : VERSION.matcher(engineVersion);
        if (version == null || !version.matches()) {
            problems.add(prefix + "engineVersion", engineVersion, "must be a major.minor version such as 7.1");
        } else if (ENGINES.contains(engine)) {
            int major = Integer.parseInt(version.group(1));
            int minor = Integer.parseInt(version.group(2));
            boolean iamCapable = engine.equals("valkey") ? major > 7 || (major == 7 && minor >= 2) : major >= 7;
            if (!iamCapable) {
                problems.add(prefix + "engineVersion", engineVersion, prefix + "engine", engine,
                        "IAM authentication needs Redis OSS 7.0 or later, or Valkey 7.2 or later");
            }
        }
        if (nodeType == null || nodeType.isEmpty()) {
            problems.missing(prefix + "nodeType", "is required when the Redis cache is enabled; a cache node type such as cache.r7g.2xlarge");
        } else if (!NODE_TYPE.matcher(nodeType).matches()) {
            problems.add(prefix + "nodeType", nodeType, "must be a cache node type such as cache.r7g.2xlarge");
        }
        if (replicas < 0 || replicas > MAX_REPLICAS) {
            problems.add(prefix + "replicas", replicas, "must be from 0 to " + MAX_REPLICAS);
        }
        if (automaticFailover && replicas == 0) {
            problems.add(prefix + "automaticFailover", true, prefix + "replicas", 0,
                    "automatic failover needs at least one replica to promote");
        }
        if (multiAz && !automaticFailover) {
            problems.add(prefix + "multiAz", true, prefix + "automaticFailover", false,
                    "Multi-AZ needs automatic failover");
        }
    }
}

package dev.strata.config;

import dev.strata.efs.EfsSettings;
import dev.strata.core.Problems;
import dev.strata.datalake.ObjectLock;
import dev.strata.efs.PerformanceMode;
import dev.strata.efs.ThroughputMode;
import dev.strata.inference.CacheWarmup;
import dev.strata.inference.InferenceStorage;
import dev.strata.core.KubernetesValues;
import dev.strata.inference.NvmeNode;
import dev.strata.inference.RedisCache;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inference storage ({@code strata:inference}): the four-level model cache. Present when the stack
 * sets {@code strata:inference}; see docs/inference.md for every key.
 *
 * @param namespace      namespace of the model servers and the model claim ({@code namespace}, default ml-inference)
 * @param serviceAccount the inference identity's service account ({@code serviceAccount}, default model-server)
 * @param nvmeNodes      L2: the NVMe nodes ({@code nvme.nodes}, default none)
 * @param modelClaimSize L3: the model claim's size ({@code models.claimSize}, default 100Gi)
 * @param modelBasePath  L3: the access points' base path ({@code models.basePath}, default /models)
 * @param modelFileSystem L3: the EFS file system's modes, transitions and backup ({@code models.*}, see {@link EfsSettings})
 * @param objectLockDays L4: Object Lock retention in governance mode ({@code archive.objectLockDays}, default none)
 * @param redis          L1: the Redis cache, when enabled ({@code redis}, enabled by default in prod only)
 * @param warmup         the cache warm-up, when enabled ({@code warmup}, default off)
 */
public record InferenceSettings(String namespace, String serviceAccount, List<NvmeNode> nvmeNodes, String modelClaimSize,
                                String modelBasePath, EfsSettings modelFileSystem, Optional<Integer> objectLockDays, Optional<RedisCache> redis,
                                Optional<CacheWarmup> warmup) {
    public InferenceSettings {
        nvmeNodes = List.copyOf(nvmeNodes);
    }

    /** Parses {@code strata:inference}; every key is read whether or not its level is enabled. */
    public static InferenceSettings parse(ConfigNode node, Environment environment, boolean networkSet) {
        Problems problems = node.problems();
        if (!networkSet) {
            problems.missing("strata:network", "is required by strata:inference: the EFS mount targets and the Redis cache "
                    + "go into the cluster's VPC and private subnets");
        }
        String namespace = node.string("namespace", InferenceStorage.DEFAULT_NAMESPACE);
        String serviceAccount = node.string("serviceAccount", InferenceStorage.DEFAULT_SERVICE_ACCOUNT);
        ConfigNode nvme = node.objectOrEmpty("nvme");
        ConfigNode models = node.objectOrEmpty("models");
        ConfigNode archive = node.objectOrEmpty("archive");
        ConfigNode redisNode = node.objectOrEmpty("redis");
        ConfigNode warmupNode = node.objectOrEmpty("warmup");
        node.finish();

        KubernetesValues.checkNamespace(namespace, node.key("namespace"), problems);
        KubernetesValues.checkObjectName(serviceAccount, node.key("serviceAccount"), problems);

        List<NvmeNode> nodes = new ArrayList<>();
        for (ConfigNode item : nvme.objectList("nodes").orElse(List.of())) {
            nodes.add(new NvmeNode(item.optionalString("hostname").orElse(null), item.optionalString("path").orElse(null),
                    item.optionalString("capacity").orElse(null)));
            item.finish();
        }
        nvme.finish();
        String nodesKey = nvme.key("nodes");
        NvmeNode.validate(nodes, nodesKey, problems);

        String claimSize = models.string("claimSize", InferenceStorage.DEFAULT_MODEL_CLAIM_SIZE);
        String basePath = models.string("basePath", InferenceStorage.DEFAULT_MODEL_BASE_PATH);
        EfsSettings fileSystem = EfsSettings.parse(models, modelFileSystemDefaults(environment));
        models.finish();
        KubernetesValues.checkStorageSize(claimSize, models.key("claimSize"), problems);
        InferenceStorage.checkBasePath(basePath, models.key("basePath"), problems);

        Optional<Integer> objectLockDays = Optional.ofNullable(
                archive.integer("objectLockDays", null, Integer.MIN_VALUE, Integer.MAX_VALUE));
        archive.finish();
        objectLockDays.ifPresent(days -> ObjectLock.validateDays(days, archive.key("objectLockDays"), problems));

        Optional<RedisCache> redis = redis(redisNode, environment);
        Optional<CacheWarmup> warmup = warmup(warmupNode, nodes, nodesKey);
        return new InferenceSettings(namespace, serviceAccount, nodes, claimSize, basePath, fileSystem, objectLockDays,
                redis, warmup);
    }

    /**
     * The model repository's defaults: general purpose (lowest latency), elastic throughput (model
     * loads are bursty), no transition to Infrequent Access (its first-byte latency would slow cold
     * starts), daily backups in prod.
     */
    static EfsSettings modelFileSystemDefaults(Environment environment) {
        return new EfsSettings(PerformanceMode.GENERAL_PURPOSE, ThroughputMode.ELASTIC, Optional.empty(), Optional.empty(),
                Optional.empty(), environment == Environment.PROD);
    }

    private static Optional<RedisCache> redis(ConfigNode node, Environment environment) {
        boolean prod = environment == Environment.PROD;
        boolean enabled = node.bool("enabled", prod);
        RedisCache cache = new RedisCache(
                node.string("engine", RedisCache.DEFAULT_ENGINE),
                node.string("engineVersion", RedisCache.DEFAULT_ENGINE_VERSION),
                node.optionalString("nodeType").orElse(null),
                node.integer("replicas", 1, Integer.MIN_VALUE, Integer.MAX_VALUE),
                node.bool("automaticFailover", true),
                node.bool("multiAz", true));
        node.finish();
        if (!enabled) {
            return Optional.empty();
        }
        cache.validate(path(node), node.problems());
        if (prod) {
            // Prod's hot cache must survive the loss of a node and of an Availability Zone.
            if (cache.replicas() < 1) {
                node.problems().add(node.key("replicas"), cache.replicas(), "prod needs at least one replica");
            }
            if (!cache.automaticFailover()) {
                node.problems().add(node.key("automaticFailover"), false, "prod needs automatic failover");
            }
            if (!cache.multiAz()) {
                node.problems().add(node.key("multiAz"), false, "prod needs Multi-AZ");
            }
        }
        return Optional.of(cache);
    }

    private static Optional<CacheWarmup> warmup(ConfigNode node, List<NvmeNode> nodes, String nodesKey) {
        boolean enabled = node.bool("enabled", false);
        CacheWarmup warmup = new CacheWarmup(node.optionalString("image").orElse(null), node.stringList("prefixes"));
        node.finish();
        if (!enabled) {
            return Optional.empty();
        }
        warmup.validate(nodes, path(node), nodesKey, node.problems());
        return Optional.of(warmup);
    }

    /** The node's own key path, e.g. {@code strata:inference.redis}. */
    private static String path(ConfigNode node) {
        String child = node.key("");
        return child.substring(0, child.length() - 1);
    }
}

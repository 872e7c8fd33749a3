package dev.strata.inference;

import dev.strata.cluster.ClusterSettings;
import dev.strata.cluster.InferenceNodeGroupArgs;
import dev.strata.cluster.NodeGroupRules;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.efs.EfsSettings;
import dev.strata.config.ConfigNode;
import dev.strata.config.Environment;
import dev.strata.core.Problems;
import com.pulumi.core.Output;
import dev.strata.core.NetworkArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inference storage ({@code strata:inference}): the four-level model cache, as the stack file sets it.
 * The values' defaults and rules are {@link InferenceStorageArgs}'s ({@link #args} turns these settings
 * into them, {@link #parse} reports their problems under the stack file's keys); this record keeps what
 * is about a stack: environment-derived defaults and rules (in prod: Redis on, with a replica, failover
 * and Multi-AZ; backups; the warm-up image pinned by digest), the switches of the optional levels and the
 * rules across them and other settings. Present when the stack sets {@code strata:inference}; see
 * docs/inference.md for every key.
 *
 * @param namespace      namespace of the model servers and the model claim ({@code namespace}, default {@value InferenceStorageArgs#DEFAULT_NAMESPACE})
 * @param serviceAccount the inference identity's service account ({@code serviceAccount}, default {@value InferenceStorageArgs#DEFAULT_SERVICE_ACCOUNT})
 * @param nvme           L2: the local NVMe cache, when enabled ({@code nvme}, enabled by default)
 * @param modelClaimSize L3: the model claim's size ({@code models.claimSize}, default {@value InferenceStorageArgs#DEFAULT_MODEL_CLAIM_SIZE})
 * @param modelBasePath  L3: the access points' base path ({@code models.basePath}, default {@value InferenceStorageArgs#DEFAULT_MODEL_BASE_PATH})
 * @param modelFileSystem L3: the EFS file system's modes, transitions and backup ({@code models.*}, see {@link EfsSettings})
 * @param objectLockDays L4: Object Lock retention in governance mode ({@code archive.objectLockDays}, default none)
 * @param redis          L1: the Redis cache, when enabled ({@code redis}, enabled by default in prod only)
 * @param warmup         the cache warm-up, when enabled ({@code warmup}, default off)
 */
public record InferenceSettings(String namespace, String serviceAccount, Optional<Nvme> nvme, String modelClaimSize,
                                String modelBasePath, EfsSettings modelFileSystem, Optional<Integer> objectLockDays, Optional<RedisCache> redis,
                                Optional<CacheWarmup> warmup) {

    /**
     * L2 ({@code nvme}): which nodes hold the cache and where it is mounted ({@code nodeLabel}, {@code mountPath}),
     * the inference node group a created cluster gets ({@code nodeGroup}; {@code nodeGroupSet} when the stack
     * sets it) and the local static provisioner's image ({@code provisionerImage}).
     */
    public record Nvme(NvmeNode nodes, NodeGroup nodeGroup, boolean nodeGroupSet, String provisionerImage) {
    }

    /** The inference node group of a created cluster ({@code nvme.nodeGroup}); defaults from {@link InferenceNodeGroupArgs}. */
    public record NodeGroup(List<String> instanceTypes, int desiredSize, int minSize, int maxSize, int rootVolumeGiB) {
        public NodeGroup {
            instanceTypes = List.copyOf(instanceTypes);
        }
    }

    /** Parses {@code strata:inference}; every key is read whether or not its level is enabled. */
    public static InferenceSettings parse(ConfigNode node, Environment environment, boolean networkSet) {
        Problems problems = node.problems();
        if (!networkSet) {
            problems.missing("strata:network", "is required by strata:inference: the EFS mount targets and the Redis cache "
                    + "go into the cluster's VPC and private subnets");
        }
        String namespace = node.string("namespace", InferenceStorageArgs.DEFAULT_NAMESPACE);
        String serviceAccount = node.string("serviceAccount", InferenceStorageArgs.DEFAULT_SERVICE_ACCOUNT);
        ConfigNode nvme = node.objectOrEmpty("nvme");
        ConfigNode models = node.objectOrEmpty("models");
        ConfigNode archive = node.objectOrEmpty("archive");
        ConfigNode redisNode = node.objectOrEmpty("redis");
        ConfigNode warmupNode = node.objectOrEmpty("warmup");
        node.finish();

        Optional<Nvme> l2 = nvme(nvme);

        String claimSize = models.string("claimSize", InferenceStorageArgs.DEFAULT_MODEL_CLAIM_SIZE);
        String basePath = models.string("basePath", InferenceStorageArgs.DEFAULT_MODEL_BASE_PATH);
        // The EFS rules are checked with the rest of the Args (InferenceStorageArgs.validate), not while parsing.
        EfsSettings fileSystem = EfsSettings.parse(models, modelFileSystemDefaults(environment), false);
        models.finish();

        Optional<Integer> objectLockDays = Optional.ofNullable(
                archive.integer("objectLockDays", null, Integer.MIN_VALUE, Integer.MAX_VALUE));
        archive.finish();

        Optional<RedisCache> redis = redis(redisNode, environment);
        Optional<CacheWarmup> warmup = warmup(warmupNode, environment, l2.isPresent(), nvme.key("enabled"));
        InferenceSettings settings = new InferenceSettings(namespace, serviceAccount, l2, claimSize, basePath, fileSystem,
                objectLockDays, redis, warmup);
        // The values' own rules are the component's: its Args check them, under the stack file's keys.
        settings.values().build().validate(argsKey -> node.key(settingsKey(argsKey)), problems);
        return settings;
    }

    /**
     * The key in the stack file of an {@link InferenceStorageArgs} key, relative to {@code strata:inference}:
     * {@code modelClaimSize} is {@code models.claimSize}, {@code nvmeNodes.mountPath} is {@code nvme.mountPath}.
     */
    static String settingsKey(String argsKey) {
        for (String[] pair : new String[][]{{"serviceAccountName", "serviceAccount"}, {"nvmeNodes", "nvme"},
                {"localVolumeProvisionerImage", "nvme.provisionerImage"}, {"modelClaimSize", "models.claimSize"},
                {"modelBasePath", "models.basePath"}, {"modelFileSystem", "models"}, {"objectLockDays", "archive.objectLockDays"}}) {
            if (argsKey.equals(pair[0]) || argsKey.startsWith(pair[0] + ".")) {
                return pair[1] + argsKey.substring(pair[0].length());
            }
        }
        return argsKey;
    }

    /**
     * The component's Args for this stack: every value from these settings (levels that are off are
     * left out), the references (the key, the network, the EFS CSI driver's add-on, the namespace {@link #namespace}
     * names: the name output of the Namespace the stack creates, or the name itself for one that exists) and the
     * stack's tags and protection from the stack.
     */
    public InferenceStorageArgs args(Output<String> keyArn, NetworkArgs network, Map<String, String> tags, boolean protect,
                                     Optional<Output<String>> efsCsiDriver, Output<String> namespace) {
        var args = values().kmsKeyArn(keyArn).network(network).namespace(namespace).tags(tags).protect(protect);
        efsCsiDriver.ifPresent(args::efsCsiDriver);
        return args.build();
    }

    /** The values of the Args; the warm-up only with L2 (without it, the settings' own rule names the switches). */
    private InferenceStorageArgs.Builder values() {
        var args = InferenceStorageArgs.builder()
                .namespace(namespace)
                .serviceAccountName(serviceAccount)
                .modelClaimSize(modelClaimSize)
                .modelBasePath(modelBasePath)
                .modelFileSystem(modelFileSystem.toArgs());
        nvme.ifPresent(l2 -> args.nvmeNodes(NvmeNodeArgs.from(l2.nodes())).localVolumeProvisionerImage(l2.provisionerImage()));
        objectLockDays.ifPresent(args::objectLockDays);
        redis.ifPresent(cache -> args.redis(RedisCacheArgs.from(cache)));
        warmup.filter(w -> nvme.isPresent()).ifPresent(w -> args.warmup(CacheWarmupArgs.from(w)));
        return args;
    }

    /** The model repository's defaults: its Args' ({@link InferenceStorageArgs#modelFileSystem}), and daily backups in prod (a stack fact). */
    static EfsSettings modelFileSystemDefaults(Environment environment) {
        return EfsSettings.of(InferenceStorageArgs.builder().build().modelFileSystem()
                .orElse(EfsOptionsArgs.builder().backup(environment == Environment.PROD).build()));
    }

    private static Optional<RedisCache> redis(ConfigNode node, Environment environment) {
        boolean prod = environment == Environment.PROD;
        boolean enabled = node.bool("enabled", prod);
        RedisCache cache = new RedisCache(
                node.string("engine", RedisCacheArgs.DEFAULT_ENGINE),
                node.string("engineVersion", RedisCacheArgs.DEFAULT_ENGINE_VERSION),
                node.optionalString("nodeType").orElse(null),
                node.integer("replicas", RedisCacheArgs.DEFAULT_REPLICAS, Integer.MIN_VALUE, Integer.MAX_VALUE),
                node.bool("automaticFailover", RedisCacheArgs.DEFAULT_AUTOMATIC_FAILOVER),
                node.bool("multiAz", RedisCacheArgs.DEFAULT_MULTI_AZ));
        node.finish();
        if (!enabled) {
            return Optional.empty();
        }
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

    /**
     * {@code nvme}: L2 is on unless {@code enabled: false}. The old {@code nodes} list (nodes by hostname)
     * is refused, naming what replaced it: managed nodes get their names at launch, so no list can name them.
     */
    private static Optional<Nvme> nvme(ConfigNode node) {
        Problems problems = node.problems();
        boolean enabled = node.bool("enabled", true);
        if (node.has("nodes")) {
            node.objectList("nodes");
            problems.add(node.key("nodes"), "(set)", "was removed: nodes are no longer listed by hostname (a managed node group "
                    + "names its nodes when it launches them). The local static provisioner now finds each node's cache on the "
                    + "nodes labelled " + node.key("nodeLabel") + " (default " + NvmeNodeArgs.DEFAULT_NODE_LABEL + "): on a cluster "
                    + "Strata creates, set " + node.key("nodeGroup") + ".instanceTypes (types with instance-store NVMe); on an "
                    + "adopted cluster, label the inference nodes and mount their cache at " + node.key("mountPath")
                    + " (docs/inference.md)");
        }
        NvmeNode nodes = new NvmeNode(node.string("nodeLabel", NvmeNodeArgs.DEFAULT_NODE_LABEL),
                node.string("mountPath", NvmeNodeArgs.DEFAULT_MOUNT_PATH));
        String image = node.string("provisionerImage", LocalVolumeProvisioner.DEFAULT_IMAGE);
        boolean groupSet = node.has("nodeGroup");
        ConfigNode group = node.objectOrEmpty("nodeGroup");
        List<String> types = group.has("instanceTypes") ? group.stringList("instanceTypes") : InferenceNodeGroupArgs.DEFAULT_INSTANCE_TYPES;
        NodeGroup nodeGroup = new NodeGroup(types,
                // Numbers are read whole, not bounded: their ranges are NodeGroupRules', reported once, below.
                group.integer("desiredSize", InferenceNodeGroupArgs.DEFAULT_DESIRED_SIZE, Integer.MIN_VALUE, Integer.MAX_VALUE),
                group.integer("minSize", InferenceNodeGroupArgs.DEFAULT_MIN_SIZE, Integer.MIN_VALUE, Integer.MAX_VALUE),
                group.integer("maxSize", InferenceNodeGroupArgs.DEFAULT_MAX_SIZE, Integer.MIN_VALUE, Integer.MAX_VALUE),
                group.integer("rootVolumeGiB", InferenceNodeGroupArgs.DEFAULT_ROOT_VOLUME_GIB, Integer.MIN_VALUE, Integer.MAX_VALUE));
        group.finish();
        node.finish();
        if (!enabled) {
            return Optional.empty();
        }
        InferenceNodeGroupArgs.checkInstanceTypes(group.key("instanceTypes"), nodeGroup.instanceTypes(), problems);
        NodeGroupRules.checkSizes(group::key, nodeGroup.desiredSize(), nodeGroup.minSize(), nodeGroup.maxSize(), problems);
        NodeGroupRules.checkRootVolume(group.key("rootVolumeGiB"), nodeGroup.rootVolumeGiB(), problems);
        return Optional.of(new Nvme(nodes, nodeGroup, groupSet, image));
    }

    /**
     * The inference node group belongs to a cluster Strata creates; an adopted cluster brings its own
     * inference nodes (labelled, their cache mounted), so setting one there is refused.
     */
    public static void checkAgainstCluster(InferenceSettings inference, ClusterSettings cluster, Problems problems) {
        inference.nvme().filter(Nvme::nodeGroupSet).filter(nvme -> !cluster.create()).ifPresent(nvme ->
                problems.add("strata:inference.nvme.nodeGroup", "(set)", "strata:cluster.create", false,
                        "applies only to a cluster Strata creates; an adopted cluster's inference nodes are its own: label them "
                                + nvme.nodes().nodeLabel() + " and mount their cache at " + nvme.nodes().mountPath()
                                + " (docs/inference.md)"));
    }

    /** The inference node group of this stack's cluster: present when L2 is on and Strata creates the cluster. */
    public Optional<NodeGroup> createdNodeGroup(ClusterSettings cluster) {
        return cluster.create() ? nvme.map(Nvme::nodeGroup) : Optional.empty();
    }

    private static Optional<CacheWarmup> warmup(ConfigNode node, Environment environment, boolean l2, String l2Key) {
        boolean enabled = node.bool("enabled", false);
        CacheWarmup warmup = new CacheWarmup(node.optionalString("image").orElse(null), node.stringList("prefixes"));
        node.finish();
        if (!enabled) {
            return Optional.empty();
        }
        if (!l2) {
            warmup.validate(path(node), node.problems());
            node.problems().add(node.key("enabled"), true, l2Key, false, "the warm-up fills the L2 NVMe cache; turn L2 on");
        }
        // A tag can be moved to other content; a digest names the content (prod runs only what was reviewed).
        if (environment == Environment.PROD && warmup.image() != null && CacheWarmup.pinned(warmup.image())
                && !CacheWarmup.pinnedByDigest(warmup.image())) {
            node.problems().add(node.key("image"), warmup.image(), "prod needs the image pinned by digest (@sha256: and 64 hex "
                    + "digits), e.g. amazon/aws-cli:2.17.0@sha256:<digest>: a tag can be moved to other content");
        }
        return Optional.of(warmup);
    }

    /** The node's own key path, e.g. {@code strata:inference.redis}. */
    private static String path(ConfigNode node) {
        String child = node.key("");
        return child.substring(0, child.length() - 1);
    }
}

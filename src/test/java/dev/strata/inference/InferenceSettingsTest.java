package dev.strata.inference;

import dev.strata.core.KubernetesValues;
import dev.strata.config.InferenceSettings;
import dev.strata.config.SettingsParser;
import dev.strata.core.InvalidConfigException;
import dev.strata.efs.ThroughputMode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** strata:inference: defaults, and a valid/invalid pair for every rule, each message naming the full key. */
class InferenceSettingsTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", "vpc-0abc1234def567890",
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718"),
            "nodeSecurityGroupId", "sg-0c3d4e5f607182930");
    private static final Map<String, Object> NODE = Map.of("hostname", "node-a", "path", "/mnt/nvme", "capacity", "1000Gi");
    private static final Map<String, Object> REDIS = Map.of("enabled", true, "nodeType", "cache.r7g.2xlarge");

    private static InferenceSettings parse(String environment, Map<String, Object> inference) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("environment", environment);
        config.put("network", NETWORK);
        // A prod stack adopts its cluster by default, which needs the cluster's name.
        config.put("cluster", Map.of("name", "ml-platform"));
        config.put("inference", inference);
        return SettingsParser.parse(config).inference().orElseThrow();
    }

    private static void rejects(String environment, Map<String, Object> inference, String... fragments) {
        assertThatThrownBy(() -> parse(environment, inference)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void defaultsInDev() {
        InferenceSettings settings = parse("dev", Map.of());
        assertThat(settings.namespace()).isEqualTo("ml-inference");
        assertThat(settings.serviceAccount()).isEqualTo("model-server");
        assertThat(settings.nvmeNodes()).isEmpty();
        assertThat(settings.modelClaimSize()).isEqualTo("100Gi");
        assertThat(settings.modelBasePath()).isEqualTo("/models");
        assertThat(settings.modelFileSystem().throughputMode()).isEqualTo(ThroughputMode.ELASTIC);
        assertThat(settings.modelFileSystem().transitionToIaDays()).isEmpty();
        assertThat(settings.modelFileSystem().backup()).isFalse();
        assertThat(settings.objectLockDays()).isEmpty();
        assertThat(settings.redis()).isEmpty();
        assertThat(settings.warmup()).isEmpty();
    }

    @Test
    void redisIsOnByDefaultInProdWithAReplicaFailoverAndMultiAz() {
        InferenceSettings settings = parse("prod", Map.of("redis", Map.of("nodeType", "cache.r7g.2xlarge")));
        assertThat(settings.redis()).contains(new RedisCache("redis", "7.1", "cache.r7g.2xlarge", 1, true, true));
        assertThat(settings.modelFileSystem().backup()).isTrue();
        rejects("prod", Map.of(), "strata:inference.redis.nodeType: is required when the Redis cache is enabled");
    }

    @Test
    void redisCanBeTurnedOnOutsideProdAndOffInProd() {
        assertThat(parse("dev", Map.of("redis", REDIS)).redis()).isPresent();
        assertThat(parse("prod", Map.of("redis", Map.of("enabled", false))).redis()).isEmpty();
    }

    @Test
    void redisNeedsANodeType() {
        rejects("dev", Map.of("redis", Map.of("enabled", true)), "strata:inference.redis.nodeType: is required");
        rejects("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "r7g.2xlarge")),
                "strata:inference.redis.nodeType = \"r7g.2xlarge\": must be a cache node type");
    }

    @Test
    void automaticFailoverNeedsAReplica() {
        assertThat(parse("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "replicas", 0,
                "automaticFailover", false, "multiAz", false))).redis().orElseThrow().replicas()).isZero();
        rejects("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "replicas", 0, "multiAz", false)),
                "strata:inference.redis.automaticFailover = true and strata:inference.redis.replicas = 0: "
                        + "automatic failover needs at least one replica");
    }

    @Test
    void multiAzNeedsAutomaticFailover() {
        rejects("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "automaticFailover", false)),
                "strata:inference.redis.multiAz = true and strata:inference.redis.automaticFailover = false");
    }

    @Test
    void replicasAreFromZeroToFive() {
        assertThat(parse("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "replicas", 5)))
                .redis().orElseThrow().replicas()).isEqualTo(5);
        rejects("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "replicas", 6)),
                "strata:inference.redis.replicas = 6: must be from 0 to 5");
    }

    @Test
    void prodNeedsAReplicaFailoverAndMultiAz() {
        rejects("prod", Map.of("redis", Map.of("nodeType", "cache.r7g.2xlarge", "replicas", 0, "automaticFailover", false,
                        "multiAz", false)),
                "strata:inference.redis.replicas = 0: prod needs at least one replica",
                "strata:inference.redis.automaticFailover = false: prod needs automatic failover",
                "strata:inference.redis.multiAz = false: prod needs Multi-AZ");
    }

    @Test
    void engineAndVersionMustSupportIamAuthentication() {
        assertThat(parse("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "engine", "valkey",
                "engineVersion", "8.0"))).redis().orElseThrow().engine()).isEqualTo("valkey");
        rejects("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "engineVersion", "6.2")),
                "strata:inference.redis.engineVersion = \"6.2\" and strata:inference.redis.engine = \"redis\"");
        rejects("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "engine", "valkey",
                "engineVersion", "7.1")), "strata:inference.redis.engineVersion = \"7.1\" and strata:inference.redis.engine = \"valkey\"");
        rejects("dev", Map.of("redis", Map.of("enabled", true, "nodeType", "cache.t4g.small", "engine", "memcached")),
                "strata:inference.redis.engine = \"memcached\": must be one of redis, valkey");
    }

    @Test
    void redisKeysAreCheckedEvenWhenTheCacheIsOff() {
        rejects("dev", Map.of("redis", Map.of("nodetype", "cache.t4g.small")),
                "strata:inference.redis.nodetype = \"cache.t4g.small\": is not a known setting; did you mean strata:inference.redis.nodeType?");
    }

    @Test
    void objectLockDaysMustBePositive() {
        assertThat(parse("prod", Map.of("redis", REDIS, "archive", Map.of("objectLockDays", 30))).objectLockDays()).contains(30);
        rejects("dev", Map.of("archive", Map.of("objectLockDays", 0)), "strata:inference.archive.objectLockDays = 0: ");
        rejects("dev", Map.of("archive", Map.of("objectLockDays", -5)), "strata:inference.archive.objectLockDays = -5: ");
    }

    @Test
    void nvmeNodesNeedHostnamePathAndCapacity() {
        assertThat(parse("dev", Map.of("nvme", Map.of("nodes", List.of(NODE)))).nvmeNodes())
                .containsExactly(new NvmeNode("node-a", "/mnt/nvme", "1000Gi"));
        assertThat(parse("dev", Map.of("nvme", Map.of("nodes", List.of()))).nvmeNodes()).isEmpty();
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(Map.of("path", "/mnt/nvme", "capacity", "1Ti")))),
                "strata:inference.nvme.nodes[0].hostname: is required");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(Map.of("hostname", "node-a", "capacity", "1Ti")))),
                "strata:inference.nvme.nodes[0].path: is required");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(Map.of("hostname", "node-a", "path", "/mnt/nvme")))),
                "strata:inference.nvme.nodes[0].capacity: is required");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(Map.of("hostname", "node-a", "path", "mnt/nvme", "capacity", "1Ti")))),
                "strata:inference.nvme.nodes[0].path = \"mnt/nvme\": must be an absolute path");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(NODE, NODE))),
                "strata:inference.nvme.nodes[1] = \"node-a:/mnt/nvme\": each node's disk");
    }

    @Test
    void sizesAreKubernetesQuantities() {
        assertThat(parse("dev", Map.of("models", Map.of("claimSize", "500G"))).modelClaimSize()).isEqualTo("500G");
        rejects("dev", Map.of("models", Map.of("claimSize", "100Gb")),
                "strata:inference.models.claimSize = \"100Gb\": must be a positive Kubernetes quantity");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(Map.of("hostname", "node-a", "path", "/mnt/nvme", "capacity", "1TB")))),
                "strata:inference.nvme.nodes[0].capacity = \"1TB\": must be a positive Kubernetes quantity");
    }

    @Test
    void basePathStartsWithSlash() {
        assertThat(parse("dev", Map.of("models", Map.of("basePath", "/serving/models"))).modelBasePath()).isEqualTo("/serving/models");
        rejects("dev", Map.of("models", Map.of("basePath", "models")),
                "strata:inference.models.basePath = \"models\": must start with /");
    }

    @Test
    void modelFileSystemKeysAreTheSharedEfsKeys() {
        assertThat(parse("dev", Map.of("models", Map.of("throughputMode", "bursting", "backup", true))).modelFileSystem())
                .satisfies(fs -> {
                    assertThat(fs.throughputMode()).isEqualTo(ThroughputMode.BURSTING);
                    assertThat(fs.backup()).isTrue();
                });
        rejects("dev", Map.of("models", Map.of("throughputMode", "provisioned")), "strata:inference.models.");
    }

    @Test
    void namesAreKubernetesNames() {
        assertThat(parse("dev", Map.of("namespace", "serving", "serviceAccount", "llm-server")).namespace()).isEqualTo("serving");
        rejects("dev", Map.of("namespace", "ML_Inference"), "strata:inference.namespace = \"ML_Inference\": must be a DNS-1123 label");
        rejects("dev", Map.of("serviceAccount", "Model Server"), "strata:inference.serviceAccount = \"Model Server\"");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(Map.of("hostname", "node a", "path", "/mnt/nvme", "capacity", "1Ti")))),
                "strata:inference.nvme.nodes[0].hostname = \"node a\"");
    }

    @Test
    void warmupNeedsAPinnedImagePrefixesAndNvmeNodesSharingAPath() {
        Map<String, Object> warmup = Map.of("enabled", true, "image", "public.ecr.aws/aws-cli/aws-cli:2.17.0",
                "prefixes", List.of("models/"));
        assertThat(parse("dev", Map.of("nvme", Map.of("nodes", List.of(NODE)), "warmup", warmup)).warmup())
                .contains(new CacheWarmup("public.ecr.aws/aws-cli/aws-cli:2.17.0", List.of("models/")));
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(NODE)), "warmup", Map.of("enabled", true, "prefixes", List.of("m/"))),
                "strata:inference.warmup.image: is required when the warm-up is enabled");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(NODE)),
                        "warmup", Map.of("enabled", true, "image", "amazon/aws-cli:latest", "prefixes", List.of("m/"))),
                "strata:inference.warmup.image = \"amazon/aws-cli:latest\": must be pinned");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(NODE)),
                        "warmup", Map.of("enabled", true, "image", "amazon/aws-cli:2.17.0", "prefixes", List.of("/models"))),
                "strata:inference.warmup.prefixes[0] = \"/models\"");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(NODE)),
                        "warmup", Map.of("enabled", true, "image", "amazon/aws-cli:2.17.0")),
                "strata:inference.warmup.prefixes: must name at least one archive prefix");
        rejects("dev", Map.of("warmup", warmup),
                "strata:inference.warmup.enabled = true and strata:inference.nvme.nodes = \"[]\"");
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(NODE, Map.of("hostname", "node-b", "path", "/nvme", "capacity", "1Ti"))),
                "warmup", warmup), "give every NVMe node the same path");
    }

    @Test
    void inferenceNeedsTheNetwork() {
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("environment", "dev", "inference", Map.of())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:network: is required by strata:inference");
        assertThat(SettingsParser.parse(Map.of("environment", "dev")).inference()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> parse("dev", Map.of("models", Map.of("claimSize", "100Gb", "basePath", "models"),
                "archive", Map.of("objectLockDays", 0))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(3));
    }
}

package dev.strata.inference;

import com.pulumi.core.Output;
import dev.strata.stack.SettingsParser;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.KnownValue;
import dev.strata.efs.ThroughputMode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.Fixtures.network;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** strata:inference: defaults, and a valid/invalid pair for every rule, each message naming the full key. */
class InferenceSettingsTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", "vpc-0abc1234def567890",
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718"),
            "nodeSecurityGroupId", "sg-0c3d4e5f607182930");
    private static final Map<String, Object> WARMUP = Map.of("enabled", true, "image", "public.ecr.aws/aws-cli/aws-cli:2.17.0",
            "prefixes", List.of("models/"));
    private static final String DIGEST = "amazon/aws-cli:2.17.0@sha256:643507c10ada7964ca6157b3d799f030b90577643da9955d319a77399ed80d73";
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
    void theSettingsTurnIntoTheComponentsArgsWithTheArgsOwnDefaults() {
        InferenceSettings devSettings = parse("dev", Map.of());
        InferenceStorageArgs dev = devSettings.args(Output.of(KEY_ARN), network().build(),
                Map.of(), false, Optional.empty(), Output.of(devSettings.namespace()));
        assertThat(devSettings.namespace()).isEqualTo(InferenceStorageArgs.DEFAULT_NAMESPACE);
        assertThat(KnownValue.of(dev.namespace())).contains(InferenceStorageArgs.DEFAULT_NAMESPACE);
        assertThat(dev.serviceAccountName()).isEqualTo(InferenceStorageArgs.DEFAULT_SERVICE_ACCOUNT);
        assertThat(dev.modelClaimSize()).isEqualTo(InferenceStorageArgs.DEFAULT_MODEL_CLAIM_SIZE);
        assertThat(dev.modelBasePath()).isEqualTo(InferenceStorageArgs.DEFAULT_MODEL_BASE_PATH);
        assertThat(dev.modelFileSystem().performanceMode()).isEqualTo(InferenceStorageArgs.builder().build().modelFileSystem().performanceMode());
        assertThat(dev.modelFileSystem().throughputMode()).isEqualTo(InferenceStorageArgs.builder().build().modelFileSystem().throughputMode());
        assertThat(dev.modelFileSystem().backup()).isFalse();
        assertThat(dev.localVolumeProvisionerImage()).isEqualTo(LocalVolumeProvisioner.DEFAULT_IMAGE);
        assertThat(dev.nvmeNodes().orElseThrow().toNode()).isEqualTo(NvmeNodeArgs.builder().build().toNode());
        assertThat(dev.redis()).isEmpty();
        assertThat(dev.warmup()).isEmpty();
        InferenceStorageArgs prod = parse("prod", Map.of("redis", REDIS)).args(Output.of(KEY_ARN),
                network().build(), Map.of(), true, Optional.empty(), Output.of(InferenceStorageArgs.DEFAULT_NAMESPACE));
        assertThat(prod.redis().orElseThrow().toCache())
                .isEqualTo(RedisCacheArgs.builder().nodeType("cache.r7g.2xlarge").build().toCache());
        assertThat(prod.modelFileSystem().backup()).isTrue();
        assertThat(prod.protect()).isTrue();
    }

    @Test
    void eachValueProblemIsReportedOnceUnderTheStackFilesKey() {
        assertThatThrownBy(() -> parse("dev", Map.of("models", Map.of("claimSize", "100Gb", "throughputMode", "provisioned",
                        "provisionedThroughputMibps", 5000),
                "nvme", Map.of("provisionerImage", "registry.k8s.io/sig-storage/local-volume-provisioner:latest"),
                "archive", Map.of("objectLockDays", 0), "namespace", "ML_Inference")))
                .satisfies(e -> {
                    String message = e.getMessage();
                    for (String key : List.of("strata:inference.models.claimSize = ", "strata:inference.models.provisionedThroughputMibps = ",
                            "strata:inference.nvme.provisionerImage = ",
                            "strata:inference.archive.objectLockDays = ", "strata:inference.namespace = ")) {
                        assertThat(message.split(java.util.regex.Pattern.quote(key), -1)).as(key).hasSize(2);
                    }
                });
    }

    @Test
    void defaultsInDev() {
        InferenceSettings settings = parse("dev", Map.of());
        assertThat(settings.namespace()).isEqualTo("ml-inference");
        assertThat(settings.serviceAccount()).isEqualTo("model-server");
        assertThat(settings.nvme()).contains(new InferenceSettings.Nvme(new NvmeNode("strata.dev/node-pool=inference",
                "/mnt/strata-local-nvme/cache"), new InferenceSettings.NodeGroup(List.of("i4i.xlarge"), 1, 1, 2, 50), false,
                "registry.k8s.io/sig-storage/local-volume-provisioner:v2.9.0"));
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
    void theOldListOfNodesByHostnameIsRefusedNamingWhatReplacedIt() {
        rejects("dev", Map.of("nvme", Map.of("nodes", List.of(Map.of("hostname", "node-a", "path", "/mnt/nvme", "capacity", "1Ti")))),
                "strata:inference.nvme.nodes = \"(set)\": was removed: nodes are no longer listed by hostname",
                "strata:inference.nvme.nodeLabel", "strata:inference.nvme.nodeGroup", "strata:inference.nvme.mountPath");
        // Only that problem: the list is not also reported as an unknown key.
        assertThatThrownBy(() -> parse("dev", Map.of("nvme", Map.of("nodes", List.of()))))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).hasSize(1));
    }

    @Test
    void l2IsOnByDefaultAndCanBeTurnedOff() {
        assertThat(parse("dev", Map.of()).nvme()).isPresent();
        assertThat(parse("dev", Map.of("nvme", Map.of("enabled", false))).nvme()).isEmpty();
        // Off, its keys are still read (a typo is reported) but not checked.
        assertThat(parse("dev", Map.of("nvme", Map.of("enabled", false, "nodeGroup", Map.of("instanceTypes", List.of("m6i.xlarge")))))
                .nvme()).isEmpty();
        rejects("dev", Map.of("nvme", Map.of("enabled", false, "nodelabel", "a=b")),
                "strata:inference.nvme.nodelabel = \"a=b\": is not a known setting; did you mean strata:inference.nvme.nodeLabel?");
    }

    @Test
    void theInferenceNodeGroupsTypesHaveInstanceStoreNvmeAndOneAmiType() {
        assertThat(parse("dev", Map.of("nvme", Map.of("nodeGroup", Map.of("instanceTypes", List.of("m6id.large", "c6id.xlarge"),
                "desiredSize", 2, "maxSize", 3))))
                .nvme().orElseThrow().nodeGroup()).isEqualTo(new InferenceSettings.NodeGroup(List.of("m6id.large", "c6id.xlarge"), 2, 1, 3, 50));
        rejects("dev", Map.of("nvme", Map.of("nodeGroup", Map.of("instanceTypes", List.of("i4i.xlarge", "m6i.xlarge")))),
                "strata:inference.nvme.nodeGroup.instanceTypes[1] = \"m6i.xlarge\": has no instance-store NVMe SSD");
        rejects("dev", Map.of("nvme", Map.of("nodeGroup", Map.of("instanceTypes", List.of()))),
                "strata:inference.nvme.nodeGroup.instanceTypes = []: must list 1 to 20 instance types");
        // Sizes and root volume: the node-group rules both node groups share, under the stack file's keys.
        rejects("dev", Map.of("nvme", Map.of("nodeGroup", Map.of("rootVolumeGiB", 16_385))),
                "strata:inference.nvme.nodeGroup.rootVolumeGiB = 16385: must be from 20 to 16384 (EBS gp3 limits)");
        rejects("dev", Map.of("nvme", Map.of("nodeGroup", Map.of("minSize", 2, "desiredSize", 1))),
                "strata:inference.nvme.nodeGroup.desiredSize = 1 and strata:inference.nvme.nodeGroup.minSize/strata:inference.nvme.nodeGroup.maxSize = \"2/2\"");
        rejects("dev", Map.of("nvme", Map.of("nodeGroup", Map.of("instanceTypes", List.of("i4i.xlarge", "g5.xlarge")))),
                "strata:inference.nvme.nodeGroup.instanceTypes = [i4i.xlarge, g5.xlarge]: need one AMI type for the node group, "
                        + "but these need AL2023_x86_64_STANDARD, AL2023_x86_64_NVIDIA");
        rejects("dev", Map.of("nvme", Map.of("nodeGroup", Map.of("desiredSize", 3))),
                "strata:inference.nvme.nodeGroup.desiredSize = 3 and strata:inference.nvme.nodeGroup.minSize/"
                        + "strata:inference.nvme.nodeGroup.maxSize = \"1/2\"");
    }

    @Test
    void anAdoptedClusterBringsItsOwnInferenceNodes() {
        InferenceSettings prod = parse("prod", Map.of("redis", REDIS, "nvme", Map.of("nodeLabel", "node.example.com/pool=gpu-cache",
                "mountPath", "/mnt/nvme-cache/models")));
        assertThat(prod.nvme().orElseThrow().nodes()).isEqualTo(new NvmeNode("node.example.com/pool=gpu-cache", "/mnt/nvme-cache/models"));
        rejects("prod", Map.of("redis", REDIS, "nvme", Map.of("nodeGroup", Map.of("instanceTypes", List.of("i4i.xlarge")))),
                "strata:inference.nvme.nodeGroup = \"(set)\" and strata:cluster.create = false: applies only to a cluster Strata creates");
    }

    @Test
    void theNodeLabelIsAKubernetesLabel() {
        rejects("dev", Map.of("nvme", Map.of("nodeLabel", "inference")),
                "strata:inference.nvme.nodeLabel = \"inference\": must be key=value");
        rejects("dev", Map.of("nvme", Map.of("nodeLabel", "Strata_Dev/pool=inference")),
                "strata:inference.nvme.nodeLabel = \"Strata_Dev/pool\": must be a Kubernetes label key");
        rejects("dev", Map.of("nvme", Map.of("nodeLabel", "strata.dev/pool=in ference")),
                "strata:inference.nvme.nodeLabel = \"in ference\": must be a Kubernetes label value");
    }

    @Test
    void theMountPathIsAPlainMountPointOutsideNodeState() {
        assertThat(parse("dev", Map.of("nvme", Map.of("mountPath", "/data/l2/cache"))).nvme().orElseThrow().nodes().discoveryDir())
                .isEqualTo("/data/l2");
        rejects("dev", Map.of("nvme", Map.of("mountPath", "/cache")), "strata:inference.nvme.mountPath = \"/cache\": must be an absolute path of at least two");
        rejects("dev", Map.of("nvme", Map.of("mountPath", "mnt/cache")), "strata:inference.nvme.mountPath = \"mnt/cache\"");
        rejects("dev", Map.of("nvme", Map.of("mountPath", "/mnt/my cache/x")), "strata:inference.nvme.mountPath = \"/mnt/my cache/x\"");
        rejects("dev", Map.of("nvme", Map.of("mountPath", "/mnt/k8s-disks/cache")),
                "strata:inference.nvme.mountPath = \"/mnt/k8s-disks/cache\": must not be in /mnt/k8s-disks");
        rejects("dev", Map.of("nvme", Map.of("mountPath", "/var/lib/kubelet/cache")), "must not be in /var/lib/kubelet");
    }

    @Test
    void theProvisionerImageIsPinned() {
        assertThat(parse("dev", Map.of("nvme", Map.of("provisionerImage", "123456789012.dkr.ecr.us-east-1.amazonaws.com/lvp:v2.9.0")))
                .nvme().orElseThrow().provisionerImage()).endsWith("/lvp:v2.9.0");
        rejects("dev", Map.of("nvme", Map.of("provisionerImage", "registry.k8s.io/sig-storage/local-volume-provisioner:latest")),
                "strata:inference.nvme.provisionerImage = \"registry.k8s.io/sig-storage/local-volume-provisioner:latest\": must be an image reference pinned");
    }

    @Test
    void sizesAreKubernetesQuantities() {
        assertThat(parse("dev", Map.of("models", Map.of("claimSize", "500G"))).modelClaimSize()).isEqualTo("500G");
        rejects("dev", Map.of("models", Map.of("claimSize", "100Gb")),
                "strata:inference.models.claimSize = \"100Gb\": must be a positive Kubernetes quantity");
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
    }

    @Test
    void warmupNeedsAPinnedImagePrefixesAndTheL2Cache() {
        assertThat(parse("dev", Map.of("warmup", WARMUP)).warmup())
                .contains(new CacheWarmup("public.ecr.aws/aws-cli/aws-cli:2.17.0", List.of("models/")));
        rejects("dev", Map.of("warmup", Map.of("enabled", true, "prefixes", List.of("m/"))),
                "strata:inference.warmup.image: is required when the warm-up is enabled");
        rejects("dev", Map.of("warmup", Map.of("enabled", true, "image", "amazon/aws-cli:latest", "prefixes", List.of("m/"))),
                "strata:inference.warmup.image = \"amazon/aws-cli:latest\": must be pinned");
        rejects("dev", Map.of("warmup", Map.of("enabled", true, "image", "amazon/aws-cli:2.17.0", "prefixes", List.of("/models"))),
                "strata:inference.warmup.prefixes[0] = \"/models\"");
        rejects("dev", Map.of("warmup", Map.of("enabled", true, "image", "amazon/aws-cli:2.17.0")),
                "strata:inference.warmup.prefixes: must name at least one archive prefix");
        rejects("dev", Map.of("nvme", Map.of("enabled", false), "warmup", WARMUP),
                "strata:inference.warmup.enabled = true and strata:inference.nvme.enabled = false: the warm-up fills the L2 NVMe cache");
    }

    @Test
    void prodRunsTheWarmupImagePinnedByDigest() {
        assertThat(parse("prod", Map.of("redis", REDIS, "warmup", Map.of("enabled", true, "image", DIGEST, "prefixes", List.of("m/"))))
                .warmup().orElseThrow().image()).isEqualTo(DIGEST);
        rejects("prod", Map.of("redis", REDIS, "warmup", WARMUP),
                "strata:inference.warmup.image = \"public.ecr.aws/aws-cli/aws-cli:2.17.0\": prod needs the image pinned by digest");
        rejects("prod", Map.of("redis", REDIS, "warmup", Map.of("enabled", true, "image", "amazon/aws-cli@sha256:abc", "prefixes",
                List.of("m/"))), "strata:inference.warmup.image = \"amazon/aws-cli@sha256:abc\": prod needs the image pinned by digest");
    }

    @Test
    void theWarmupsIdentityReadsTheArchiveAndWritesNothing() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("environment", "dev");
        config.put("network", NETWORK);
        config.put("inference", Map.of("warmup", WARMUP));
        assertThat(SettingsParser.parse(config).inference().orElseThrow().warmup()).isPresent();
        config.put("workloads", Map.of("inference", Map.of("read", List.of(Map.of("bucket", "model-archive")),
                "write", List.of(Map.of("zone", "model")))));
        assertThatThrownBy(() -> SettingsParser.parse(config)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:workloads.inference.write = \"1 grant(s)\" and strata:inference.warmup.enabled = true: "
                        + "the warm-up runs as ml-inference/model-server, which must be read-only");
        config.put("workloads", Map.of("inference", Map.of("read", List.of(Map.of("zone", "model")))));
        assertThatThrownBy(() -> SettingsParser.parse(config)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:workloads.inference.read = \"(no model-archive)\" and strata:inference.warmup.enabled = true");
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

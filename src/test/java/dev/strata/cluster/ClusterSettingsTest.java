package dev.strata.cluster;

import dev.strata.config.ClusterSettings;
import dev.strata.config.SettingsParser;
import dev.strata.config.StrataSettings;
import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code strata:cluster}: defaults per environment, and a valid/invalid pair for each rule. */
class ClusterSettingsTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", "vpc-0abc1234def567890",
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718"),
            "nodeSecurityGroupId", "sg-0c3d4e5f607182930");

    private static StrataSettings parse(String environment, Map<String, Object> cluster, boolean network) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", environment);
        if (network) {
            values.put("network", NETWORK);
        }
        values.put("cluster", cluster);
        return SettingsParser.parse(values);
    }

    private static ClusterSettings cluster(String environment, Map<String, Object> cluster) {
        return parse(environment, cluster, true).cluster().orElseThrow();
    }

    private static void rejects(String environment, Map<String, Object> cluster, String... fragments) {
        assertThatThrownBy(() -> parse(environment, cluster, true)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void devAndStagingCreatePrivateByDefaultDevWithAPublicEndpointProdAdopts() {
        ClusterSettings dev = cluster("dev", Map.of());
        assertThat(dev.create()).isTrue();
        assertThat(dev.endpointPublicAccess()).isTrue();
        assertThat(dev.name()).isEmpty();
        assertThat(dev.version()).isEqualTo(EksCluster.DEFAULT_VERSION);
        assertThat(dev.nodeGroup()).isEqualTo(new ClusterSettings.NodeGroup("m6i.xlarge", 2, 1, 4, 100));
        assertThat(dev.efsAddonVersion()).isEqualTo(CsiDriver.Driver.EFS.defaultVersion());
        assertThat(dev.fsxAddonVersion()).isEqualTo(CsiDriver.Driver.FSX.defaultVersion());
        ClusterSettings staging = cluster("staging", Map.of());
        assertThat(staging.create()).isTrue();
        assertThat(staging.endpointPublicAccess()).isFalse();
        ClusterSettings prod = cluster("prod", Map.of("name", "ml-platform"));
        assertThat(prod.create()).isFalse();
        assertThat(prod.name()).contains("ml-platform");
        assertThat(prod.endpointPublicAccess()).isFalse();
    }

    @Test
    void adoptingNeedsTheClustersName() {
        assertThat(cluster("dev", Map.of("create", false, "name", "team-cluster")).name()).contains("team-cluster");
        rejects("dev", Map.of("create", false),
                "strata:cluster.name = (not set) and strata:cluster.create = false: adopting an existing cluster needs its name");
        rejects("prod", Map.of(), "strata:cluster.name = (not set) and strata:cluster.create = false");
    }

    @Test
    void theNameIsAnEksClusterName() {
        assertThat(cluster("dev", Map.of("name", "ml_platform-2")).name()).contains("ml_platform-2");
        rejects("dev", Map.of("name", "-bad name"), "strata:cluster.name = \"-bad name\": must be an EKS cluster name");
    }

    @Test
    void creatingNeedsTheNetwork() {
        assertThat(parse("prod", Map.of("name", "ml-platform"), false).cluster()).isPresent();
        assertThatThrownBy(() -> parse("dev", Map.of(), false)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:network: is required by strata:cluster.create = true");
    }

    @Test
    void prodsEndpointIsPrivateOnly() {
        assertThat(cluster("prod", Map.of("create", true, "endpointPublicAccess", false)).endpointPublicAccess()).isFalse();
        rejects("prod", Map.of("create", true, "endpointPublicAccess", true),
                "strata:cluster.endpointPublicAccess = true and strata:environment = \"prod\": a prod cluster's API endpoint is private only");
    }

    @Test
    void versionAndNodeGroupApplyToACreatedClusterOnly() {
        assertThat(cluster("dev", Map.of("version", "1.31", "nodeGroup", Map.of("desiredSize", 3))).nodeGroup().desiredSize()).isEqualTo(3);
        rejects("dev", Map.of("version", "latest"), "strata:cluster.version = \"latest\": must be a Kubernetes minor version");
        rejects("dev", Map.of("create", false, "name", "c", "version", "1.31"),
                "strata:cluster.version = \"(set)\" and strata:cluster.create = false: applies only to a cluster Strata creates");
        rejects("dev", Map.of("create", false, "name", "c", "nodeGroup", Map.of("desiredSize", 3)),
                "strata:cluster.nodeGroup = \"(set)\" and strata:cluster.create = false");
    }

    @Test
    void nodeCountsAreOrdered() {
        assertThat(cluster("dev", Map.of("nodeGroup", Map.of("minSize", 0, "desiredSize", 0, "maxSize", 1))).nodeGroup().minSize()).isZero();
        rejects("dev", Map.of("nodeGroup", Map.of("minSize", 3, "desiredSize", 2)),
                "strata:cluster.nodeGroup.desiredSize = 2 and strata:cluster.nodeGroup.minSize/strata:cluster.nodeGroup.maxSize = \"3/4\"");
        rejects("dev", Map.of("nodeGroup", Map.of("rootVolumeGiB", 8)), "strata:cluster.nodeGroup.rootVolumeGiB = 8: must be from 20 to 16384");
    }

    @Test
    void addOnVersionsArePinned() {
        assertThat(cluster("dev", Map.of("csiDrivers", Map.of("efsVersion", "v2.0.7-eksbuild.1"))).efsAddonVersion())
                .isEqualTo("v2.0.7-eksbuild.1");
        rejects("dev", Map.of("csiDrivers", Map.of("fsxVersion", "latest")),
                "strata:cluster.csiDrivers.fsxVersion = \"latest\": must be a pinned EKS add-on version");
    }

    @Test
    void unknownKeysAreReported() {
        rejects("dev", Map.of("nodegroup", Map.of()), "strata:cluster.nodegroup", "did you mean strata:cluster.nodeGroup?");
        rejects("dev", Map.of("csiDrivers", Map.of("efs", "v1")), "strata:cluster.csiDrivers.efs");
    }

    @Test
    void aStackWithoutKubernetesObjectsHasNoCluster() {
        StrataSettings lakeOnly = SettingsParser.parse(Map.of("environment", "prod"));
        assertThat(lakeOnly.cluster()).isEmpty();
        assertThat(lakeOnly.workloads()).isEmpty();
    }
}

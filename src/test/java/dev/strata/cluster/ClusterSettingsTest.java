package dev.strata.cluster;

import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.VPC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code strata:cluster}: defaults per environment, and a valid/invalid pair for each rule. */
class ClusterSettingsTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", VPC_ID,
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718"),
            "nodeSecurityGroupId", NODE_SECURITY_GROUP_ID);

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
    void devAndStagingCreatePrivateClustersByDefaultProdAdopts() {
        ClusterSettings dev = cluster("dev", Map.of());
        assertThat(dev.create()).isTrue();
        // Private everywhere unless asked: a public endpoint needs its CIDR blocks.
        assertThat(dev.endpointPublicAccess()).isFalse();
        assertThat(dev.publicAccessCidrs()).isEmpty();
        assertThat(dev.logRetentionDays()).isEqualTo(90);
        assertThat(dev.name()).isEmpty();
        assertThat(dev.version()).isEqualTo(EksCluster.DEFAULT_VERSION);
        assertThat(dev.nodeGroup()).isEqualTo(new ClusterSettings.NodeGroup("m6i.xlarge", 2, 1, 4, 100));
        assertThat(dev.addons()).isEqualTo(new ClusterSettings.Addons(
                new ClusterSettings.Addon(EksAddons.Use.CREATE, Optional.empty(), Optional.empty()), Optional.empty(),
                new ClusterSettings.Addon(EksAddons.Use.CREATE, Optional.of(CsiDriver.Driver.EFS.defaultVersion()), Optional.empty()),
                new ClusterSettings.Addon(EksAddons.Use.CREATE, Optional.of(CsiDriver.Driver.FSX.defaultVersion()), Optional.empty()),
                new ClusterSettings.Addon(EksAddons.Use.CREATE, Optional.of(CsiDriver.Driver.S3.defaultVersion()), Optional.empty())));
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
    void aPublicEndpointNeedsNamedCidrBlocksNeverTheWholeInternet() {
        ClusterSettings open = cluster("dev", Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24")));
        assertThat(open.endpointPublicAccess()).isTrue();
        assertThat(open.publicAccessCidrs()).containsExactly("203.0.113.0/24");
        rejects("dev", Map.of("endpointPublicAccess", true),
                "strata:cluster.publicAccessCidrs = [] and strata:cluster.endpointPublicAccess = true: a public endpoint needs the CIDR "
                        + "blocks allowed to reach it");
        rejects("staging", Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24", "0.0.0.0/0")),
                "strata:cluster.publicAccessCidrs[1] = \"0.0.0.0/0\": admits every address on the internet");
        rejects("dev", Map.of("endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.7/24")),
                "strata:cluster.publicAccessCidrs[0] = \"203.0.113.7/24\": has host bits set");
        rejects("dev", Map.of("publicAccessCidrs", List.of("203.0.113.0/24")),
                "strata:cluster.publicAccessCidrs = [203.0.113.0/24] and strata:cluster.endpointPublicAccess = false: apply only to a "
                        + "public endpoint");
        rejects("dev", Map.of("create", false, "name", "c", "publicAccessCidrs", List.of("203.0.113.0/24")),
                "strata:cluster.publicAccessCidrs = \"(set)\" and strata:cluster.create = false: applies only to a cluster Strata creates");
    }

    @Test
    void controlPlaneLogsAreKeptForARetentionCloudWatchAccepts() {
        assertThat(cluster("dev", Map.of("logRetentionDays", 365)).logRetentionDays()).isEqualTo(365);
        rejects("dev", Map.of("logRetentionDays", 45), "strata:cluster.logRetentionDays = 45: must be one of CloudWatch Logs' retention "
                + "values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653");
        rejects("dev", Map.of("logRetentionDays", 0), "strata:cluster.logRetentionDays = 0: must be one of CloudWatch Logs' retention values");
        rejects("prod", Map.of("name", "c", "logRetentionDays", 30), "strata:cluster.logRetentionDays = \"(set)\" and "
                + "strata:cluster.create = false");
    }

    @Test
    void prodsEndpointIsPrivateOnly() {
        assertThat(cluster("prod", Map.of("create", true, "endpointPublicAccess", false)).endpointPublicAccess()).isFalse();
        rejects("prod", Map.of("create", true, "endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24")),
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
        // The quota of nodes per managed node group (450) is adjustable: a larger group is the account's to allow.
        assertThat(cluster("dev", Map.of("nodeGroup", Map.of("maxSize", 600))).nodeGroup().maxSize()).isEqualTo(600);
    }

    @Test
    void addOnVersionsArePinned() {
        ClusterSettings pinned = cluster("dev", Map.of("addons", Map.of(
                "efsCsiDriver", Map.of("version", "v2.0.7-eksbuild.1"),
                "vpcCni", Map.of("version", "v1.19.2-eksbuild.1"),
                "podIdentityAgent", Map.of("version", "v1.3.4-eksbuild.1"))));
        assertThat(pinned.addons().efsCsiDriver().version()).contains("v2.0.7-eksbuild.1");
        assertThat(pinned.addons().vpcCniVersion()).contains("v1.19.2-eksbuild.1");
        assertThat(pinned.addons().podIdentityAgent().version()).contains("v1.3.4-eksbuild.1");
        rejects("dev", Map.of("addons", Map.of("fsxCsiDriver", Map.of("version", "latest"))),
                "strata:cluster.addons.fsxCsiDriver.version = \"latest\": must be a pinned EKS add-on version");
        rejects("dev", Map.of("addons", Map.of("vpcCni", Map.of("version", "1.19"))),
                "strata:cluster.addons.vpcCni.version = \"1.19\": must be a pinned EKS add-on version");
        rejects("prod", Map.of("name", "c", "addons", Map.of("vpcCni", Map.of("version", "v1.19.2-eksbuild.1"))),
                "strata:cluster.addons.vpcCni = \"(set)\" and strata:cluster.create = false: applies only to a cluster Strata creates");
    }

    @Test
    void anAdoptedClusterUsesTheAddOnsItAlreadyRuns() {
        ClusterSettings adopted = cluster("prod", Map.of("name", "platform", "addons", Map.of(
                "podIdentityAgent", Map.of("use", "existing"),
                "efsCsiDriver", Map.of("use", "existing", "roleName", "platform-efs-csi"))));
        assertThat(adopted.addons().podIdentityAgent()).isEqualTo(
                new ClusterSettings.Addon(EksAddons.Use.EXISTING, Optional.empty(), Optional.empty()));
        assertThat(adopted.addons().efsCsiDriver()).isEqualTo(
                new ClusterSettings.Addon(EksAddons.Use.EXISTING, Optional.empty(), Optional.of("platform-efs-csi")));
        assertThat(adopted.addons().fsxCsiDriver().use()).isEqualTo(EksAddons.Use.CREATE);
    }

    @Test
    void aWrongOrContradictoryAddOnChoiceIsRefused() {
        // A cluster Strata creates has none of these add-ons yet.
        rejects("dev", Map.of("addons", Map.of("podIdentityAgent", Map.of("use", "existing"))),
                "strata:cluster.addons.podIdentityAgent.use = \"existing\" and strata:cluster.create = true: a cluster Strata "
                        + "creates has no eks-pod-identity-agent add-on yet");
        rejects("staging", Map.of("addons", Map.of("fsxCsiDriver", Map.of("use", "existing", "roleName", "r"))),
                "strata:cluster.addons.fsxCsiDriver.use = \"existing\" and strata:cluster.create = true: a cluster Strata creates "
                        + "has no aws-fsx-csi-driver add-on yet");
        // An existing driver names its role and keeps its version.
        rejects("prod", Map.of("name", "c", "addons", Map.of("efsCsiDriver", Map.of("use", "existing"))),
                "strata:cluster.addons.efsCsiDriver.roleName: is required by strata:cluster.addons.efsCsiDriver.use = \"existing\"");
        rejects("prod", Map.of("name", "c", "addons", Map.of("efsCsiDriver", Map.of("use", "existing", "roleName", "r",
                        "version", "v2.1.4-eksbuild.1"))),
                "strata:cluster.addons.efsCsiDriver.version = \"v2.1.4-eksbuild.1\" and strata:cluster.addons.efsCsiDriver.use = "
                        + "\"existing\": the existing add-on keeps its own version");
        rejects("prod", Map.of("name", "c", "addons", Map.of("podIdentityAgent", Map.of("use", "existing", "version", "v1.3.4-eksbuild.1"))),
                "strata:cluster.addons.podIdentityAgent.version = \"v1.3.4-eksbuild.1\" and strata:cluster.addons.podIdentityAgent.use = "
                        + "\"existing\"");
        rejects("prod", Map.of("name", "c", "addons", Map.of("fsxCsiDriver", Map.of("roleName", "r"))),
                "strata:cluster.addons.fsxCsiDriver.roleName = \"r\" and strata:cluster.addons.fsxCsiDriver.use = \"create\": applies "
                        + "only to an existing driver");
        rejects("prod", Map.of("name", "c", "addons", Map.of("fsxCsiDriver", Map.of("use", "existing",
                        "roleName", "arn:aws:iam::123456789012:role/r"))),
                "strata:cluster.addons.fsxCsiDriver.roleName = \"arn:aws:iam::123456789012:role/r\": must be an IAM role name");
        rejects("prod", Map.of("name", "c", "addons", Map.of("efsCsiDriver", Map.of("use", "installed"))),
                "strata:cluster.addons.efsCsiDriver.use = \"installed\": must be one of create, existing");
    }

    @Test
    void onACreatedClusterEveryNamespaceHasACreator() {
        Map<String, Object> noCreator = Map.of("training", Map.of("createNamespace", false));
        // An adopted cluster may have the namespace already: nothing to check.
        assertThat(parseWith("prod", Map.of("name", "c"), noCreator).workloads()).isNotEmpty();
        assertThatThrownBy(() -> parseWith("dev", Map.of(), noCreator)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:workloads.training.createNamespace = false and strata:cluster.create = true: nothing "
                        + "creates namespace ml-training");
        // Another workload in the namespace creates it: fine.
        assertThat(parseWith("dev", Map.of(), Map.of("training", Map.of("createNamespace", false),
                "jobs", Map.of("namespace", "ml-training", "serviceAccount", "jobs"))).workloads()).hasSize(2);
    }

    private static StrataSettings parseWith(String environment, Map<String, Object> cluster, Map<String, Object> workloads) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", environment);
        values.put("network", NETWORK);
        values.put("cluster", cluster);
        values.put("workloads", workloads);
        return SettingsParser.parse(values);
    }

    @Test
    void unknownKeysAreReported() {
        rejects("dev", Map.of("nodegroup", Map.of()), "strata:cluster.nodegroup", "did you mean strata:cluster.nodeGroup?");
        rejects("dev", Map.of("addons", Map.of("efsCsiDriver", Map.of("versoin", "v1"))), "strata:cluster.addons.efsCsiDriver.versoin",
                "did you mean strata:cluster.addons.efsCsiDriver.version?");
        rejects("dev", Map.of("addons", Map.of("podIdentityAgent", Map.of("roleName", "r"))),
                "strata:cluster.addons.podIdentityAgent.roleName");
        rejects("dev", Map.of("csiDrivers", Map.of("efsVersion", "v2.1.4-eksbuild.1")), "strata:cluster.csiDrivers");
    }

    @Test
    void aStackWithoutKubernetesObjectsHasNoCluster() {
        StrataSettings lakeOnly = SettingsParser.parse(Map.of("environment", "prod"));
        assertThat(lakeOnly.cluster()).isEmpty();
        assertThat(lakeOnly.workloads()).isEmpty();
    }
}

package dev.strata.cluster;

import com.pulumi.core.Output;
import dev.strata.core.InvalidConfigException;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EksCluster and CsiDriver with plain Args: adoption, creation, and their bad arguments. */
class ClusterComponentsTest {
    private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829");

    private static Plan run(Runnable program) {
        return PlanRunner.run("dev", new RecordingMocks("eu-west-1"), ctx -> program.run());
    }

    @Test
    void anAdoptedClusterIsLookedUpAndOnlyTheProviderIsCreated() {
        Plan plan = run(() -> new EksCluster("team", EksClusterArgs.builder().create(false).clusterName("team-cluster").build(), null));
        assertThat(plan.resources()).extracting(PlannedResource::type)
                .containsExactlyInAnyOrder(EksCluster.TYPE, "pulumi:providers:kubernetes");
        String id = RecordingMocks.oidcIssuerId("team-cluster");
        PlannedResource provider = plan.ofType("pulumi:providers:kubernetes").get(0);
        assertThat(provider.name()).isEqualTo("team-k8s");
        assertThat(provider.inputs().get("kubeconfig")).isEqualTo(EksCluster.kubeconfig("team-cluster",
                "https://" + id + ".gr7.eu-west-1.eks.amazonaws.com",
                java.util.Base64.getEncoder().encodeToString("plan certificate authority of team-cluster".getBytes()), "eu-west-1"));
    }

    @Test
    void aCreatedClusterIsPrivateWithEncryptedRootVolumesAndAnOidcProvider() {
        Plan plan = run(() -> new EksCluster("dev", EksClusterArgs.builder()
                .vpcId("vpc-0abc1234def567890").privateSubnetIds(SUBNETS).build(), null));
        assertThat(plan.ofType("aws:eks/cluster:Cluster").get(0).inputs())
                .containsEntry("name", "dev")
                .containsEntry("vpcConfig", Map.of("subnetIds", SUBNETS, "endpointPrivateAccess", true, "endpointPublicAccess", false))
                .containsEntry("accessConfig", Map.of("authenticationMode", "API_AND_CONFIG_MAP", "bootstrapClusterCreatorAdminPermissions", true));
        assertThat(plan.ofType("aws:iam/openIdConnectProvider:OpenIdConnectProvider")).hasSize(1);
        Map<String, Object> template = plan.ofType("aws:ec2/launchTemplate:LaunchTemplate").get(0).inputs();
        assertThat(template.get("blockDeviceMappings").toString()).contains("encrypted=true", "volumeType=gp3");
        // Without a node security group the nodes join the cluster security group only.
        assertThat((List<?>) template.get("vpcSecurityGroupIds")).hasSize(1);
        assertThat(plan.ofType("aws:iam/role:Role")).extracting(r -> r.inputs().get("assumeRolePolicy")).containsExactlyInAnyOrder(
                EksCluster.servicePrincipalTrust("eks.amazonaws.com"), EksCluster.servicePrincipalTrust("ec2.amazonaws.com"));
        assertThat(EksCluster.servicePrincipalTrust("eks.amazonaws.com")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Sid\":\"ServiceAssumesRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"eks.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
    }

    @Test
    void badClusterArgumentsAreReportedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().create(false).build(), null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("clusterName = (not set) and create = false: adopting a cluster needs its name");
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().build(), null))
                .hasMessageContainingAll("vpcId: is required to create a cluster", "privateSubnetIds: must list at least one");
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().vpcId("vpc-0abc1234def567890")
                .privateSubnetIds(SUBNETS).version("2").minSize(3).desiredSize(2).build(), null))
                .hasMessageContainingAll("version = \"2\"", "desiredSize = 2 and minSize/maxSize = \"3/4\"");
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().create(false).clusterName("bad name").build(), null))
                .hasMessageContaining("clusterName = \"bad name\": must be an EKS cluster name");
    }

    @Test
    void badDriverArgumentsAreReportedBeforeAnythingIsRegistered() {
        CsiDriverArgs.Builder valid = CsiDriverArgs.builder().clusterName(Output.of("c"))
                .oidcProviderArn(Output.of("arn:aws:iam::1:oidc-provider/x")).oidcIssuer(Output.of("https://x"));
        assertThatThrownBy(() -> new CsiDriver("d", valid.driver("ebs").build(), null))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("driver = \"ebs\": must be one of efs, fsx");
        assertThatThrownBy(() -> new CsiDriver("d", valid.driver("efs").addonVersion("latest").build(), null))
                .hasMessageContaining("addonVersion = \"latest\": must be a pinned EKS add-on version");
        assertThatThrownBy(() -> new CsiDriver("d", valid.driver("efs").addonVersion(null).dynamicProvisioning(true).build(), null))
                .hasMessageContaining("dynamicProvisioning = true and driver = \"efs\": applies to the fsx driver only");
        assertThat(run(() -> new CsiDriver("d", valid.driver("fsx").dynamicProvisioning(false).build(), null))
                .ofType("aws:iam/rolePolicy:RolePolicy")).extracting(PlannedResource::name)
                .containsExactly("d-describe-fsx-file-systems");
    }

    @Test
    void theRecordingEngineAnswersTheClusterLookUpAndNoOther() {
        // The recording engine answers getCluster for any name: a plan shows what the program asks, not whether it exists.
        assertThat(run(() -> new EksCluster("a", EksClusterArgs.builder().create(false).clusterName("a").build(), null)).resources())
                .isNotEmpty();
        assertThatThrownBy(() -> PlanRunner.run("dev", new RecordingMocks("eu-west-1"), ctx ->
                com.pulumi.aws.eks.EksFunctions.getAddon(com.pulumi.aws.eks.inputs.GetAddonArgs.builder()
                        .addonName("x").clusterName("y").build()).applyValue(r -> r)))
                .isInstanceOf(PlanFailedException.class).hasMessageContaining("no answer for the provider function aws:eks/getAddon");
    }
}

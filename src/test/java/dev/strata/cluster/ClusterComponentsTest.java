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

import static dev.strata.testing.Fixtures.SUBNET_IDS;
import static dev.strata.testing.Fixtures.keyArn;
import static dev.strata.testing.Fixtures.VPC_ID;
import static dev.strata.testing.ResourceTypes.EC2_LAUNCH_TEMPLATE;
import static dev.strata.testing.ResourceTypes.EKS_ADDON;
import static dev.strata.testing.ResourceTypes.EKS_CLUSTER;
import static dev.strata.testing.ResourceTypes.IAM_OIDC_PROVIDER;
import static dev.strata.testing.ResourceTypes.IAM_ROLE;
import static dev.strata.testing.ResourceTypes.IAM_ROLE_POLICY;
import static dev.strata.testing.ResourceTypes.IAM_ROLE_POLICY_ATTACHMENT;
import static dev.strata.testing.ResourceTypes.LOG_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EksCluster and CsiDriver with plain Args: adoption, creation, and their bad arguments. */
class ClusterComponentsTest {

    private static final String KEY = keyArn("eu-west-1");

    private static Plan run(Runnable program) {
        return PlanRunner.run("dev", new RecordingMocks("eu-west-1"), ctx -> program.run());
    }

    /** The arguments of a valid created cluster, to change one thing at a time. */
    private static EksClusterArgs.Builder created() {
        return EksClusterArgs.builder().vpcId(VPC_ID).privateSubnetIds(SUBNET_IDS).secretsKeyArn(Output.of(KEY));
    }

    @Test
    void anAdoptedClusterIsLookedUpAndOnlyThePodIdentityAgentAndTheProviderAreCreated() {
        Plan plan = run(() -> new EksCluster("team", EksClusterArgs.builder().create(false).clusterName("team-cluster").build(), null));
        assertThat(plan.resources()).extracting(PlannedResource::type)
                .containsExactlyInAnyOrder(EksCluster.TYPE, EKS_ADDON, "pulumi:providers:kubernetes");
        assertThat(plan.ofType(EKS_ADDON).get(0).inputs()).isEqualTo(Map.of("clusterName", "team-cluster",
                "addonName", "eks-pod-identity-agent", "resolveConflictsOnCreate", "OVERWRITE", "resolveConflictsOnUpdate", "OVERWRITE",
                "tags", Map.of("component", "cluster", "tier", "eks")));
        Plan existingAgent = run(() -> new EksCluster("team", EksClusterArgs.builder().create(false).clusterName("team-cluster")
                .podIdentityAgent("existing").build(), null));
        assertThat(existingAgent.ofType(EKS_ADDON)).isEmpty();
        String id = RecordingMocks.oidcIssuerId("team-cluster");
        PlannedResource provider = plan.ofType("pulumi:providers:kubernetes").get(0);
        assertThat(provider.name()).isEqualTo("team-k8s");
        assertThat(provider.inputs().get("kubeconfig")).isEqualTo(Kubeconfigs.kubeconfig("team-cluster",
                "https://" + id + ".gr7.eu-west-1.eks.amazonaws.com",
                java.util.Base64.getEncoder().encodeToString("plan certificate authority of team-cluster".getBytes()), "eu-west-1"));
    }

    @Test
    void anAdoptedClustersOidcProviderIsTheOneIamHasForItsIssuer() {
        // An engine whose IAM holds the provider under an ARN no formula would give: the trust follows IAM.
        String listed = "arn:aws:iam::123456789012:oidc-provider/listed-by-iam";
        List<String> asked = new java.util.ArrayList<>();
        RecordingMocks iam = new RecordingMocks("eu-west-1") {
            @Override
            public java.util.concurrent.CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                if ("aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider".equals(args.token)) {
                    asked.add(String.valueOf(args.args.get("url")));
                    return java.util.concurrent.CompletableFuture.completedFuture(Map.of("id", listed, "arn", listed, "url", "x",
                            "clientIdLists", List.of("sts.amazonaws.com"), "thumbprintLists", List.of(), "tags", Map.of()));
                }
                return super.callAsync(args);
            }
        };
        Plan plan = PlanRunner.run("prod", iam, ctx -> {
            EksCluster eks = new EksCluster("team", EksClusterArgs.builder().create(false).clusterName("team-cluster").build(), null);
            ctx.export("oidcProviderArn", eks.oidcProviderArn);
        });
        assertThat(plan.outputs()).containsEntry("oidcProviderArn", listed);
        assertThat(asked).containsExactly("https://oidc.eks.eu-west-1.amazonaws.com/id/" + RecordingMocks.oidcIssuerId("team-cluster"));
        // A cluster without an IAM OIDC provider fails, naming what was asked for.
        RecordingMocks none = new RecordingMocks("eu-west-1") {
            @Override
            public java.util.concurrent.CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                if ("aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider".equals(args.token)) {
                    return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException(
                            "reading IAM OIDC Provider (" + args.args.get("url") + "): not found"));
                }
                return super.callAsync(args);
            }
        };
        assertThatThrownBy(() -> PlanRunner.run("prod", none, ctx -> ctx.export("oidc", new EksCluster("team", EksClusterArgs.builder()
                .create(false).clusterName("team-cluster").build(), null).oidcProviderArn)))
                .isInstanceOf(PlanFailedException.class).hasMessageContaining("reading IAM OIDC Provider (https://oidc.eks.eu-west-1");
    }

    @Test
    void aCreatedClusterIsPrivateWithEncryptedSecretsAndRootVolumesRetainedLogsAndAnOidcProvider() {
        Plan plan = run(() -> new EksCluster("dev", created().build(), null));
        assertThat(plan.ofType(EKS_CLUSTER).get(0).inputs())
                .containsEntry("name", "dev")
                .containsEntry("vpcConfig", Map.of("subnetIds", SUBNET_IDS, "endpointPrivateAccess", true, "endpointPublicAccess", false))
                .containsEntry("accessConfig", Map.of("authenticationMode", "API_AND_CONFIG_MAP", "bootstrapClusterCreatorAdminPermissions", true))
                .containsEntry("encryptionConfig", Map.of("resources", List.of("secrets"), "provider", Map.of("keyArn", KEY)))
                .containsEntry("enabledClusterLogTypes", List.of("api", "audit", "authenticator"));
        assertThat(plan.ofType(LOG_GROUP)).singleElement().satisfies(logs -> assertThat(logs.inputs())
                .containsEntry("name", "/aws/eks/dev/cluster").containsEntry("retentionInDays", 90L));
        assertThat(plan.ofType(IAM_OIDC_PROVIDER)).hasSize(1);
        Map<String, Object> template = plan.ofType(EC2_LAUNCH_TEMPLATE).get(0).inputs();
        assertThat(template.get("blockDeviceMappings").toString()).contains("encrypted=true", "volumeType=gp3");
        // IMDSv2 only, and only on the node: pods without host networking cannot reach it.
        assertThat(template.get("metadataOptions")).isEqualTo(Map.of("httpEndpoint", "enabled", "httpTokens", "required",
                "httpPutResponseHopLimit", 1L));
        // Without a node security group the nodes join the cluster security group only.
        assertThat((List<?>) template.get("vpcSecurityGroupIds")).hasSize(1);
        String issuer = "oidc.eks.eu-west-1.amazonaws.com/id/" + RecordingMocks.oidcIssuerId("dev");
        assertThat(plan.ofType(IAM_ROLE)).extracting(r -> r.inputs().get("assumeRolePolicy")).containsExactlyInAnyOrder(
                CreatedCluster.servicePrincipalTrust("eks.amazonaws.com"), CreatedCluster.servicePrincipalTrust("ec2.amazonaws.com"),
                dev.strata.security.TrustPolicy.json("arn:aws:iam::123456789012:oidc-provider/" + issuer, "https://" + issuer,
                        List.of("system:serviceaccount:kube-system:aws-node")));
        // The VPC CNI on its own IRSA role with the CNI policy; the node role without it.
        assertThat(plan.ofType(EKS_ADDON)).filteredOn(a -> "vpc-cni".equals(a.inputs().get("addonName"))).singleElement()
                .satisfies(cni -> assertThat(cni.inputs()).containsEntry("serviceAccountRoleArn", "arn:aws:iam::123456789012:role/dev-vpc-cni-id")
                        .containsEntry("resolveConflictsOnCreate", "OVERWRITE").doesNotContainKey("addonVersion"));
        assertThat(plan.ofType(IAM_ROLE_POLICY_ATTACHMENT)).extracting(a -> a.inputs().get("role") + " "
                + a.inputs().get("policyArn")).containsExactlyInAnyOrder(
                "dev-cluster-id arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
                "dev-nodes-id arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "dev-nodes-id arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                "dev-vpc-cni-id arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy");
        assertThat(plan.ofType(EKS_ADDON)).extracting(a -> a.inputs().get("addonName"))
                .containsExactlyInAnyOrder("vpc-cni", "eks-pod-identity-agent");
        assertThat(CreatedCluster.servicePrincipalTrust("eks.amazonaws.com")).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Sid\":\"ServiceAssumesRole\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"eks.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
    }

    @Test
    void badClusterArgumentsAreReportedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().create(false).build(), null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("clusterName = (not set) and create = false: adopting a cluster needs its name");
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().build(), null))
                .hasMessageContainingAll("vpcId: is required to create a cluster", "privateSubnetIds: must list at least one",
                        "secretsKeyArn: is required to create a cluster");
        assertThatThrownBy(() -> new EksCluster("x", created().version("2").minSize(3).desiredSize(2).build(), null))
                .hasMessageContainingAll("version = \"2\"", "desiredSize = 2 and minSize/maxSize = \"3/4\"");
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().create(false).clusterName("bad name").build(), null))
                .hasMessageContaining("clusterName = \"bad name\": must be an EKS cluster name");
    }

    @Test
    void thePublicEndpointAdmitsOnlyTheNamedBlocks() {
        Plan plan = run(() -> new EksCluster("dev", created().endpointPublicAccess(true).publicAccessCidrs(List.of("203.0.113.0/24"))
                .logRetentionDays(30).build(), null));
        assertThat(plan.ofType(EKS_CLUSTER).get(0).inputs()).containsEntry("vpcConfig", Map.of("subnetIds", SUBNET_IDS,
                "endpointPrivateAccess", true, "endpointPublicAccess", true, "publicAccessCidrs", List.of("203.0.113.0/24")));
        assertThat(plan.ofType(LOG_GROUP).get(0).inputs()).containsEntry("retentionInDays", 30L);
        assertThatThrownBy(() -> new EksCluster("x", created().endpointPublicAccess(true).build(), null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("publicAccessCidrs = [] and endpointPublicAccess = true: a public endpoint needs the CIDR blocks");
        assertThatThrownBy(() -> new EksCluster("x", created().endpointPublicAccess(true).publicAccessCidrs(List.of("0.0.0.0/0")).build(), null))
                .hasMessageContaining("publicAccessCidrs[0] = \"0.0.0.0/0\": admits every address on the internet");
        assertThatThrownBy(() -> new EksCluster("x", created().publicAccessCidrs(List.of("203.0.113.0/24")).build(), null))
                .hasMessageContaining("publicAccessCidrs = [203.0.113.0/24] and endpointPublicAccess = false: apply only to a public endpoint");
        assertThatThrownBy(() -> new EksCluster("x", created().logRetentionDays(0).build(), null))
                .hasMessageContaining("logRetentionDays = 0: must be one of CloudWatch Logs' retention values");
    }

    @Test
    void badAddOnChoicesOfTheClusterAreReported() {
        assertThatThrownBy(() -> new EksCluster("x", created().podIdentityAgent("existing").build(), null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("podIdentityAgent = \"existing\" and create = true: a cluster Strata creates has no eks-pod-identity-agent");
        assertThatThrownBy(() -> new EksCluster("x", created().podIdentityAgent("maybe").build(), null))
                .hasMessageContaining("podIdentityAgent = \"maybe\": must be one of create, existing");
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().create(false).clusterName("c").podIdentityAgent("existing")
                .podIdentityAgentVersion("v1.3.4-eksbuild.1").build(), null))
                .hasMessageContaining("podIdentityAgentVersion = \"v1.3.4-eksbuild.1\" and podIdentityAgent = \"existing\"");
        assertThatThrownBy(() -> new EksCluster("x", EksClusterArgs.builder().create(false).clusterName("c")
                .vpcCniVersion("v1.19.2-eksbuild.1").build(), null))
                .hasMessageContaining("vpcCniVersion = \"v1.19.2-eksbuild.1\" and create = false");
        assertThatThrownBy(() -> new EksCluster("x", created().vpcCniVersion("latest").build(), null))
                .hasMessageContaining("vpcCniVersion = \"latest\": must be a pinned EKS add-on version");
    }

    @Test
    void anExistingDriverGetsTheGrantsOnItsOwnRoleAndNothingIsInstalled() {
        Plan plan = run(() -> new CsiDriver("prod-efs-csi", CsiDriverArgs.builder().driver("efs").use("existing")
                .roleName("platform-efs-csi").build(), null));
        assertThat(plan.ofType(EKS_ADDON)).isEmpty();
        assertThat(plan.ofType(IAM_ROLE)).isEmpty();
        assertThat(plan.ofType(IAM_ROLE_POLICY)).singleElement().satisfies(policy -> assertThat(policy.inputs())
                .containsEntry("role", "platform-efs-csi").containsEntry("name", "prod-efs-csi-efs-csi-access-points"));
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
        assertThatThrownBy(() -> new CsiDriver("d", CsiDriverArgs.builder().driver("efs").use("existing").build(), null))
                .hasMessageContaining("roleName: is required by use = \"existing\"");
        assertThatThrownBy(() -> new CsiDriver("d", CsiDriverArgs.builder().clusterName(Output.of("c"))
                .oidcProviderArn(Output.of("arn:aws:iam::1:oidc-provider/x")).oidcIssuer(Output.of("https://x"))
                .driver("fsx").use("create").roleName("r").build(), null))
                .hasMessageContaining("roleName = \"r\" and use = \"create\": applies only to an existing driver");
        assertThatThrownBy(() -> new CsiDriver("d", CsiDriverArgs.builder().driver("fsx").build(), null))
                .hasMessageContaining("clusterName/oidcProviderArn/oidcIssuer: are required to create the add-on");
        assertThat(run(() -> new CsiDriver("d", valid.driver("fsx").dynamicProvisioning(false).build(), null))
                .ofType(IAM_ROLE_POLICY)).extracting(PlannedResource::name)
                .containsExactly("d-describe-fsx-file-systems");
    }

    @Test
    void theRecordingEngineAnswersTheClusterLookUpsAndNoOther() {
        // The recording engine answers getCluster for any name: a plan shows what the program asks, not whether it exists.
        assertThat(run(() -> new EksCluster("a", EksClusterArgs.builder().create(false).clusterName("a").build(), null)).resources())
                .isNotEmpty();
        assertThatThrownBy(() -> PlanRunner.run("dev", new RecordingMocks("eu-west-1"), ctx ->
                com.pulumi.aws.eks.EksFunctions.getAddon(com.pulumi.aws.eks.inputs.GetAddonArgs.builder()
                        .addonName("x").clusterName("y").build()).applyValue(r -> r)))
                .isInstanceOf(PlanFailedException.class).hasMessageContaining("no answer for the provider function aws:eks/getAddon");
    }
}

package dev.strata.cluster;

import com.pulumi.core.Output;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.strata.testing.Fixtures.SUBNET_IDS;
import static dev.strata.testing.Fixtures.keyArn;
import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.VPC_ID;
import static dev.strata.testing.ResourceTypes.EC2_LAUNCH_TEMPLATE;
import static dev.strata.testing.ResourceTypes.EKS_NODE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** EksCluster's inference node group with plain Args: hardened like the general nodes, RAID0 at boot, checked types. */
public class InferenceNodeGroupTest {
    private static final String KEY = keyArn("eu-west-1");

    private RecordingMocks mocks;

    private Plan created(InferenceNodeGroupArgs group) {
        mocks = new RecordingMocks("eu-west-1");
        return PlanRunner.run("dev", mocks, ctx -> new EksCluster("team", EksClusterArgs.builder().vpcId(VPC_ID)
                .privateSubnetIds(SUBNET_IDS).secretsKeyArn(Output.of(KEY)).nodeSecurityGroupId(NODE_SECURITY_GROUP_ID)
                .inferenceNodeGroup(group).build(), null));
    }

    private static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    /** The user data's parts, decoded: content type to body. */
    public static Map<String, String> parts(Object base64) {
        String document = new String(Base64.getDecoder().decode(String.valueOf(base64)), StandardCharsets.UTF_8);
        assertThat(document).startsWith("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"//STRATA//\"\n");
        assertThat(document).endsWith("--//STRATA//--\n");
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        for (String part : document.split("--//STRATA//")) {
            if (part.startsWith("\nContent-Type: ")) {
                int headerEnd = part.indexOf("\n\n");
                parts.put(part.substring("\nContent-Type: ".length(), headerEnd), part.substring(headerEnd + 2));
            }
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    @Test
    void theInferenceNodesAreHardenedLikeTheGeneralNodesAndAssembleTheirInstanceStoresInRaid0() {
        Plan plan = created(InferenceNodeGroupArgs.builder().instanceTypes(List.of("i4i.xlarge", "i4i.2xlarge"))
                .labels(Map.of("strata.dev/node-pool", "inference")).taints(Map.of("strata.dev/node-pool", "inference"))
                .bootScript("#!/bin/bash\necho cache\n").build());
        Map<String, Object> group = named(plan, EKS_NODE_GROUP, "team-inference-nodes").inputs();
        assertThat(group).containsEntry("amiType", "AL2023_x86_64_STANDARD")
                .containsEntry("instanceTypes", List.of("i4i.xlarge", "i4i.2xlarge"))
                .containsEntry("scalingConfig", Map.of("desiredSize", 1L, "minSize", 1L, "maxSize", 2L))
                .containsEntry("subnetIds", SUBNET_IDS)
                .containsEntry("labels", Map.of("strata.dev/node-pool", "inference"))
                .containsEntry("taints", List.of(Map.of("key", "strata.dev/node-pool", "value", "inference", "effect", "NO_SCHEDULE")))
                .containsEntry("launchTemplate", Map.of("id", "team-inference-nodes-id", "version", "1"))
                .containsEntry("nodeRoleArn", named(plan, EKS_NODE_GROUP, "team-nodes").inputs().get("nodeRoleArn"))
                .doesNotContainKey("remoteAccess");
        Map<String, Object> template = named(plan, EC2_LAUNCH_TEMPLATE, "team-inference-nodes").inputs();
        Map<String, Object> general = named(plan, EC2_LAUNCH_TEMPLATE, "team-nodes").inputs();
        assertThat(template.get("blockDeviceMappings")).isEqualTo(List.of(Map.of("deviceName", "/dev/xvda",
                "ebs", Map.of("encrypted", "true", "volumeType", "gp3", "volumeSize", 50L, "deleteOnTermination", "true"))));
        assertThat(template.get("metadataOptions")).isEqualTo(Map.of("httpEndpoint", "enabled", "httpTokens", "required",
                "httpPutResponseHopLimit", 1L)).isEqualTo(general.get("metadataOptions"));
        assertThat(template.get("vpcSecurityGroupIds")).isEqualTo(general.get("vpcSecurityGroupIds"));
        assertThat(template).doesNotContainKey("networkInterfaces");
        Map<String, String> parts = parts(template.get("userData"));
        assertThat(parts.keySet()).containsExactly("application/node.eks.aws", "text/x-shellscript; charset=\"us-ascii\"");
        Map<String, Object> nodeConfig = new Yaml().load(parts.get("application/node.eks.aws"));
        assertThat(nodeConfig).isEqualTo(Map.of("apiVersion", "node.eks.aws/v1alpha1", "kind", "NodeConfig",
                "spec", Map.of("instance", Map.of("localStorage", Map.of("strategy", "RAID0")))));
        assertThat(parts.get("text/x-shellscript; charset=\"us-ascii\"")).isEqualTo("#!/bin/bash\necho cache\n\n");
        // The node group waits for what the general one waits for: its role's policies and the VPC CNI add-on.
        assertThat(named(plan, EKS_NODE_GROUP, "team-inference-nodes").dependencies())
                .containsAll(named(plan, EKS_NODE_GROUP, "team-nodes").dependencies().stream()
                        .filter(urn -> !urn.contains("LaunchTemplate")).toList());
    }

    @Test
    void gpuTypesTakeTheNvidiaAmi() {
        Plan plan = created(InferenceNodeGroupArgs.builder().instanceTypes(List.of("g5.xlarge", "g5.2xlarge")).build());
        assertThat(named(plan, EKS_NODE_GROUP, "team-inference-nodes").inputs()).containsEntry("amiType", "AL2023_x86_64_NVIDIA")
                .doesNotContainKeys("labels", "taints");
    }

    @Test
    void noInferenceGroupUnlessAsked() {
        mocks = new RecordingMocks("eu-west-1");
        Plan plan = PlanRunner.run("dev", mocks, ctx -> new EksCluster("team", EksClusterArgs.builder().vpcId(VPC_ID)
                .privateSubnetIds(SUBNET_IDS).secretsKeyArn(Output.of(KEY)).build(), null));
        assertThat(plan.ofType(EKS_NODE_GROUP)).extracting(PlannedResource::name).containsExactly("team-nodes");
    }

    @Test
    void typesWithoutInstanceStoreOrOfTwoAmiTypesAreRefusedBeforeAnythingRegisters() {
        assertThatThrownBy(() -> created(InferenceNodeGroupArgs.builder().instanceTypes(List.of("m6i.xlarge")).build()))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("inferenceNodeGroup.instanceTypes[0] = \"m6i.xlarge\": has no instance-store NVMe SSD");
        assertThat(mocks.resources()).isEmpty();
        assertThatThrownBy(() -> created(InferenceNodeGroupArgs.builder().instanceTypes(List.of("m6gd.xlarge", "m6id.xlarge")).build()))
                .hasMessageContaining("inferenceNodeGroup.instanceTypes = [m6gd.xlarge, m6id.xlarge]: need one AMI type");
        assertThatThrownBy(() -> created(InferenceNodeGroupArgs.builder().minSize(3).rootVolumeGiB(10)
                .labels(Map.of("bad key", "v")).build()))
                .hasMessageContainingAll("inferenceNodeGroup.desiredSize = 1 and inferenceNodeGroup.minSize/inferenceNodeGroup.maxSize",
                        "inferenceNodeGroup.rootVolumeGiB = 10", "inferenceNodeGroup.labels.bad key = \"bad key\": must be a Kubernetes label key");
    }

    @Test
    void anAdoptedClusterTakesNoInferenceGroup() {
        mocks = new RecordingMocks("eu-west-1");
        assertThatThrownBy(() -> PlanRunner.run("prod", mocks, ctx -> new EksCluster("team", EksClusterArgs.builder().create(false)
                .clusterName("team-cluster").inferenceNodeGroup(InferenceNodeGroupArgs.builder().build()).build(), null)))
                .hasMessageContaining("inferenceNodeGroup = \"(set)\" and create = false: applies only to a cluster Strata creates");
        assertThat(mocks.resources()).isEmpty();
    }

    @Test
    void theTableIsTheCitedOneAndEveryTypeHasNvme() {
        assertThat(InstanceStore.of("i4i.xlarge")).contains(new InstanceStore("i4i.xlarge", 1, 937, "AL2023_x86_64_STANDARD"));
        assertThat(InstanceStore.of("m6id.large")).contains(new InstanceStore("m6id.large", 1, 118, "AL2023_x86_64_STANDARD"));
        assertThat(InstanceStore.of("i3en.24xlarge").orElseThrow().totalGb()).isEqualTo(60_000);
        assertThat(InstanceStore.of("p4d.24xlarge")).contains(new InstanceStore("p4d.24xlarge", 8, 1000, "AL2023_x86_64_NVIDIA"));
        assertThat(InstanceStore.of("m6gd.xlarge").orElseThrow().amiType()).isEqualTo("AL2023_ARM_64_STANDARD");
        assertThat(InstanceStore.of("trn1.2xlarge").orElseThrow().amiType()).isEqualTo("AL2023_x86_64_NEURON");
        // EBS-only types are not in it.
        for (String ebsOnly : List.of("m6i.xlarge", "c6i.xlarge", "r6i.xlarge", "inf2.xlarge", "t3.medium")) {
            assertThat(InstanceStore.of(ebsOnly)).as(ebsOnly).isEmpty();
        }
        assertThat(InstanceStore.all().values()).allSatisfy(store -> {
            assertThat(store.disks()).isBetween(1, 24);
            assertThat(store.diskGb()).isPositive();
            assertThat(store.amiType()).startsWith("AL2023_");
        });
    }
}

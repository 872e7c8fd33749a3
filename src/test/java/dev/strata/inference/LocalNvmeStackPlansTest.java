package dev.strata.inference;

import dev.strata.stack.StrataStack;
import dev.strata.cluster.InferenceNodeGroupTest;
import dev.strata.cluster.InstanceStore;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.stack.StrataSettings;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanJson;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import dev.strata.App;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.strata.testing.ResourceTypes.EC2_LAUNCH_TEMPLATE;
import static dev.strata.testing.ResourceTypes.EKS_NODE_GROUP;
import static dev.strata.testing.ResourceTypes.K8S_CLUSTER_ROLE;
import static dev.strata.testing.ResourceTypes.K8S_CLUSTER_ROLE_BINDING;
import static dev.strata.testing.ResourceTypes.K8S_CONFIG_MAP;
import static dev.strata.testing.ResourceTypes.K8S_DAEMON_SET;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME;
import static dev.strata.testing.ResourceTypes.K8S_SERVICE_ACCOUNT;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static org.assertj.core.api.Assertions.assertThat;

/** The L2 cache in the three stacks' plans: what the acceptance asks of dev, staging and prod. */
class LocalNvmeStackPlansTest {
    private static Plan planOf(String stack) {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of(""), stack));
        StrataSettings settings = SettingsParser.parse(config.strataValues());
        return PlanRunner.run(stack, new RecordingMocks(config.awsRegion().orElseThrow()), ctx -> StrataStack.define(ctx, settings));
    }

    private static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging"})
    void aCreatedClustersInferenceNodesHaveInstanceStoreNvmeAssembledInRaid0AtBoot(String stack) {
        Plan plan = planOf(stack);
        Map<String, Object> group = named(plan, EKS_NODE_GROUP, stack + "-inference-nodes").inputs();
        @SuppressWarnings("unchecked") List<String> types = (List<String>) group.get("instanceTypes");
        assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(InstanceStore.of(type)).as(type).isPresent());
        assertThat(group).containsEntry("amiType", InstanceStore.of(types.get(0)).orElseThrow().amiType())
                .containsEntry("labels", Map.of("strata.dev/node-pool", "inference"))
                .containsEntry("taints", List.of(Map.of("key", "strata.dev/node-pool", "value", "inference", "effect", "NO_SCHEDULE")));
        Map<String, Object> template = named(plan, EC2_LAUNCH_TEMPLATE, stack + "-inference-nodes").inputs();
        assertThat(template.get("metadataOptions")).isEqualTo(Map.of("httpEndpoint", "enabled", "httpTokens", "required",
                "httpPutResponseHopLimit", 1L));
        Map<String, String> parts = InferenceNodeGroupTest.parts(template.get("userData"));
        Map<String, Object> nodeConfig = new Yaml().load(parts.get("application/node.eks.aws"));
        assertThat(nodeConfig).containsEntry("apiVersion", "node.eks.aws/v1alpha1").containsEntry("kind", "NodeConfig")
                .containsEntry("spec", Map.of("instance", Map.of("localStorage", Map.of("strategy", "RAID0"))));
        // The boot step that puts the cache where the provisioner and the warm-up look.
        assertThat(parts.get("text/x-shellscript; charset=\"us-ascii\"")).isEqualTo(NvmeNode.defaults().bootScript() + "\n");
    }

    @Test
    void prodAdoptsItsClusterSoItsInferenceNodesAreFoundByLabel() {
        Plan plan = planOf("prod");
        assertThat(plan.ofType(EKS_NODE_GROUP)).isEmpty();
        Map<String, Object> pod = InferenceStorageTest.at(named(plan, K8S_DAEMON_SET, "prod-local-volume-provisioner")
                .inputs(), "spec", "template", "spec");
        assertThat(pod).containsEntry("nodeSelector", Map.of("strata.dev/node-pool", "inference", "kubernetes.io/os", "linux"));
        // The warm-up runs prod's image by digest.
        Map<String, Object> warmup = InferenceStorageTest.at(named(plan, K8S_DAEMON_SET, "prod-cache-warmup").inputs(),
                "spec", "template", "spec", "containers", "0");
        assertThat((String) warmup.get("image")).matches(".+@sha256:[0-9a-f]{64}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void noPlanPinsAVolumeOrAPodToAHostname(String stack) {
        Plan plan = planOf(stack);
        assertThat(plan.ofType(K8S_PERSISTENT_VOLUME)).noneMatch(pv -> pv.urn().contains(InferenceStorage.TYPE));
        assertThat(PlanJson.render(plan)).doesNotContain("kubernetes.io/hostname").doesNotContain("\"nodeName\"");
        // Every L2 object is in the plan: the class, and the provisioner's five objects.
        assertThat(plan.resources()).filteredOn(r -> r.name().equals(stack + "-local-volume-provisioner")).extracting(PlannedResource::type)
                .containsExactlyInAnyOrder(K8S_SERVICE_ACCOUNT, K8S_CLUSTER_ROLE,
                        K8S_CLUSTER_ROLE_BINDING, K8S_CONFIG_MAP,
                        K8S_DAEMON_SET);
        assertThat(named(plan, K8S_STORAGE_CLASS, stack + "-local-nvme").inputs())
                .containsEntry("provisioner", "kubernetes.io/no-provisioner").containsEntry("reclaimPolicy", "Delete")
                .containsEntry("volumeBindingMode", "WaitForFirstConsumer");
    }

    /**
     * {@code strata plan} exits 2, naming the key, for an instance type without instance storage and for
     * the old list of nodes by hostname, and prints no plan.
     */
    @Test
    void strataPlanExitsTwoNamingTheKeyForATypeWithoutInstanceStoreOrTheOldNodesList(@TempDir Path dir) throws Exception {
        String dev = Files.readString(Path.of("Pulumi.dev.yaml"));
        String group = "      nodeGroup:\n        instanceTypes:\n          - m6id.large\n";
        assertThat(dev).contains(group);
        Map<String, String> cases = Map.of(
                "strata:inference.nvme.nodeGroup.instanceTypes[0] = \"m6i.xlarge\": has no instance-store NVMe SSD",
                dev.replace(group, "      nodeGroup:\n        instanceTypes:\n          - m6i.xlarge\n"),
                "strata:inference.nvme.nodes = \"(set)\": was removed: nodes are no longer listed by hostname",
                dev.replace(group, "      nodes:\n        - hostname: ip-10-10-1-20.ec2.internal\n          path: /mnt/nvme\n"
                        + "          capacity: 500Gi\n      nodeGroup:\n        instanceTypes:\n          - m6id.large\n"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = dir.resolve("Pulumi.dev.yaml");
            Files.writeString(file, c.getValue());
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code = App.run(new String[]{"plan", "--stack", "dev", "--config-file", file.toString()}, Path.of("").toAbsolutePath(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(c.getKey());
        }
    }
}

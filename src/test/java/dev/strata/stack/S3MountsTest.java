package dev.strata.stack;

import com.google.gson.Gson;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stacks' Mountpoint volumes: dev and staging install the Mountpoint add-on on an IRSA role trusted by exactly
 * {@code kube-system/s3-csi-driver-sa}, and mount the model archive's {@code models/} and the training bucket's
 * {@code datasets/} read-only; the role reads exactly those prefixes and decrypts with exactly their keys; prod
 * mounts nothing.
 */
@SuppressWarnings("unchecked")
class S3MountsTest {
    private static final Gson GSON = new Gson();
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String ACCOUNT = RecordingMocks.ACCOUNT_ID;

    /** The exact read grant of a prefix: objects under it, listing limited to it, decrypt with the key through S3. */
    private static String readGrant(String bucket, String prefix, String key) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"ReadObjects\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/" + prefix + "*\"},"
                + "{\"Sid\":\"ListObjects\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::" + bucket + "\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"" + prefix + "*\"]}}},"
                + "{\"Sid\":\"DecryptThroughS3\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:us-east-1:" + ACCOUNT
                + ":key/" + key + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}}]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging"})
    void devAndStagingInstallTheAddOnOnItsOwnRoleAndGrantItReadOnTheTwoPrefixesOnly(String stack) {
        Plan plan = StackPlans.plan(stack);
        PlannedResource addon = plan.ofType("aws:eks/addon:Addon").stream()
                .filter(a -> "aws-mountpoint-s3-csi-driver".equals(a.inputs().get("addonName"))).findFirst().orElseThrow();
        assertThat(addon.inputs()).containsEntry("addonVersion", "v2.7.0-eksbuild.1")
                .containsEntry("serviceAccountRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + stack + "-s3-csi-id");
        PlannedResource role = plan.ofType("aws:iam/role:Role").stream().filter(r -> r.name().equals(stack + "-s3-csi")).findFirst()
                .orElseThrow();
        Map<String, Object> trust = GSON.fromJson((String) role.inputs().get("assumeRolePolicy"), Map.class);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) trust.get("Statement");
        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(statement.get("Action")).isEqualTo("sts:AssumeRoleWithWebIdentity");
            assertThat(GSON.toJson(statement.get("Condition"))).contains("\"system:serviceaccount:kube-system:s3-csi-driver-sa\"")
                    .contains("\"sts.amazonaws.com\"");
        });
        List<PlannedResource> policies = plan.ofType(ROLE_POLICY).stream()
                .filter(p -> p.inputs().get("role").equals(stack + "-s3-csi-id")).toList();
        assertThat(policies).extracting(p -> p.inputs().get("policy")).containsExactlyInAnyOrder(
                readGrant("strata-" + stack + "-model-archive-plan", "models/", stack + "-inference-id"),
                readGrant("strata-" + stack + "-training-data-plan", "datasets/", stack + "-training-id"));
        assertThat(plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .noneMatch(a -> String.valueOf(a.inputs().get("role")).equals(stack + "-s3-csi-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging"})
    void bothVolumesAreReadOnlyInTheirTiersNamespaces(String stack) {
        Plan plan = StackPlans.plan(stack);
        List<PlannedResource> volumes = plan.ofType("kubernetes:core/v1:PersistentVolume").stream()
                .filter(v -> "s3.csi.aws.com".equals(((Map<String, Object>) ((Map<String, Object>) v.inputs().get("spec")).get("csi")).get("driver")))
                .toList();
        assertThat(volumes).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder(stack + "-model-archive-s3-pv", stack + "-training-datasets-s3-pv");
        for (PlannedResource volume : volumes) {
            Map<String, Object> spec = (Map<String, Object>) volume.inputs().get("spec");
            assertThat(spec.get("accessModes")).isEqualTo(List.of("ReadOnlyMany"));
            assertThat((List<String>) spec.get("mountOptions")).contains("read-only", "region us-east-1").doesNotContain("allow-other");
        }
        Map<String, Map<String, Object>> specs = new java.util.HashMap<>();
        volumes.forEach(v -> specs.put(v.name(), (Map<String, Object>) v.inputs().get("spec")));
        Map<String, Object> archive = specs.get(stack + "-model-archive-s3-pv");
        assertThat((Map<String, Object>) archive.get("claimRef")).containsEntry("namespace", "ml-inference");
        assertThat((List<String>) archive.get("mountOptions")).contains("prefix models/");
        // Both stacks have L2 nodes: the archive caches on them, 10Gi at most.
        assertThat((Map<String, Object>) ((Map<String, Object>) archive.get("csi")).get("volumeAttributes"))
                .containsEntry("cache", "emptyDir").containsEntry("cacheEmptyDirSizeLimit", "10Gi");
        Map<String, Object> datasets = specs.get(stack + "-training-datasets-s3-pv");
        assertThat((Map<String, Object>) datasets.get("claimRef")).containsEntry("namespace", "ml-training");
        assertThat((List<String>) datasets.get("mountOptions")).contains("prefix datasets/");
        assertThat((Map<String, Object>) ((Map<String, Object>) datasets.get("csi")).get("volumeAttributes")).doesNotContainKey("cache");
    }

    @Test
    void noIdentityCanWriteThroughTheDriverAndProdMountsNothing() {
        for (String stack : List.of("dev", "staging")) {
            Plan plan = StackPlans.plan(stack);
            plan.ofType(ROLE_POLICY).stream().filter(p -> p.inputs().get("role").equals(stack + "-s3-csi-id"))
                    .forEach(p -> assertThat((String) p.inputs().get("policy"))
                            .doesNotContain("s3:Put", "s3:Delete", "s3:AbortMultipartUpload", "kms:GenerateDataKey", "\"*\""));
        }
        Plan prod = StackPlans.plan("prod");
        assertThat(prod.ofType("aws:eks/addon:Addon")).noneMatch(a -> "aws-mountpoint-s3-csi-driver".equals(a.inputs().get("addonName")));
        assertThat(prod.ofType("strata:cluster:MountpointVolume")).isEmpty();
        assertThat(prod.outputs()).doesNotContainKey("s3Volumes");
    }

    private static final Map<String, Object> NETWORK = Map.of("vpcId", "vpc-0abc1234def567890",
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829"), "nodeSecurityGroupId", "sg-0c3d4e5f607182930");

    @Test
    void aVolumeTurnedOnNeedsItsTierAndTheArchiveCachesOnlyWithL2() {
        assertThat(SettingsParserTest.problems(Map.of("environment", "dev", "network", NETWORK, "cluster", Map.of("s3Volumes",
                Map.of("modelArchive", Map.of("enabled", true), "trainingDatasets", Map.of("enabled", true))))))
                .anyMatch(p -> p.startsWith("strata:cluster.s3Volumes.modelArchive.enabled = true and strata:inference"))
                .anyMatch(p -> p.startsWith("strata:cluster.s3Volumes.trainingDatasets.enabled = true and strata:training"));
        assertThat(SettingsParserTest.problems(Map.of("environment", "dev", "network", NETWORK, "inference", Map.of("nvme", Map.of("enabled", false)),
                "cluster", Map.of("s3Volumes", Map.of("modelArchive", Map.of("cacheSize", "10Gi"))))))
                .anyMatch(p -> p.startsWith("strata:cluster.s3Volumes.modelArchive.cacheSize = \"10Gi\" and strata:inference.nvme.enabled"));
        // The valid counterparts: no tier and the default (on in dev) mounts nothing; a cache with L2 is accepted.
        SettingsParser.parse(Map.of("environment", "dev", "network", NETWORK, "cluster", Map.of()));
        SettingsParser.parse(Map.of("environment", "dev", "network", NETWORK, "inference", Map.of(),
                "cluster", Map.of("s3Volumes", Map.of("modelArchive", Map.of("cacheSize", "20Gi")))));
    }

    @Test
    void theMountedDatasetsPrefixMustNotBeArchivedByTheTrainingLifecycle() {
        // archive/ goes to GLACIER at once (the training bucket's default lifecycle): Mountpoint could not read it.
        assertThat(SettingsParserTest.problems(Map.of("environment", "dev", "network", NETWORK, "training", Map.of(),
                "cluster", Map.of("s3Volumes", Map.of("trainingDatasets", Map.of("prefix", "archive/"))))))
                .anyMatch(p -> p.startsWith("strata:training.coldArchive.lifecycle[") && p.contains("= \"GLACIER\" and "
                        + "strata:cluster.s3Volumes.trainingDatasets.prefix = \"archive/\": Mountpoint for Amazon S3 cannot read"));
        // The default datasets/ stays in STANDARD_IA; turned off, archive/ is no mount's concern.
        SettingsParser.parse(Map.of("environment", "dev", "network", NETWORK, "training", Map.of(), "cluster", Map.of()));
        SettingsParser.parse(Map.of("environment", "dev", "network", NETWORK, "training", Map.of(),
                "cluster", Map.of("s3Volumes", Map.of("trainingDatasets", Map.of("prefix", "archive/", "enabled", false)))));
    }
}

package dev.strata.inference;

import com.pulumi.core.Output;
import dev.strata.stack.StrataStack;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.stack.StrataSettings;
import dev.strata.datalake.SecureBucket;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanJson;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stacks' plans: all four levels in prod, what a model server needs in the outputs (the mermaid view: PlanMermaidTest). */
class InferencePlanTest {
    private RecordingMocks mocks;

    private Plan planOf(String stack) {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of(""), stack));
        StrataSettings settings = SettingsParser.parse(config.strataValues());
        mocks = new RecordingMocks(config.awsRegion().orElseThrow());
        return PlanRunner.run(stack, mocks, ctx -> StrataStack.define(ctx, settings));
    }

    private static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @Test
    void prodShowsAllFourLevelsProtected() {
        Plan plan = planOf("prod");
        assertThat(plan.ofType(InferenceStorage.TYPE)).hasSize(1);
        assertThat(plan.ofType(CacheLevel.TYPE)).extracting(r -> r.inputs().get("enabled")).containsExactly(true, true, true, true);
        PlannedResource redis = named(plan, InferenceStorageTest.REPLICATION_GROUP, "prod-redis");
        assertThat(redis.inputs()).containsEntry("atRestEncryptionEnabled", true)
                .containsEntry("kmsKeyId", "arn:aws:kms:us-west-2:123456789012:key/prod-inference-id")
                .containsEntry("transitEncryptionEnabled", true).containsEntry("transitEncryptionMode", "required")
                .containsEntry("userGroupIds", List.of("strata-prod-model-cache"))
                .containsEntry("nodeType", "cache.r7g.2xlarge").containsEntry("numCacheClusters", 2L)
                .containsEntry("automaticFailoverEnabled", true).containsEntry("multiAzEnabled", true);
        assertThat(redis.protect()).isTrue();
        // L2 on the platform team's labelled nodes: no volume listed ahead, the provisioner finds them.
        assertThat(plan.ofType(InferenceStorageTest.PV)).filteredOn(pv -> pv.name().startsWith("prod-nvme-")).isEmpty();
        assertThat(named(plan, InferenceStorageTest.DAEMON_SET, "prod-local-volume-provisioner").parent())
                .isEqualTo(named(plan, CacheLevel.TYPE, "prod-l2-local-nvme").urn());
        assertThat(named(plan, InferenceStorageTest.STORAGE_CLASS, "prod-efs-models").inputs())
                .containsEntry("reclaimPolicy", "Retain");
        assertThat(named(plan, "aws:efs/fileSystem:FileSystem", "prod-model-repository").protect()).isTrue();
        assertThat(named(plan, "aws:s3/bucketV2:BucketV2", "prod-model-archive").protect()).isTrue();
        assertThat(named(plan, "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
                "prod-model-archive-object-lock").inputs())
                .containsEntry("rule", Map.of("defaultRetention", Map.of("mode", "GOVERNANCE", "days", 30L)));
        assertThat(plan.ofType(InferenceStorageTest.DAEMON_SET)).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("prod-local-volume-provisioner", "prod-cache-warmup");
    }

    @Test
    void theInferenceKeyServesS3EfsAndElastiCacheThroughIamAndTheirOwnGrants() {
        Plan plan = planOf("prod");
        // S3, EFS and ElastiCache need nothing of the key policy but KMS's default account-root statement.
        String policy = String.valueOf(named(plan, "aws:kms/key:Key", "prod-inference").inputs().get("policy"));
        assertThat(policy).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AccountAdministersKeyThroughIam\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}");
        assertThat(named(plan, "aws:kms/alias:Alias", "prod-inference").inputs()).containsEntry("name", "alias/strata-prod-inference");
    }

    @Test
    void exactlyOneKubernetesProviderIsUsedByEveryKubernetesObject() {
        Plan plan = planOf("prod");
        assertThat(plan.ofType("pulumi:providers:kubernetes")).extracting(PlannedResource::name).containsExactly("prod-k8s");
        List<PlannedResource> inferenceObjects = plan.resources().stream()
                .filter(r -> r.type().startsWith("kubernetes:") && r.urn().contains(InferenceStorage.TYPE)).toList();
        assertThat(inferenceObjects).hasSize(2 + 1 + 5 + 1); // 2 classes, the claim, the provisioner's 5 objects, the warm-up
        assertThat(inferenceObjects).allSatisfy(r -> assertThat(mocks.resource(r.type(), r.name()).orElseThrow().provider)
                .endsWith("pulumi:providers:kubernetes::prod-k8s::prod-k8s-id"));
    }

    @Test
    void outputsTellAModelServerWhereEachLevelIs() {
        Plan plan = planOf("prod");
        assertThat(plan.outputs().get("inference")).isEqualTo(Map.of(
                "l1Redis", Map.of("enabled", true,
                        "endpoint", "master.strata-prod-model-cache.plan.cache.amazonaws.com",
                        "readerEndpoint", "replica.strata-prod-model-cache.plan.cache.amazonaws.com",
                        "port", 6379, "tls", true, "authentication", "iam", "userName", "strata-prod-inference"),
                "l2LocalNvme", Map.of("enabled", true, "storageClass", "local-nvme", "nodeLabel", "strata.dev/node-pool=inference",
                        "mountPath", "/mnt/strata-local-nvme/cache"),
                "l3Efs", Map.of("storageClass", "efs-models", "claim", "shared-models-pvc", "namespace", "ml-inference",
                        "fileSystemId", "prod-model-repository-id"),
                "l4S3", Map.of("bucket", "strata-prod-model-archive-plan", "objectLockDays", 30)));
    }

    @Test
    void devHasNoRedisAndNothingProtected() {
        Plan plan = planOf("dev");
        assertThat(plan.resources()).noneMatch(r -> r.type().startsWith("aws:elasticache/"));
        assertThat(named(plan, CacheLevel.TYPE, "dev-l1-redis").inputs()).containsEntry("enabled", false);
        assertThat(plan.resources()).noneMatch(PlannedResource::protect);
        @SuppressWarnings("unchecked") Map<String, Object> levels = (Map<String, Object>) plan.outputs().get("inference");
        assertThat(levels.get("l1Redis")).isEqualTo(Map.of("enabled", false));
    }

    @Test
    void noSecretValueAppearsInAnyStacksPlan() {
        for (String stack : List.of("dev", "staging", "prod")) {
            String json = PlanJson.render(planOf(stack)).toLowerCase();
            assertThat(json).as(stack).doesNotContain("\"passwords\"", "authtoken", "[secret]", "aws_secret_access_key",
                    "aws_access_key_id", "secretkeyref");
        }
    }

    @Test
    void secureBucketRefusesObjectLockWithoutVersioningOrOnALogDestination() {
        assertThatThrownBy(() -> PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> new SecureBucket("b",
                SecureBucketArgs.builder().tier("t").kmsKeyArn(Output.of("k")).versioning(false).objectLockDays(5).build(), null)))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("objectLockDays = 5 and versioning = false: Object Lock needs versioning");
        assertThatThrownBy(() -> PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> new SecureBucket("b",
                SecureBucketArgs.builder().tier("t").accessLogDestination(true).versioning(true).objectLockDays(5).build(), null)))
                .hasMessageContaining("objectLockDays = 5 and accessLogDestination = true");
        Plan plan = PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> new SecureBucket("b",
                SecureBucketArgs.builder().tier("t").kmsKeyArn(Output.of("k")).objectLockDays(5).build(), null));
        assertThat(plan.ofType("aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2")).hasSize(1);
    }
}

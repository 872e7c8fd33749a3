package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import dev.strata.core.Problems;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.Fixtures.network;
import static dev.strata.testing.ResourceTypes.EFS_FILE_SYSTEM;
import static dev.strata.testing.ResourceTypes.ELASTICACHE_REPLICATION_GROUP;
import static dev.strata.testing.ResourceTypes.K8S_CONFIG_MAP;
import static dev.strata.testing.ResourceTypes.K8S_DAEMON_SET;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME_CLAIM;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static dev.strata.testing.ResourceTypes.S3_OBJECT_LOCK;
import static dev.strata.inference.InferenceStorageTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each Args class built from its defaults alone: the component gets the defaults the Args document
 * ({@code Default:}), read from the one constant that holds each.
 */
class InferenceArgsDefaultsTest {

    private static Plan plan(UnaryOperator<InferenceStorageArgs.Builder> customize) {
        return PlanRunner.run("prod", new RecordingMocks("us-east-1"), ctx -> new InferenceStorage("prod",
                customize.apply(InferenceStorageArgs.builder().kmsKeyArn(Output.of(KEY_ARN))
                        .network(network().build())).build(),
                InferenceStorageTest.on(new Provider("prod-k8s", ProviderArgs.builder().build()))));
    }

    private static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    /** The model repository's EFS options are checked by the EFS rules, under the component's own key. */
    @Test
    void modelFileSystemProblemsAreReportedUnderItsKey() {
        Problems problems = new Problems();
        InferenceStorageArgs.builder()
                .modelFileSystem(dev.strata.efs.EfsOptionsArgs.builder().throughputMode("bursting").transitionToIaDays(30).transitionToArchiveDays(90).build())
                .build().validate(key -> key, problems);
        assertThat(problems.messages()).singleElement().asString().isEqualTo("modelFileSystem.transitionToArchiveDays = 90 and modelFileSystem.throughputMode = \"bursting\": the Archive storage class needs elastic throughput");
    }

    @Test
    void inferenceStorageArgsDefaults() {
        InferenceStorageArgs args = InferenceStorageArgs.builder().build();
        assertThat(dev.strata.core.KnownValue.of(args.namespace())).contains("ml-inference").contains(InferenceStorageArgs.DEFAULT_NAMESPACE);
        assertThat(args.serviceAccountName()).isEqualTo("model-server").isEqualTo(InferenceStorageArgs.DEFAULT_SERVICE_ACCOUNT);
        assertThat(args.modelClaimSize()).isEqualTo("100Gi");
        assertThat(args.modelBasePath()).isEqualTo("/models");
        // The model repository's EFS options are EfsOptionsArgs' own defaults: general purpose, elastic, no transition.
        assertThat(args.modelFileSystem().performanceMode()).isEqualTo("generalPurpose");
        assertThat(args.modelFileSystem().throughputMode()).isEqualTo("elastic");
        assertThat(args.modelFileSystem().transitionToIaDays()).isEmpty();
        assertThat(args.modelFileSystem().transitionToArchiveDays()).isEmpty();
        assertThat(args.localVolumeProvisionerImage()).isEqualTo("registry.k8s.io/sig-storage/local-volume-provisioner:v2.9.0");
        assertThat(args.modelFileSystem().backup()).isFalse();
        assertThat(args.protect()).isFalse();
        assertThat(args.redis()).isEmpty();
        assertThat(args.nvmeNodes()).isEmpty();
        assertThat(args.warmup()).isEmpty();
        assertThat(args.objectLockDays()).isEmpty();
        Problems problems = new Problems();
        args.validate(key -> key, problems);
        assertThat(problems.messages()).isEmpty();
    }

    @Test
    void aComponentFromTheRequiredArgsAloneGetsTheDocumentedDefaults() {
        Plan plan = plan(b -> b);
        PlannedResource claim = named(plan, K8S_PERSISTENT_VOLUME_CLAIM, "prod-shared-models");
        assertThat(InferenceStorageTest.<Object>at(claim.inputs(), "metadata", "namespace")).isEqualTo("ml-inference");
        assertThat(InferenceStorageTest.<Object>at(claim.inputs(), "metadata", "name")).isEqualTo("shared-models-pvc");
        assertThat(InferenceStorageTest.<Object>at(claim.inputs(), "spec", "resources", "requests", "storage")).isEqualTo("100Gi");
        assertThat(InferenceStorageTest.<Object>at(claim.inputs(), "spec", "storageClassName")).isEqualTo("efs-models");
        PlannedResource modelClass = named(plan, K8S_STORAGE_CLASS, "prod-efs-models");
        assertThat(InferenceStorageTest.<Object>at(modelClass.inputs(), "parameters", "basePath")).isEqualTo("/models");
        PlannedResource fileSystem = named(plan, EFS_FILE_SYSTEM, "prod-model-repository");
        assertThat(fileSystem.inputs()).containsEntry("performanceMode", "generalPurpose").containsEntry("throughputMode", "elastic")
                .containsEntry("lifecyclePolicies", List.of());
        assertThat(fileSystem.protect()).isFalse();
        // No L1, no L2, no warm-up, no Object Lock unless asked.
        assertThat(plan.ofType(CacheLevel.TYPE)).extracting(l -> l.inputs().get("enabled")).containsExactly(false, false, true, true);
        assertThat(plan.ofType(ELASTICACHE_REPLICATION_GROUP)).isEmpty();
        assertThat(plan.ofType(K8S_DAEMON_SET)).isEmpty();
        assertThat(plan.ofType(S3_OBJECT_LOCK)).isEmpty();
    }

    @Test
    void redisCacheArgsDefaults() {
        RedisCache cache = RedisCacheArgs.builder().nodeType("cache.r7g.large").build().toCache();
        assertThat(cache).isEqualTo(new RedisCache("redis", "7.1", "cache.r7g.large", 1, true, true));
        PlannedResource group = named(plan(b -> b.redis(RedisCacheArgs.builder().nodeType("cache.r7g.large").build())),
                ELASTICACHE_REPLICATION_GROUP, "prod-redis");
        assertThat(group.inputs()).containsEntry("engine", "redis").containsEntry("engineVersion", "7.1")
                .containsEntry("numCacheClusters", 2L).containsEntry("automaticFailoverEnabled", true)
                .containsEntry("multiAzEnabled", true);
    }

    @Test
    void redisCacheArgsReportTheirRequiredNodeTypeUnderTheirKey() {
        Problems problems = new Problems();
        RedisCacheArgs.builder().build().validate("redis", problems);
        assertThat(problems.messages()).singleElement().asString().startsWith("redis.nodeType: is required");
        Problems none = new Problems();
        RedisCacheArgs.builder().nodeType("cache.r7g.large").build().validate("redis", none);
        assertThat(none.messages()).isEmpty();
    }

    @Test
    void nvmeNodeArgsDefaults() {
        assertThat(NvmeNodeArgs.builder().build().toNode())
                .isEqualTo(new NvmeNode("strata.dev/node-pool=inference", "/mnt/strata-local-nvme/cache"));
        Plan plan = plan(b -> b.nvmeNodes(NvmeNodeArgs.builder().build()));
        PlannedResource provisioner = named(plan, K8S_DAEMON_SET, "prod-local-volume-provisioner");
        assertThat(InferenceStorageTest.<Object>at(provisioner.inputs(), "spec", "template", "spec", "nodeSelector"))
                .isEqualTo(Map.of("kubernetes.io/os", "linux", "strata.dev/node-pool", "inference"));
        PlannedResource config = named(plan, K8S_CONFIG_MAP, "prod-local-volume-provisioner");
        assertThat((String) at(config.inputs(), "data", "storageClassMap"))
                .contains("hostDir: /mnt/strata-local-nvme\n").contains("namePattern: \"cache\"");
    }

    @Test
    void nvmeNodeArgsReportUnderTheMappedKey() {
        Problems problems = new Problems();
        NvmeNodeArgs.builder().nodeLabel("inference").build().validate(field -> "nvmeNodes." + field, problems);
        assertThat(problems.messages()).singleElement().asString().startsWith("nvmeNodes.nodeLabel = \"inference\": must be key=value");
    }

    @Test
    void cacheWarmupArgsHaveNoDefaultsAndSayWhatIsRequired() {
        Problems problems = new Problems();
        CacheWarmupArgs.builder().prefixes(List.of()).build().validate("warmup", problems);
        assertThat(problems.messages()).hasSize(2).anySatisfy(m -> assertThat(m).startsWith("warmup.image: is required"))
                .anySatisfy(m -> assertThat(m).startsWith("warmup.prefixes: must name at least one archive prefix"));
        assertThatThrownBy(() -> plan(b -> b.nvmeNodes(NvmeNodeArgs.builder().build())
                .warmup(CacheWarmupArgs.builder().prefixes(List.of("models/")).build())))
                .isInstanceOf(PlanFailedException.class).hasMessageContaining("warmup.image: is required");
        Problems none = new Problems();
        CacheWarmupArgs.builder().image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("models/")).build()
                .validate("warmup", none);
        assertThat(none.messages()).isEmpty();
    }
}

package dev.strata.stack;

import dev.strata.stack.WorkloadSettings.Access;
import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.VPC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code strata:workloads}: the three defaults, and a valid/invalid pair for each rule. */
class WorkloadSettingsTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", VPC_ID,
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718"),
            "nodeSecurityGroupId", NODE_SECURITY_GROUP_ID);

    /**
     * A dev stack with training and inference storage on an adopted cluster, and the given workloads
     * (none: the defaults). Adopted, so that a workload set without a creator for every namespace
     * (which a created cluster refuses, ClusterSettingsTest) can be checked rule by rule.
     */
    private static StrataSettings parse(Map<String, Object> workloads, Map<String, Object> inference) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", "dev");
        values.put("network", NETWORK);
        values.put("cluster", Map.of("create", false, "name", "platform"));
        values.put("training", Map.of());
        values.put("inference", inference);
        if (workloads != null) {
            values.put("workloads", workloads);
        }
        return SettingsParser.parse(values);
    }

    private static List<WorkloadSettings> workloads(Map<String, Object> workloads) {
        return parse(workloads, Map.of()).workloads();
    }

    private static WorkloadSettings workload(Map<String, Object> workloads, String name) {
        return workloads(workloads).stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    private static void rejects(Map<String, Object> workloads, String... fragments) {
        assertThatThrownBy(() -> parse(workloads, Map.of())).isInstanceOf(InvalidConfigException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void theDefaultsAreTrainingInferenceAndTheDataPipeline() {
        assertThat(workloads(null)).containsExactly(
                new WorkloadSettings("training", "ml-training", "training-job", true,
                        List.of(Access.bucket("training", "datasets/"), Access.bucket("training", "checkpoints/"),
                                Access.zone("processed"), Access.zone("feature")),
                        List.of(Access.bucket("training", "checkpoints/"), Access.zone("model")), false, true),
                new WorkloadSettings("inference", "ml-inference", "model-server", true,
                        List.of(Access.bucket("model-archive", ""), Access.zone("model")), List.of(), false, false),
                new WorkloadSettings("data-pipeline", "ml-data", "data-pipeline", true,
                        List.of(Access.zone("raw")), List.of(Access.zone("raw"), Access.zone("processed"), Access.zone("feature")),
                        false, false));
        // With Redis on, the inference identity may connect to L1.
        assertThat(parse(null, Map.of("redis", Map.of("enabled", true, "nodeType", "cache.r7g.large"))).workloads().get(1).cache()).isTrue();
    }

    @Test
    void defaultsFollowTheStacksOwnNamesAndLeaveOutWhatItLacks() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", "dev");
        values.put("network", NETWORK);
        values.put("dataLake", Map.of("zones", Map.of("raw", Map.of(), "model", Map.of())));
        values.put("inference", Map.of("namespace", "serving", "serviceAccount", "server"));
        List<WorkloadSettings> workloads = SettingsParser.parse(values).workloads();
        assertThat(workloads.get(0).read()).isEmpty();
        assertThat(workloads.get(0).write()).containsExactly(Access.zone("model"));
        assertThat(workloads.get(0).describeFileSystems()).isFalse();
        assertThat(workloads.get(1).namespace()).isEqualTo("serving");
        assertThat(workloads.get(1).serviceAccount()).isEqualTo("server");
        assertThat(workloads.get(2).write()).containsExactly(Access.zone("raw"));
    }

    @Test
    void aWorkloadNamedLikeADefaultKeepsTheDefaultsItDoesNotSet() {
        WorkloadSettings training = workload(Map.of("training", Map.of("serviceAccount", "trainer")), "training");
        assertThat(training.serviceAccount()).isEqualTo("trainer");
        assertThat(training.read()).contains(Access.bucket("training", "datasets/"));
        WorkloadSettings custom = workload(Map.of("reports", Map.of("read", List.of(Map.of("zone", "feature", "prefix", "daily/")))), "reports");
        assertThat(custom.namespace()).isEqualTo("reports");
        assertThat(custom.serviceAccount()).isEqualTo("reports");
        assertThat(custom.read()).containsExactly(new Access(WorkloadSettings.Target.ZONE, "feature", "daily/"));
        assertThat(custom.write()).isEmpty();
    }

    @Test
    void bucketsAndZonesAreNamedByTheStacksNames() {
        assertThat(workload(Map.of("w", Map.of("write", List.of(Map.of("bucket", "model-archive")))), "w").write())
                .containsExactly(Access.bucket("model-archive", ""));
        rejects(Map.of("w", Map.of("read", List.of(Map.of("bucket", "ml-training-data")))),
                "strata:workloads.w.read[0].bucket = \"ml-training-data\": must be one of this stack's buckets: model-archive, training");
        rejects(Map.of("w", Map.of("write", List.of(Map.of("zone", "gold")))),
                "strata:workloads.w.write[0].zone = \"gold\": must be one of this stack's data-lake zones: raw, processed, feature, model");
        rejects(Map.of("w", Map.of("read", List.of(Map.of("zone", "raw", "bucket", "training")))),
                "strata:workloads.w.read[0].bucket = \"training\" and strata:workloads.w.read[0].zone = \"raw\": name exactly one");
        rejects(Map.of("w", Map.of("read", List.of(Map.of("prefix", "a/")))), "strata:workloads.w.read[0].bucket = (not set)");
    }

    @Test
    void aPrefixNeverStartsWithASlashNorHoldsWildcards() {
        assertThat(workload(Map.of("w", Map.of("read", List.of(Map.of("bucket", "training", "prefix", "datasets/images/")))), "w")
                .read()).containsExactly(Access.bucket("training", "datasets/images/"));
        rejects(Map.of("w", Map.of("read", List.of(Map.of("bucket", "training", "prefix", "/datasets/")))),
                "strata:workloads.w.read[0].prefix = \"/datasets/\": must not start with /");
        rejects(Map.of("w", Map.of("write", List.of(Map.of("zone", "raw", "prefix", "*")))),
                "strata:workloads.w.write[0].prefix = \"*\": must be a literal key prefix");
    }

    @Test
    void aBucketAndPrefixIsListedOnce() {
        assertThat(workload(Map.of("w", Map.of("read", List.of(Map.of("zone", "raw", "prefix", "a/"), Map.of("zone", "raw", "prefix", "b/")))), "w")
                .read()).hasSize(2);
        rejects(Map.of("w", Map.of("read", List.of(Map.of("zone", "raw", "prefix", "a/"), Map.of("zone", "raw", "prefix", "a")))),
                "strata:workloads.w.read[1].prefix = \"a\" and strata:workloads.w.read[0].prefix = \"a/\": the two grant the same raw prefix");
    }

    @Test
    void namespacesAndServiceAccountsAreDns1123Names() {
        assertThat(workload(Map.of("w", Map.of("namespace", "team-a", "serviceAccount", "job.runner")), "w").namespace()).isEqualTo("team-a");
        rejects(Map.of("w", Map.of("namespace", "Team_A")), "strata:workloads.w.namespace = \"Team_A\": must be a DNS-1123 label");
        rejects(Map.of("w", Map.of("namespace", "")), "strata:workloads.w.namespace: must not be empty");
        rejects(Map.of("w", Map.of("serviceAccount", "Runner!")), "strata:workloads.w.serviceAccount = \"Runner!\": must be a DNS-1123 subdomain");
        rejects(Map.of("w", Map.of("serviceAccount", "")), "strata:workloads.w.serviceAccount: must not be empty");
        rejects(Map.of("Bad_Name", Map.of()), "strata:workloads.Bad_Name = \"Bad_Name\": a workload's name must be");
    }

    @Test
    void aNamespaceHasOneOwnerAndAServiceAccountOneIdentity() {
        Map<String, Object> oneOwner = new LinkedHashMap<>();
        oneOwner.put("a", Map.of("namespace", "shared"));
        oneOwner.put("b", Map.of("namespace", "shared", "createNamespace", false));
        assertThat(workloads(oneOwner)).extracting(WorkloadSettings::createNamespace).containsExactly(true, false);
        Map<String, Object> twoOwners = new LinkedHashMap<>();
        twoOwners.put("a", Map.of("namespace", "shared"));
        twoOwners.put("b", Map.of("namespace", "shared"));
        rejects(twoOwners,
                "strata:workloads.b.createNamespace = true and strata:workloads.a.createNamespace = true: both create namespace shared");
        rejects(Map.of("a", Map.of("namespace", "shared", "serviceAccount", "sa"),
                        "b", Map.of("namespace", "shared", "serviceAccount", "sa", "createNamespace", false)),
                "two identities cannot share the service account shared/sa");
    }

    @Test
    void cacheAndFsxGrantsNeedWhatTheyName() {
        assertThat(parse(Map.of("w", Map.of("cache", true)), Map.of("redis", Map.of("enabled", true, "nodeType", "cache.r7g.large"))).workloads().get(0).cache()).isTrue();
        rejects(Map.of("w", Map.of("cache", true)), "strata:workloads.w.cache = true and strata:inference.redis.enabled = false");
        Map<String, Object> noTraining = new LinkedHashMap<>(Map.of("environment", "dev", "network", NETWORK, "inference", Map.of(),
                "workloads", Map.of("w", Map.of("describeFileSystems", true))));
        assertThatThrownBy(() -> SettingsParser.parse(noTraining)).hasMessageContaining(
                "strata:workloads.w.describeFileSystems = true and strata:training = (not set): the stack has no FSx");
    }

    @Test
    void theWarmUpsServiceAccountMustBeAnIdentitys() {
        Map<String, Object> warmup = Map.of("warmup", Map.of("enabled", true, "image", "public.ecr.aws/aws-cli/aws-cli:2.17.0", "prefixes", List.of("models/")));
        assertThat(parse(null, warmup).workloads()).hasSize(3);
        assertThatThrownBy(() -> parse(Map.of("only", Map.of()), warmup)).hasMessageContaining(
                "strata:inference.warmup.enabled = true and strata:workloads = \"(no ml-inference/model-server)\": the warm-up runs as service account ml-inference/model-server");
    }

    @Test
    void unknownKeysAreReported() {
        rejects(Map.of("w", Map.of("reads", List.of())), "strata:workloads.w.reads", "did you mean strata:workloads.w.read?");
        rejects(Map.of("w", Map.of("read", List.of(Map.of("zone", "raw", "prefx", "a/")))), "strata:workloads.w.read[0].prefx");
    }
}

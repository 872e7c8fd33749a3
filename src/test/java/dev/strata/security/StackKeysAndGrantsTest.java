package dev.strata.security;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.strata.testing.ResourceTypes.FSX_ASSOCIATION;
import static dev.strata.testing.ResourceTypes.FSX_LUSTRE;
import static dev.strata.testing.ResourceTypes.IAM_ROLE_POLICY;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static dev.strata.testing.ResourceTypes.KMS_GRANT;
import static dev.strata.testing.ResourceTypes.KMS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys and grants of the project's three stacks: every key policy is KMS's default (the account
 * root, so IAM decides), no statement names the principal {@code *}, the hot tier's S3 access role
 * is granted the training key on the training bucket only, and the training identity's inline
 * policies are exactly its (action, resource, condition) set: what it had, plus reading and listing
 * {@code checkpoints/}.
 */
@SuppressWarnings("unchecked")
class StackKeysAndGrantsTest {
    private static final Gson GSON = new Gson();
    private static final String ACCOUNT = RecordingMocks.ACCOUNT_ID;
    private static final String ROOT_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AccountAdministersKeyThroughIam\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";

    private static Plan plan(String stack) {
        return StackPlans.plan(stack);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    /** Each inline policy of the role {@code role}, as its (action resource condition) triples. */
    private static Map<String, Set<String>> inlinePolicies(Plan plan, String role) {
        Map<String, Set<String>> policies = new TreeMap<>();
        for (PlannedResource policy : plan.ofType(IAM_ROLE_POLICY)) {
            if (!policy.inputs().get("role").equals(role + "-id")) {
                continue;
            }
            Set<String> triples = new TreeSet<>();
            Map<String, Object> document = GSON.fromJson((String) policy.inputs().get("policy"), Map.class);
            for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                for (String action : strings(statement.get("Action"))) {
                    for (String resource : strings(statement.get("Resource"))) {
                        triples.add(action + " " + resource + " " + GSON.toJson(statement.getOrDefault("Condition", Map.of())));
                    }
                }
            }
            policies.put((String) policy.inputs().get("name"), triples);
        }
        return policies;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyKeyPolicyIsKmsDefaultAndNamesNoStar(String stack) {
        List<PlannedResource> keys = plan(stack).ofType(KMS_KEY);
        List<String> names = new java.util.ArrayList<>(List.of(stack + "-datalake", stack + "-training", stack + "-inference"));
        if (!stack.equals("prod")) {
            names.add(stack + "-cluster"); // a created cluster's secrets key; prod adopts its cluster
        }
        names.add(stack + "-alarms"); // the alarm topic's key: the root and CloudWatch (monitoring.StorageAlarmsTest)
        if (!stack.equals("dev")) {
            names.add(stack + "-replication-key"); // the replicas' key in the second region (strata:dataLake.replication)
            // the key of the alarm topic in that region, which the replication alarms notify
            names.add(stack + "-" + (stack.equals("prod") ? "us-east-1" : "us-west-2") + "-alarms");
        }
        assertThat(keys).extracting(PlannedResource::name).containsExactlyInAnyOrderElementsOf(names);
        assertThat(keys).filteredOn(key -> !key.name().endsWith("-alarms"))
                .allSatisfy(key -> assertThat(key.inputs().get("policy")).isEqualTo(ROOT_ONLY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theHotTiersS3AccessRoleMayUseTheTrainingKeyOnTheTrainingBucketOnly(String stack) {
        Plan plan = plan(stack);
        PlannedResource key = plan.ofType(KMS_KEY).stream().filter(k -> k.name().equals(stack + "-training")).findFirst()
                .orElseThrow();
        String keyArn = "arn:aws:kms:" + (stack.equals("prod") ? "us-west-2" : "us-east-1") + ":" + ACCOUNT + ":key/" + key.id();
        assertThat(plan.ofType(KMS_GRANT)).singleElement().satisfies(grant -> assertThat(grant.inputs()).isEqualTo(Map.of(
                "name", stack + "-training-hot-s3-access",
                "keyId", keyArn,
                "granteePrincipal", "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/"
                        + "AWSServiceRoleForFSxS3Access_" + stack + "-training-hot-id",
                "operations", Actions.FSX_S3_ACCESS_KEY_OPERATIONS,
                "constraints", List.of(Map.of("encryptionContextSubset",
                        Map.of("aws:s3:arn", "arn:aws:s3:::strata-" + stack + "-training-data-plan"))))));
        // The role exists once the file system does; the links use it as soon as they are created.
        PlannedResource grant = plan.ofType(KMS_GRANT).get(0);
        assertThat(grant.dependencies()).contains(plan.ofType(FSX_LUSTRE).stream()
                .filter(fs -> fs.name().equals(stack + "-training-hot")).findFirst().orElseThrow().urn());
        assertThat(grant.dependencies()).containsAll(plan.ofType(FSX_ASSOCIATION)
                .stream().map(PlannedResource::urn).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void noPerJobFileSystemIsLinkedToTheTrainingBucket(String stack) {
        assertThat(plan(stack).ofType(K8S_STORAGE_CLASS))
                .filteredOn(c -> "fsx.csi.aws.com".equals(c.inputs().get("provisioner")))
                .singleElement().satisfies(c -> assertThat((Map<String, Object>) c.inputs().get("parameters"))
                        .doesNotContainKeys("s3ImportPath", "s3ExportPath", "autoImportPolicy"));
    }

    @Test
    void theTrainingIdentityReadsAndListsItsCheckpointsAndNothingElseChanged() {
        Plan plan = plan("dev");
        String bucket = "arn:aws:s3:::strata-dev-training-data-plan";
        String trainingKey = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/dev-training-id";
        String lake = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/dev-datalake-id";
        String viaS3 = "{\"StringEquals\":{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}";
        assertThat(inlinePolicies(plan, "dev-training")).isEqualTo(Map.of(
                "read-dev-training-data-datasets", Set.of(
                        "s3:GetObject " + bucket + "/datasets/* {}",
                        "s3:ListBucket " + bucket + " {\"StringLike\":{\"s3:prefix\":[\"datasets/*\"]}}",
                        "kms:Decrypt " + trainingKey + " " + viaS3),
                // New: a job resumes from its own checkpoints.
                "read-dev-training-data-checkpoints", Set.of(
                        "s3:GetObject " + bucket + "/checkpoints/* {}",
                        "s3:ListBucket " + bucket + " {\"StringLike\":{\"s3:prefix\":[\"checkpoints/*\"]}}",
                        "kms:Decrypt " + trainingKey + " " + viaS3),
                "write-dev-training-data-checkpoints", Set.of(
                        "s3:PutObject " + bucket + "/checkpoints/* {}",
                        "s3:AbortMultipartUpload " + bucket + "/checkpoints/* {}",
                        "kms:Decrypt " + trainingKey + " " + viaS3,
                        "kms:GenerateDataKey " + trainingKey + " " + viaS3),
                "read-dev-processed", Set.of(
                        "s3:GetObject arn:aws:s3:::strata-dev-processed-plan/* {}",
                        "s3:ListBucket arn:aws:s3:::strata-dev-processed-plan {}",
                        "kms:Decrypt " + lake + " " + viaS3),
                "read-dev-feature", Set.of(
                        "s3:GetObject arn:aws:s3:::strata-dev-feature-plan/* {}",
                        "s3:ListBucket arn:aws:s3:::strata-dev-feature-plan {}",
                        "kms:Decrypt " + lake + " " + viaS3),
                "write-dev-model", Set.of(
                        "s3:PutObject arn:aws:s3:::strata-dev-model-plan/* {}",
                        "s3:AbortMultipartUpload arn:aws:s3:::strata-dev-model-plan/* {}",
                        "kms:Decrypt " + lake + " " + viaS3,
                        "kms:GenerateDataKey " + lake + " " + viaS3),
                "describe-fsx-file-systems", Set.of("fsx:DescribeFileSystems * {}")));
    }
}

package dev.strata.security;

import com.google.gson.JsonParser;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.strata.testing.ResourceTypes.KMS_ALIAS;
import static dev.strata.testing.ResourceTypes.KMS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionKeyTest {

    private static Plan plan(EncryptionKeyArgs args) {
        return PlanRunner.run("prod", new RecordingMocks("us-west-2"), ctx -> new EncryptionKey("prod-datalake", args, null));
    }

    @Test
    void keyRotatesWithA30DayDeletionWindowAndAStackAlias() {
        Plan plan = plan(EncryptionKeyArgs.builder().purpose("datalake").tags(Map.of("environment", "prod")).build());
        Map<String, Object> key = plan.ofType(KMS_KEY).get(0).inputs();
        assertThat(key).containsEntry("enableKeyRotation", true).containsEntry("deletionWindowInDays", 30L);
        assertThat(key.get("tags")).isEqualTo(Map.of("environment", "prod", "component", "security", "tier", "datalake"));
        assertThat(plan.ofType(KMS_ALIAS)).singleElement().satisfies(alias -> assertThat(alias.inputs())
                .isEqualTo(Map.of("name", "alias/strata-prod-datalake", "targetKeyId", "prod-datalake-id")));
    }

    private static final String ROOT = """
            {"Sid":"AccountAdministersKeyThroughIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
             "Action":"kms:*","Resource":"*"}""";

    private static String policy(EncryptionKeyArgs args) {
        return (String) plan(args).ofType(KMS_KEY).get(0).inputs().get("policy");
    }

    @Test
    void theKeyPolicyIsKmsDefaultForTheServicesThatUseTheKeyThroughIamAndGrants() {
        // S3, EFS, FSx, ElastiCache and EKS need nothing of the key policy beyond the account root.
        String policy = policy(EncryptionKeyArgs.builder().purpose("training")
                .services(List.of("s3", "fsx", "elasticfilesystem", "elasticache", "eks")).build());
        assertThat(JsonParser.parseString(policy)).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[%s]}""".formatted(ROOT)));
        assertThat(JsonParser.parseString(policy(EncryptionKeyArgs.builder().purpose("datalake").build())))
                .isEqualTo(JsonParser.parseString(policy));
    }

    @Test
    void cloudWatchLogsGetsItsDocumentedServicePrincipalStatementForThisAccountsLogGroups() {
        String policy = policy(EncryptionKeyArgs.builder().purpose("logs").services(List.of("logs")).build());
        assertThat(JsonParser.parseString(policy)).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[%s,
                 {"Sid":"CloudWatchLogsUsesKeyForThisAccountsLogGroups","Effect":"Allow",
                  "Principal":{"Service":"logs.us-west-2.amazonaws.com"},
                  "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                            "kms:GenerateDataKeyWithoutPlaintext","kms:DescribeKey"],
                  "Resource":"*",
                  "Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:us-west-2:123456789012:log-group:*"}}}]}
                """.formatted(ROOT)));
    }

    @Test
    void namedKeyUsersUseTheKeyOnlyThroughItsServices() {
        String role = "arn:aws:iam::210987654321:role/platform-backup";
        String policy = policy(EncryptionKeyArgs.builder().purpose("inference").services(List.of("s3", "elasticache"))
                .keyUsers(List.of(role)).build());
        assertThat(JsonParser.parseString(policy)).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[%s,
                 {"Sid":"NamedRolesUseKeyThroughItsServices","Effect":"Allow","Principal":{"AWS":"%s"},
                  "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                            "kms:GenerateDataKeyWithoutPlaintext","kms:DescribeKey"],
                  "Resource":"*",
                  "Condition":{"StringEquals":{"kms:ViaService":["s3.us-west-2.amazonaws.com",
                    "elasticache.us-west-2.amazonaws.com","dax.us-west-2.amazonaws.com"]}}}]}
                """.formatted(ROOT, role)));
    }

    @Test
    void noStatementOfAnyKeyPolicyNamesThePrincipalStar() {
        for (List<String> services : List.of(List.of("s3"), List.of("logs", "eks"), List.of("s3", "fsx", "elasticfilesystem", "elasticache"))) {
            String policy = policy(EncryptionKeyArgs.builder().purpose("any").services(services)
                    .keyUsers(List.of("arn:aws:iam::123456789012:role/a", "arn:aws:iam::123456789012:role/b")).build());
            JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement").forEach(statement -> {
                String principal = statement.getAsJsonObject().get("Principal").toString();
                assertThat(principal).doesNotContain("\"*\"");
            });
        }
    }

    @Test
    void aKeyUserMustBeAnExactRoleArn() {
        for (String user : List.of("*", "arn:aws:iam::123456789012:root", "arn:aws:iam::123456789012:role/*")) {
            assertThatThrownBy(() -> plan(EncryptionKeyArgs.builder().purpose("datalake").keyUsers(List.of(user)).build()))
                    .hasStackTraceContaining("keyUsers = \"" + user + "\": must be an exact IAM role ARN");
        }
    }

    @Test
    void keyIsProtectedAndRetainedWhenAskedAndTheAliasIsNot() {
        Plan plan = plan(EncryptionKeyArgs.builder().purpose("datalake").protect(true).build());
        assertThat(plan.ofType(KMS_KEY).get(0)).satisfies(key -> {
            assertThat(key.protect()).isTrue();
            assertThat(key.retainOnDelete()).isTrue();
        });
        assertThat(plan.ofType(KMS_ALIAS).get(0).protect()).isFalse();
        assertThat(plan(EncryptionKeyArgs.builder().purpose("datalake").build()).resources())
                .noneMatch(PlannedResource::protect);
    }

    @Test
    void invalidArgumentsAreRejectedBeforeRegistration() {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        assertThatThrownBy(() -> PlanRunner.run("dev", mocks, ctx -> new EncryptionKey("k",
                EncryptionKeyArgs.builder().purpose("Data Lake").deletionWindowInDays(3).services(List.of()).build(), null)))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("purpose = \"Data Lake\": must be 1 to 64 lower-case letters, digits or hyphens")
                .hasMessageContaining("deletionWindowInDays = 3: must be from 7 to 30")
                .hasMessageContaining("services: must name at least one AWS service");
        assertThat(mocks.resources()).isEmpty();
        assertThatThrownBy(() -> PlanRunner.run("dev", mocks, ctx -> new EncryptionKey("k",
                EncryptionKeyArgs.builder().purpose("lake").services(List.of("s3", "sqs", "s3")).build(), null)))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("services = \"sqs\": must be one of the services Strata knows the key requirements of: "
                        + "s3, elasticfilesystem, fsx, elasticache, eks, logs")
                .hasMessageContaining("services = [s3, sqs, s3]: must name each service once");
        assertThat(mocks.resources()).isEmpty();
        assertThat(plan(EncryptionKeyArgs.builder().purpose("data-lake").deletionWindowInDays(7).build())
                .ofType(KMS_KEY).get(0).inputs()).containsEntry("deletionWindowInDays", 7L);
    }
}

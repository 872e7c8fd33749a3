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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptionKeyTest {

    private static Plan plan(EncryptionKeyArgs args) {
        return PlanRunner.run("prod", new RecordingMocks("us-west-2"), ctx -> new EncryptionKey("prod-datalake", args, null));
    }

    @Test
    void keyRotatesWithA30DayDeletionWindowAndAStackAlias() {
        Plan plan = plan(EncryptionKeyArgs.builder().purpose("datalake").tags(Map.of("environment", "prod")).build());
        Map<String, Object> key = plan.ofType("aws:kms/key:Key").get(0).inputs();
        assertThat(key).containsEntry("enableKeyRotation", true).containsEntry("deletionWindowInDays", 30L);
        assertThat(key.get("tags")).isEqualTo(Map.of("environment", "prod", "component", "security", "tier", "datalake"));
        assertThat(plan.ofType("aws:kms/alias:Alias")).singleElement().satisfies(alias -> assertThat(alias.inputs())
                .isEqualTo(Map.of("name", "alias/strata-prod-datalake", "targetKeyId", "prod-datalake-id")));
    }

    @Test
    void policyLetsTheAccountAdministerAndServicesUseTheKeyOnlyOnItsBehalf() {
        Plan plan = plan(EncryptionKeyArgs.builder().purpose("training").services(List.of("s3", "fsx")).build());
        String policy = (String) plan.ofType("aws:kms/key:Key").get(0).inputs().get("policy");
        String condition = """
                {"kms:CallerAccount":"123456789012","kms:ViaService":["s3.us-west-2.amazonaws.com","fsx.us-west-2.amazonaws.com"]}""";
        assertThat(JsonParser.parseString(policy)).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AccountAdministersKeyThroughIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
                  "Action":"kms:*","Resource":"*"},
                 {"Sid":"ServicesUseKeyOnAccountsBehalf","Effect":"Allow","Principal":{"AWS":"*"},
                  "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncryptFrom","kms:ReEncryptTo","kms:GenerateDataKey",
                            "kms:GenerateDataKeyWithoutPlaintext","kms:DescribeKey"],
                  "Resource":"*","Condition":{"StringEquals":%1$s}},
                 {"Sid":"ServicesCreateGrantsForAwsResources","Effect":"Allow","Principal":{"AWS":"*"},
                  "Action":"kms:CreateGrant","Resource":"*",
                  "Condition":{"StringEquals":%1$s,"Bool":{"kms:GrantIsForAWSResource":"true"}}}]}
                """.formatted(condition)));
    }

    @Test
    void everyWildcardPrincipalIsConditionedOnTheAccountAndAService() {
        String policy = (String) plan(EncryptionKeyArgs.builder().purpose("datalake").build())
                .ofType("aws:kms/key:Key").get(0).inputs().get("policy");
        var statements = JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement");
        statements.forEach(element -> {
            var statement = element.getAsJsonObject();
            if (statement.get("Principal").toString().contains("\"*\"")) {
                var equals = statement.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
                assertThat(equals.get("kms:CallerAccount").getAsString()).isEqualTo("123456789012");
                assertThat(equals.get("kms:ViaService").toString()).isEqualTo("[\"s3.us-west-2.amazonaws.com\"]");
            }
        });
    }

    @Test
    void keyIsProtectedAndRetainedWhenAskedAndTheAliasIsNot() {
        Plan plan = plan(EncryptionKeyArgs.builder().purpose("datalake").protect(true).build());
        assertThat(plan.ofType("aws:kms/key:Key").get(0)).satisfies(key -> {
            assertThat(key.protect()).isTrue();
            assertThat(key.retainOnDelete()).isTrue();
        });
        assertThat(plan.ofType("aws:kms/alias:Alias").get(0).protect()).isFalse();
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
        assertThat(plan(EncryptionKeyArgs.builder().purpose("data-lake").deletionWindowInDays(7).build())
                .ofType("aws:kms/key:Key").get(0).inputs()).containsEntry("deletionWindowInDays", 7L);
    }
}

package dev.strata.datalake;

import com.pulumi.core.Output;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.ResourceTypes.S3_BUCKET;
import static dev.strata.testing.ResourceTypes.S3_ENCRYPTION;
import static dev.strata.testing.ResourceTypes.S3_LIFECYCLE;
import static dev.strata.testing.ResourceTypes.S3_LOGGING;
import static dev.strata.testing.ResourceTypes.S3_VERSIONING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataLakeTest {

    private static Plan plan(DataLakeArgs args) {
        return PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> new DataLake("dev", args, null));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lifecycleRules(Plan plan, String bucketName) {
        return (List<Map<String, Object>>) plan.ofType(S3_LIFECYCLE).stream()
                .filter(r -> r.name().equals(bucketName + "-lifecycle")).findFirst().orElseThrow().inputs().get("rules");
    }

    @Test
    void defaultZonesAreThePlaybooksFourEachASecureBucket() {
        Plan plan = plan(DataLakeArgs.builder().kmsKeyArn(Output.of(KEY_ARN)).build());
        assertThat(plan.ofType(SecureBucket.TYPE)).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("dev-raw", "dev-processed", "dev-feature", "dev-model");
        assertThat(plan.ofType(S3_BUCKET)).hasSize(4);
        assertThat(plan.ofType(S3_VERSIONING)).hasSize(4);
        String lakeUrn = plan.ofType(DataLake.TYPE).get(0).urn();
        assertThat(plan.ofType(SecureBucket.TYPE)).allSatisfy(bucket -> assertThat(bucket.parent()).isEqualTo(lakeUrn));
        assertThat(plan.ofType(S3_ENCRYPTION))
                .allSatisfy(sse -> assertThat(sse.inputs().toString()).contains("kmsMasterKeyId=" + KEY_ARN, "sseAlgorithm=aws:kms"));
    }

    @Test
    void zoneLifecyclesFollowThePlaybook() {
        Plan plan = plan(DataLakeArgs.builder().kmsKeyArn(Output.of(KEY_ARN)).build());
        assertThat(lifecycleRules(plan, "dev-raw").get(0)).containsEntry("transitions",
                List.of(Map.of("days", 30L, "storageClass", "STANDARD_IA"))).containsEntry("expiration", Map.of("days", 2555L));
        assertThat(lifecycleRules(plan, "dev-processed").get(0)).containsEntry("transitions",
                List.of(Map.of("days", 90L, "storageClass", "STANDARD_IA"))).containsEntry("expiration", Map.of("days", 1825L));
        assertThat(lifecycleRules(plan, "dev-feature").get(0)).doesNotContainKey("transitions")
                .containsEntry("expiration", Map.of("days", 1095L));
        assertThat(lifecycleRules(plan, "dev-model").get(0)).doesNotContainKey("expiration").containsEntry("noncurrentVersionTransitions",
                List.of(Map.of("noncurrentDays", 30L, "storageClass", "STANDARD_IA"), Map.of("noncurrentDays", 90L, "storageClass", "GLACIER")));
        for (String bucket : List.of("dev-raw", "dev-processed", "dev-feature", "dev-model")) {
            assertThat(lifecycleRules(plan, bucket)).extracting(rule -> rule.get("id")).contains(SecureBucket.ABORT_RULE_ID);
        }
    }

    @Test
    void accessLogsGoToAnSseS3LogBucketFromEveryZone() {
        Plan plan = plan(DataLakeArgs.builder().kmsKeyArn(Output.of(KEY_ARN)).accessLogs(true).accessLogExpirationDays(90).build());
        assertThat(plan.ofType(SecureBucket.TYPE)).hasSize(5);
        assertThat(plan.ofType(S3_LOGGING)).hasSize(4)
                .allSatisfy(logging -> assertThat(logging.inputs()).containsEntry("targetBucket", "strata-dev-access-logs-plan"));
        assertThat(lifecycleRules(plan, "dev-access-logs").get(0)).containsEntry("id", "expire-access-logs")
                .containsEntry("expiration", Map.of("days", 90L));
    }

    @Test
    void customZonesAndProtection() {
        Plan plan = plan(DataLakeArgs.builder().kmsKeyArn(Output.of(KEY_ARN)).protect(true)
                .zones(List.of(DataLakeZoneArgs.builder().name("scratch").versioning(false).build())).build());
        assertThat(plan.ofType(S3_BUCKET)).singleElement().satisfies(bucket -> {
            assertThat(bucket.name()).isEqualTo("dev-scratch");
            assertThat(bucket.protect()).isTrue();
            assertThat(bucket.retainOnDelete()).isTrue();
        });
        assertThat(plan.ofType(S3_VERSIONING)).isEmpty();
    }

    @Test
    void invalidZonesFailBeforeRegistration() {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        assertThatThrownBy(() -> PlanRunner.run("dev", mocks, ctx -> new DataLake("dev", DataLakeArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN))
                .zones(List.of(DataLakeZoneArgs.builder().name("Bad Zone").build(), DataLakeZoneArgs.builder().name("raw")
                        .lifecycleRules(List.of(LifecycleRuleArgs.builder().id("x").transitions(new TransitionArgs(5, "STANDARD_IA")).build()))
                        .build()))
                .build(), null)))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("zones.Bad Zone = \"Bad Zone\": a zone name must be")
                .hasMessageContaining("zones.raw.lifecycle[0].transitions[0].days = 5");
        assertThat(mocks.resources()).isEmpty();
    }
}

package dev.strata.datalake;

import com.google.gson.JsonParser;
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
import static dev.strata.testing.ResourceTypes.S3_BUCKET_POLICY;
import static dev.strata.testing.ResourceTypes.S3_ENCRYPTION;
import static dev.strata.testing.ResourceTypes.S3_LIFECYCLE;
import static dev.strata.testing.ResourceTypes.S3_LOGGING;
import static dev.strata.testing.ResourceTypes.S3_OWNERSHIP_CONTROLS;
import static dev.strata.testing.ResourceTypes.S3_PUBLIC_ACCESS_BLOCK;
import static dev.strata.testing.ResourceTypes.S3_VERSIONING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecureBucketTest {

    private static Plan plan(SecureBucketArgs args) {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        return PlanRunner.run("dev", mocks, ctx -> new SecureBucket("dev-raw", args, null));
    }

    private static SecureBucketArgs.Builder args() {
        return SecureBucketArgs.builder().kmsKeyArn(Output.of(KEY_ARN)).tier("raw").tags(Map.of("environment", "dev"));
    }

    private static Map<String, Object> inputs(Plan plan, String type) {
        List<PlannedResource> resources = plan.ofType(type);
        assertThat(resources).hasSize(1);
        return resources.get(0).inputs();
    }

    @Test
    void registersTheBucketAndExactlyItsSevenSecuringResources() {
        Plan plan = plan(args().build());
        assertThat(plan.resources()).extracting(PlannedResource::type).containsExactlyInAnyOrder(
                SecureBucket.TYPE,
                S3_BUCKET,
                S3_OWNERSHIP_CONTROLS,
                S3_PUBLIC_ACCESS_BLOCK,
                S3_ENCRYPTION,
                S3_VERSIONING,
                S3_BUCKET_POLICY,
                S3_LIFECYCLE);
        String componentUrn = plan.ofType(SecureBucket.TYPE).get(0).urn();
        assertThat(plan.resources()).filteredOn(r -> !r.type().equals(SecureBucket.TYPE))
                .allSatisfy(child -> assertThat(child.parent()).isEqualTo(componentUrn));
    }

    @Test
    void bucketIsNeverForceDestroyedAndIsTagged() {
        Map<String, Object> bucket = inputs(plan(args().build()), S3_BUCKET);
        assertThat(bucket).containsEntry("forceDestroy", false).containsEntry("bucketPrefix", "strata-dev-raw-");
        assertThat(bucket.get("tags")).isEqualTo(Map.of("environment", "dev", "component", "datalake", "tier", "raw"));
    }

    @Test
    void ownershipIsEnforcedAndAllPublicAccessBlocked() {
        Plan plan = plan(args().build());
        assertThat(inputs(plan, S3_OWNERSHIP_CONTROLS))
                .containsEntry("bucket", "dev-raw-id")
                .containsEntry("rule", Map.of("objectOwnership", "BucketOwnerEnforced"));
        assertThat(inputs(plan, S3_PUBLIC_ACCESS_BLOCK)).isEqualTo(Map.of(
                "bucket", "dev-raw-id", "blockPublicAcls", true, "blockPublicPolicy", true,
                "ignorePublicAcls", true, "restrictPublicBuckets", true));
    }

    @Test
    void encryptsWithTheCustomerManagedKeyAndABucketKey() {
        assertThat(inputs(plan(args().build()), S3_ENCRYPTION))
                .isEqualTo(Map.of("bucket", "dev-raw-id", "rules", List.of(Map.of(
                        "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", KEY_ARN),
                        "bucketKeyEnabled", true))));
    }

    @Test
    void versioningIsOnByDefaultAndCanBeLeftOff() {
        assertThat(inputs(plan(args().build()), S3_VERSIONING))
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        assertThat(plan(args().versioning(false).build()).ofType(S3_VERSIONING)).isEmpty();
    }

    @Test
    void policyDeniesPlainHttpAndOldTls() {
        String policy = (String) inputs(plan(args().build()), S3_BUCKET_POLICY).get("policy");
        String arn = "arn:aws:s3:::strata-dev-raw-plan";
        assertThat(JsonParser.parseString(policy)).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                  "Resource":["%1$s","%1$s/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}},
                 {"Sid":"DenyOutdatedTls","Effect":"Deny","Principal":"*","Action":"s3:*",
                  "Resource":["%1$s","%1$s/*"],"Condition":{"NumericLessThan":{"s3:TlsVersion":"1.2"}}}]}
                """.formatted(arn)));
    }

    @Test
    void lifecycleHasTheTypedRulesAndTheAbortRule() {
        Plan plan = plan(args().lifecycleRules(List.of(LifecycleRuleArgs.builder().id("raw-retention").prefix("data/")
                .transitions(new TransitionArgs(30, "STANDARD_IA"), new TransitionArgs(90, "GLACIER"))
                .expirationDays(365).noncurrentExpirationDays(30).build())).abortIncompleteMultipartUploadDays(3).build());
        assertThat(inputs(plan, S3_LIFECYCLE).get("rules")).isEqualTo(List.of(
                Map.of("id", "raw-retention", "status", "Enabled", "filter", Map.of("prefix", "data/"),
                        "transitions", List.of(Map.of("days", 30L, "storageClass", "STANDARD_IA"), Map.of("days", 90L, "storageClass", "GLACIER")),
                        "expiration", Map.of("days", 365L),
                        "noncurrentVersionExpiration", Map.of("noncurrentDays", 30L)),
                Map.of("id", "abort-incomplete-multipart-uploads", "status", "Enabled", "filter", Map.of("prefix", ""),
                        "abortIncompleteMultipartUpload", Map.of("daysAfterInitiation", 3L))));
    }

    @Test
    void sizeFiltersUseTheAndForm() {
        Plan plan = plan(args().lifecycleRules(List.of(LifecycleRuleArgs.builder().id("big").prefix("x/")
                .objectSizeGreaterThan(131072).transitions(new TransitionArgs(0, "GLACIER")).build())).build());
        @SuppressWarnings("unchecked")
        Map<String, Object> rule = ((List<Map<String, Object>>) inputs(plan,
                S3_LIFECYCLE).get("rules")).get(0);
        assertThat(rule.get("filter")).isEqualTo(Map.of("and", Map.of("prefix", "x/", "objectSizeGreaterThan", 131072L)));
    }

    @Test
    void protectsAndRetainsTheBucketOnlyWhenAsked() {
        PlannedResource unprotected = plan(args().build()).ofType(S3_BUCKET).get(0);
        assertThat(unprotected.protect()).isFalse();
        assertThat(unprotected.retainOnDelete()).isFalse();
        Plan protectedPlan = plan(args().protect(true).build());
        PlannedResource bucket = protectedPlan.ofType(S3_BUCKET).get(0);
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.retainOnDelete()).isTrue();
        // Configuration resources can be recreated at will: only the data is protected.
        assertThat(protectedPlan.resources()).filteredOn(PlannedResource::protect).hasSize(1);
    }

    @Test
    void accessLogDestinationUsesSseS3AndLetsOnlyThisAccountsLogDeliveryWrite() {
        Plan plan = plan(SecureBucketArgs.builder().tier("access-logs").accessLogDestination(true).build());
        assertThat(inputs(plan, S3_ENCRYPTION).get("rules"))
                .isEqualTo(List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"), "bucketKeyEnabled", false)));
        String policy = (String) inputs(plan, S3_BUCKET_POLICY).get("policy");
        assertThat(JsonParser.parseString(policy).getAsJsonObject().getAsJsonArray("Statement").get(2))
                .isEqualTo(JsonParser.parseString("""
                        {"Sid":"AllowServerAccessLogDelivery","Effect":"Allow","Principal":{"Service":"logging.s3.amazonaws.com"},
                         "Action":"s3:PutObject","Resource":"arn:aws:s3:::strata-dev-raw-plan/*",
                         "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}"""));
    }

    @Test
    void logsToTheGivenBucket() {
        Plan plan = plan(args().accessLogBucket(Output.of("logs-bucket")).build());
        assertThat(inputs(plan, S3_LOGGING)).isEqualTo(Map.of(
                "bucket", "dev-raw-id", "targetBucket", "logs-bucket", "targetPrefix", "dev-raw/"));
    }

    @Test
    void invalidArgumentsFailBeforeAnythingIsRegistered() {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        assertThatThrownBy(() -> PlanRunner.run("dev", mocks, ctx -> new SecureBucket("dev-raw", SecureBucketArgs.builder()
                .tier("raw")
                .lifecycleRules(List.of(LifecycleRuleArgs.builder().id("early").transitions(new TransitionArgs(10, "STANDARD_IA")).build()))
                .build(), null)))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("kmsKeyArn: is required")
                .hasMessageContaining("lifecycleRules[0].transitions[0].days = 10: STANDARD_IA needs at least 30 days");
        assertThat(mocks.resources()).isEmpty();
    }

    @Test
    void theAbortRuleIdIsReserved() {
        assertThatThrownBy(() -> plan(args().lifecycleRules(List.of(LifecycleRuleArgs.builder()
                .id(SecureBucket.ABORT_RULE_ID).expirationDays(3).build())).build()))
                .hasMessageContaining("lifecycleRules[0].id = \"abort-incomplete-multipart-uploads\": is the id of the rule every bucket gets");
    }
}

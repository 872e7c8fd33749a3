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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicationTest {
    private static final String KEY = "arn:aws:kms:us-west-2:123456789012:key/lake";

    /** A data lake's model zone (and, locked, an archive) replicated to us-east-1 from us-west-2. */
    private static Plan plan(boolean protect, boolean rtc, boolean deleteMarkers) {
        return PlanRunner.run("prod", new RecordingMocks("us-west-2"), ctx -> {
            DataLake lake = new DataLake("prod", DataLakeArgs.builder().kmsKeyArn(Output.of(KEY)).build(), null);
            SecureBucket archive = new SecureBucket("prod-archive", SecureBucketArgs.builder().kmsKeyArn(Output.of(KEY))
                    .tier("model-archive").objectLockDays(30).build(), null);
            new Replication("prod-replication", ReplicationArgs.builder()
                    .destinationRegion("us-east-1")
                    .sources(List.of(ReplicationSourceArgs.of("model", lake.zone("model").orElseThrow()),
                            ReplicationSourceArgs.of("model-archive", archive)))
                    .replicationTimeControl(rtc)
                    .replicateDeleteMarkers(deleteMarkers)
                    .protect(protect)
                    .build(), null);
        });
    }

    private static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rule(Plan plan, String source) {
        var config = named(plan, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "prod-replication-" + source);
        return ((List<Map<String, Object>>) config.inputs().get("rules")).get(0);
    }

    @Test
    void eachSourceGetsASecureReplicaInTheDestinationRegionEncryptedWithAKeyOfThatRegion() {
        Plan plan = plan(false, false, false);
        assertThat(plan.ofType("pulumi:providers:aws")).singleElement()
                .satisfies(provider -> assertThat(provider.inputs()).containsEntry("region", "us-east-1"));
        String replicaKey = "arn:aws:kms:us-east-1:123456789012:key/prod-replication-key-id";
        assertThat(named(plan, "aws:kms/key:Key", "prod-replication-key").inputs()).containsEntry("enableKeyRotation", true);
        for (String source : List.of("model", "model-archive")) {
            String replica = "prod-replication-" + source;
            assertThat(named(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    replica + "-encryption").inputs().toString()).contains("kmsMasterKeyId=" + replicaKey, "sseAlgorithm=aws:kms");
            assertThat(named(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", replica + "-public-access").inputs())
                    .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                    .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
            assertThat(named(plan, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", replica + "-ownership").inputs().toString())
                    .contains("objectOwnership=BucketOwnerEnforced");
            assertThat(named(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", replica + "-versioning").inputs().toString())
                    .contains("status=Enabled");
            assertThat(named(plan, "aws:s3/bucketPolicy:BucketPolicy", replica + "-policy").inputs().get("policy").toString())
                    .contains("aws:SecureTransport");
        }
        // The model zone's lifecycle goes with its replica; the archive's Object Lock too, as S3 requires.
        assertThat(named(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "prod-replication-model-lifecycle")
                .inputs().toString()).contains("noncurrentDays=90, storageClass=GLACIER");
        assertThat(named(plan, "aws:s3/bucketV2:BucketV2", "prod-replication-model-archive").inputs()).containsEntry("objectLockEnabled", true);
        assertThat(named(plan, "aws:s3/bucketV2:BucketV2", "prod-replication-model").inputs()).doesNotContainKey("objectLockEnabled");
    }

    @Test
    void theRuleReplicatesSseKmsObjectsWithTheReplicaKeyAndNoDeleteMarkersByDefault() {
        Plan plan = plan(false, false, false);
        Map<String, Object> rule = rule(plan, "model");
        assertThat(rule).containsEntry("id", "replicate-to-us-east-1").containsEntry("status", "Enabled")
                .containsEntry("filter", Map.of("prefix", ""))
                .containsEntry("deleteMarkerReplication", Map.of("status", "Disabled"))
                .containsEntry("sourceSelectionCriteria", Map.of("sseKmsEncryptedObjects", Map.of("status", "Enabled")));
        assertThat(rule.get("destination")).isEqualTo(Map.of(
                "bucket", "arn:aws:s3:::strata-prod-replication-model-plan",
                "encryptionConfiguration", Map.of("replicaKmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/prod-replication-key-id"),
                "metrics", Map.of("status", "Enabled", "eventThreshold", Map.of("minutes", 15L))));
        var config = named(plan, "aws:s3/bucketReplicationConfig:BucketReplicationConfig", "prod-replication-model");
        assertThat(config.inputs()).containsEntry("role", "arn:aws:iam::123456789012:role/prod-replication-model-id");
        // Put once versioning is on for both buckets, and once the role may replicate.
        assertThat(plan.waitsFor(config, named(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", "prod-model-versioning"))).isTrue();
        assertThat(plan.waitsFor(config, named(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", "prod-replication-model-versioning"))).isTrue();
        assertThat(plan.waitsFor(config, named(plan, "aws:iam/rolePolicy:RolePolicy", "prod-replication-model"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void replicationTimeControlAndDeleteMarkersWhenAsked() {
        Map<String, Object> rule = rule(plan(false, true, true), "model");
        assertThat(rule).containsEntry("deleteMarkerReplication", Map.of("status", "Enabled"));
        assertThat((Map<String, Object>) rule.get("destination")).containsEntry("replicationTime",
                Map.of("status", "Enabled", "time", Map.of("minutes", 15L)));
    }

    @Test
    void theRolePolicyNamesTheTwoBucketsAndTheTwoKeysOnly() {
        Plan plan = plan(false, false, false);
        String policy = named(plan, "aws:iam/rolePolicy:RolePolicy", "prod-replication-model-archive").inputs().get("policy").toString();
        assertThat(policy).contains("\"Resource\":\"arn:aws:s3:::strata-prod-archive-plan\"",
                "\"Resource\":\"arn:aws:s3:::strata-prod-archive-plan/*\"",
                "\"Resource\":\"arn:aws:s3:::strata-prod-replication-model-archiv-plan/*\"",
                "\"Resource\":\"" + KEY + "\"",
                "\"Resource\":\"arn:aws:kms:us-east-1:123456789012:key/prod-replication-key-id\"",
                "s3:GetObjectRetention", "s3.us-west-2.amazonaws.com", "s3.us-east-1.amazonaws.com");
        assertThat(named(plan, "aws:iam/role:Role", "prod-replication-model").inputs().get("assumeRolePolicy").toString())
                .contains("{\"Service\":\"s3.amazonaws.com\"}", "sts:AssumeRole");
    }

    @Test
    void protectedAndRetainedWhenAsked() {
        Plan plan = plan(true, false, false);
        assertThat(List.of(named(plan, "aws:s3/bucketV2:BucketV2", "prod-replication-model"),
                named(plan, "aws:s3/bucketV2:BucketV2", "prod-replication-model-archive"),
                named(plan, "aws:kms/key:Key", "prod-replication-key")))
                .allSatisfy(r -> assertThat(r.protect() && r.retainOnDelete()).as(r.name()).isTrue());
        assertThat(named(plan(false, false, false), "aws:s3/bucketV2:BucketV2", "prod-replication-model").protect()).isFalse();
    }

    @Test
    void invalidArgsAreReportedTogetherUnderTheirKeys() {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        assertThatThrownBy(() -> PlanRunner.run("dev", mocks, ctx -> new Replication("r",
                ReplicationArgs.builder().destinationRegion("US East").replicationTimeControl(true).metrics(false)
                        .sources(List.of(ReplicationSourceArgs.builder().name("Model").bucketName(Output.of("b"))
                                .bucketArn(Output.of("arn:aws:s3:::b")).objectLockDays(0).build())).build(), null)))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("destinationRegion = \"US East\": must be an AWS Region code")
                .hasMessageContaining("sources[0].name = \"Model\"")
                .hasMessageContaining("sources[0].kmsKeyArn: is required")
                .hasMessageContaining("sources[0].objectLockDays = 0")
                .hasMessageContaining("replicationTimeControl = true and metrics = false");
        assertThat(mocks.resources()).isEmpty();
    }
}

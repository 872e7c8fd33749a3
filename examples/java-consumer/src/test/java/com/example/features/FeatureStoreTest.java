package com.example.features;

import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer's program, run under Strata's recording mocks. */
class FeatureStoreTest {
    private final Plan plan = PlanRunner.run("test", new RecordingMocks("eu-west-1"), FeatureStore::define);

    @Test
    void oneKeyEncryptsTheTwoZonesAndTheSnapshotBucket() {
        assertThat(plan.ofType("aws:kms/key:Key")).hasSize(1);
        assertThat(plan.ofType("aws:s3/bucketV2:BucketV2")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("features-landing", "features-curated", "feature-snapshots");
        String keyArn = "arn:aws:kms:eu-west-1:123456789012:key/features-key-id";
        assertThat(plan.ofType("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"))
                .hasSize(3)
                .allSatisfy(sse -> assertThat(sse.inputs().get("rules")).isEqualTo(List.of(Map.of(
                        "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", keyArn),
                        "bucketKeyEnabled", true))));
    }

    @Test
    void snapshotsMoveToIntelligentTieringAtOnce() {
        Object rules = plan.ofType("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").stream()
                .filter(r -> r.name().equals("feature-snapshots-lifecycle")).findFirst().orElseThrow().inputs().get("rules");
        assertThat(((List<?>) rules).get(0)).isEqualTo(Map.of("id", "tiering", "status", "Enabled",
                "filter", Map.of("prefix", ""),
                "transitions", List.of(Map.of("days", 0L, "storageClass", "INTELLIGENT_TIERING")),
                "noncurrentVersionExpiration", Map.of("noncurrentDays", 7L)));
        assertThat(plan.ofType("aws:s3/bucketV2:BucketV2").stream().filter(b -> b.name().equals("feature-snapshots"))
                .findFirst().orElseThrow().inputs().get("tags"))
                .isEqualTo(Map.of("team", "features", "component", "feature-store", "tier", "snapshots"));
    }

    @Test
    void everyBucketBlocksPublicAccess() {
        assertThat(plan.ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).hasSize(3)
                .allSatisfy(block -> assertThat(block.inputs()).containsEntry("blockPublicAcls", true)
                        .containsEntry("blockPublicPolicy", true).containsEntry("ignorePublicAcls", true)
                        .containsEntry("restrictPublicBuckets", true));
    }
}

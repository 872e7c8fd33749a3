package com.example.features;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.DataLakeArgs;
import dev.strata.datalake.DataLakeZoneArgs;
import dev.strata.datalake.LifecycleRuleArgs;
import dev.strata.datalake.SecureBucket;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.datalake.TransitionArgs;
import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;

import java.util.List;
import java.util.Map;

/**
 * A feature-store team's program: one key shared by a two-zone lake (landing, curated) and a
 * stand-alone snapshot bucket that moves to Intelligent-Tiering at once. Strata's own program
 * composes the same components differently (one data-lake key, the four playbook zones).
 */
public final class FeatureStore {
    private FeatureStore() {
    }

    public static void main(String[] args) {
        Pulumi.run(FeatureStore::define);
    }

    public static void define(Context ctx) {
        Map<String, String> tags = Map.of("team", "features");
        EncryptionKey key = new EncryptionKey("features-key", EncryptionKeyArgs.builder()
                .purpose("features").services(List.of("s3")).tags(tags).build(), null);

        DataLake lake = new DataLake("features", DataLakeArgs.builder()
                .kmsKeyArn(key.keyArn)
                .zones(List.of(
                        DataLakeZoneArgs.builder().name("landing").lifecycleRules(List.of(LifecycleRuleArgs.builder()
                                .id("landing-expiry").expirationDays(14).build())).build(),
                        DataLakeZoneArgs.builder().name("curated").build()))
                .tags(tags)
                .build(), null);

        SecureBucket snapshots = new SecureBucket("feature-snapshots", SecureBucketArgs.builder()
                .kmsKeyArn(key.keyArn)
                .tier("snapshots")
                .component("feature-store")
                .lifecycleRules(List.of(LifecycleRuleArgs.builder().id("tiering")
                        .transitions(new TransitionArgs(0, "INTELLIGENT_TIERING")).noncurrentExpirationDays(7).build()))
                .tags(tags)
                .build(), null);

        ctx.export("lakeBuckets", lake.bucketNames);
        ctx.export("snapshotBucket", snapshots.bucketName);
    }
}

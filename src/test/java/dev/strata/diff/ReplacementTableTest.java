package dev.strata.diff;

import com.google.gson.JsonPrimitive;
import dev.strata.diff.ReplacementTable.Entry;
import dev.strata.diff.ReplacementTable.Verdict;
import dev.strata.plan.PlannedResource;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReplacementTableTest {

    @ParameterizedTest
    @CsvSource({
            "aws:fsx/lustreFileSystem:LustreFileSystem, deploymentType, REPLACES",
            "aws:fsx/lustreFileSystem:LustreFileSystem, subnetIds[0], REPLACES",
            "aws:fsx/lustreFileSystem:LustreFileSystem, kmsKeyId, REPLACES",
            "aws:fsx/lustreFileSystem:LustreFileSystem, perUnitStorageThroughput, MAY_REPLACE",
            "aws:efs/fileSystem:FileSystem, performanceMode, REPLACES",
            "aws:efs/fileSystem:FileSystem, encrypted, REPLACES",
            "aws:s3/bucketV2:BucketV2, bucketPrefix, REPLACES",
            "aws:s3/bucketV2:BucketV2, objectLockEnabled, REPLACES",
            "aws:kms/key:Key, customerMasterKeySpec, REPLACES",
            "aws:elasticache/replicationGroup:ReplicationGroup, atRestEncryptionEnabled, REPLACES",
            "aws:elasticache/replicationGroup:ReplicationGroup, engineVersion, MAY_REPLACE",
            "kubernetes:core/v1:PersistentVolumeClaim, spec.accessModes[0], REPLACES",
            "kubernetes:core/v1:PersistentVolumeClaim, spec.resources.requests.storage, MAY_REPLACE",
            "kubernetes:core/v1:PersistentVolumeClaim, metadata.name, REPLACES",
            "kubernetes:core/v1:PersistentVolume, spec.csi.volumeHandle, REPLACES",
            "kubernetes:storage.k8s.io/v1:StorageClass, parameters.fileSystemId, REPLACES",
            "kubernetes:storage.k8s.io/v1:StorageClass, provisioner, REPLACES",
            "kubernetes:storage.k8s.io/v1:StorageClass, reclaimPolicy, MAY_REPLACE",
    })
    void theLongestListedPathDecides(String type, String path, Verdict verdict) {
        assertThat(ReplacementTable.entry(type, path)).map(Entry::verdict).contains(verdict);
    }

    @ParameterizedTest
    @CsvSource({
            "aws:fsx/lustreFileSystem:LustreFileSystem, tags.owner",
            "aws:fsx/lustreFileSystem:LustreFileSystem, automaticBackupRetentionDays",
            "aws:fsx/lustreFileSystem:LustreFileSystem, deploymentTypeX",
            "aws:efs/fileSystem:FileSystem, lifecyclePolicies[0].transitionToIa",
            "aws:kms/key:Key, policy",
            "aws:kms/key:Key, enableKeyRotation",
            "aws:s3/bucketV2:BucketV2, tags.owner",
            "kubernetes:core/v1:PersistentVolume, spec.capacity.storage",
            "kubernetes:storage.k8s.io/v1:StorageClass, metadata.labels.tier",
    })
    void anUnlistedPathIsUpdatedInPlace(String type, String path) {
        assertThat(ReplacementTable.entry(type, path)).isEmpty();
    }

    @Test
    void aLustreCapacityReplacesOnlyWhenItDecreases() {
        Entry capacity = ReplacementTable.entry(dev.strata.core.ResourceTypes.FSX_LUSTRE, "storageCapacity").orElseThrow();
        assertThat(capacity.resolve(new JsonPrimitive(2400), new JsonPrimitive(1200))).isEqualTo(Verdict.REPLACES);
        assertThat(capacity.resolve(new JsonPrimitive(1200), new JsonPrimitive(2400))).isEqualTo(Verdict.UPDATES);
        assertThat(capacity.resolve(null, new JsonPrimitive(2400))).isEqualTo(Verdict.MAY_REPLACE);
    }

    @Test
    void everyEntryCitesAPinnedSourceAndExplainsAnythingButReplaces() {
        for (Entry entry : ReplacementTable.ENTRIES) {
            assertThat(entry.source()).as(entry.toString())
                    .matches("https://github\\.com/[\\w-]+/[\\w-]+/blob/[0-9a-f]{40}/\\S+\\.go|https://kubernetes\\.io/docs/\\S+");
            assertThat(entry.note().isEmpty()).as(entry.toString()).isEqualTo(entry.verdict() == Verdict.REPLACES);
        }
        Set<String> keys = new HashSet<>();
        ReplacementTable.ENTRIES.forEach(entry -> assertThat(keys.add(entry.type() + " " + entry.path())).as(entry.toString()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStatefulTypeOfThePlansIsInTheTable(String stack) {
        // What prod protects is what the diff must judge: buckets, keys, file systems, the cache, the claims.
        for (PlannedResource resource : StackPlans.plan(stack).resources()) {
            if (resource.protect()) {
                assertThat(ReplacementTable.covers(resource.type())).as(resource.urn()).isTrue();
            }
        }
        assertThat(ReplacementTable.covers("kubernetes:core/v1:PersistentVolume")).isTrue();
        assertThat(ReplacementTable.covers("kubernetes:storage.k8s.io/v1:StorageClass")).isTrue();
        assertThat(ReplacementTable.covers("aws:iam/role:Role")).isFalse();
    }
}

package dev.strata.training;

import dev.strata.core.KnownValue;
import dev.strata.plan.Plan;
import dev.strata.plan.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.strata.training.TrainingStorageTest.base;
import static dev.strata.training.TrainingStorageTest.named;
import static dev.strata.training.TrainingStorageTest.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** Each Args class of the training storage, built from its defaults alone, gives the component its documented defaults. */
class TrainingArgsDefaultsTest {

    @SuppressWarnings("unchecked")
    private static <T> T at(Object map, String... path) {
        Object value = map;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }

    @Test
    void trainingStorageArgsDefaults() {
        // Default: namespace ml-training (an existing one: the component creates none); versioning on; the
        // TrainingLifecycle rules; uploads aborted after 7 days; unprotected.
        Plan plan = plan(base().perJob(PerJobScratchArgs.builder().build()).build());
        assertThat(KnownValue.of(TrainingStorageArgs.builder().build().namespace())).contains("ml-training");
        assertThat(plan.ofType("kubernetes:core/v1:Namespace")).isEmpty();
        assertThat(named(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", "t-data-versioning").inputs())
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        List<Map<String, Object>> rules = at(named(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "t-data-lifecycle").inputs(), "rules");
        assertThat(rules).extracting(rule -> rule.get("id")).containsExactlyElementsOf(
                java.util.stream.Stream.concat(TrainingLifecycle.DEFAULTS.stream().map(dev.strata.datalake.LifecycleRule::id),
                        java.util.stream.Stream.of("abort-incomplete-multipart-uploads")).toList());
        assertThat(rules.get(rules.size() - 1)).containsEntry("abortIncompleteMultipartUpload", Map.of("daysAfterInitiation", 7L));
        assertThat(named(plan, "aws:s3/bucketV2:BucketV2", "t-data").protect()).isFalse();
        assertThat(plan.resources()).extracting(PlannedResource::type).contains("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assertThat(plan.resources()).filteredOn(r -> r.name().startsWith("t-lustre-client-")).hasSize(4);
    }

    @Test
    void hotTierArgsDefaults() {
        // Required: deploymentType, storageGiB. Default: claim training-hot, Lustre 2.15, no bucket link, no backups.
        Plan plan = plan(base().hot(HotTierArgs.builder().deploymentType("PERSISTENT_1").storageGiB(2400)
                .perUnitStorageThroughput(100).build()).build());
        Map<String, Object> fs = named(plan, "aws:fsx/lustreFileSystem:LustreFileSystem", "t-hot").inputs();
        assertThat(fs).containsEntry("fileSystemTypeVersion", "2.15").containsEntry("automaticBackupRetentionDays", 0L)
                .doesNotContainKeys("importPath", "exportPath", "autoImportPolicy");
        assertThat(TrainingArgsDefaultsTest.<Object>at(named(plan, "kubernetes:core/v1:PersistentVolumeClaim", "t-hot-claim").inputs(), "metadata", "name"))
                .isEqualTo("training-hot");
        assertThat(plan.resources()).noneMatch(r -> r.type().equals("aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation"));
    }

    @Test
    void perJobScratchArgsDefaults() {
        // Default: StorageClass fsx-lustre-training, SCRATCH_2, Lustre 2.15, no bucket link.
        Plan plan = plan(base().perJob(PerJobScratchArgs.builder().build()).build());
        Map<String, Object> storageClass = named(plan, "kubernetes:storage.k8s.io/v1:StorageClass", "t-scratch-class").inputs();
        assertThat(TrainingArgsDefaultsTest.<Object>at(storageClass, "metadata", "name")).isEqualTo("fsx-lustre-training");
        assertThat(TrainingArgsDefaultsTest.<Map<String, Object>>at(storageClass, "parameters")).containsEntry("deploymentType", "SCRATCH_2")
                .containsEntry("fileSystemTypeVersion", "2.15").doesNotContainKeys("s3ImportPath", "s3ExportPath", "kmsKeyId");
    }

    @Test
    void warmTierArgsDefaults() {
        // Default: generalPurpose, elastic, Infrequent Access after 30 days (documented, and now applied), no Archive,
        // no backup; access point /shared as 1000:1000; StorageClass efs-datasets under /datasets, 0755, gids 1000-2000;
        // claim training-datasets of 100Gi.
        Plan plan = plan(base().warm(WarmTierArgs.builder().build()).build());
        Map<String, Object> fs = named(plan, "aws:efs/fileSystem:FileSystem", "t-warm").inputs();
        assertThat(fs).containsEntry("performanceMode", "generalPurpose").containsEntry("throughputMode", "elastic")
                .containsEntry("lifecyclePolicies", List.of(Map.of("transitionToIa", "AFTER_30_DAYS")));
        assertThat(named(plan, "aws:efs/backupPolicy:BackupPolicy", "t-warm-backup").inputs())
                .containsEntry("backupPolicy", Map.of("status", "DISABLED"));
        Map<String, Object> accessPoint = named(plan, "aws:efs/accessPoint:AccessPoint", "t-warm-shared").inputs();
        assertThat(accessPoint).containsEntry("posixUser", Map.of("gid", 1000L, "uid", 1000L));
        assertThat(TrainingArgsDefaultsTest.<Object>at(accessPoint, "rootDirectory", "path")).isEqualTo("/shared");
        Map<String, Object> storageClass = named(plan, "kubernetes:storage.k8s.io/v1:StorageClass", "t-warm-class").inputs();
        assertThat(TrainingArgsDefaultsTest.<Object>at(storageClass, "metadata", "name")).isEqualTo("efs-datasets");
        assertThat(TrainingArgsDefaultsTest.<Map<String, Object>>at(storageClass, "parameters")).containsEntry("basePath", "/datasets")
                .containsEntry("directoryPerms", "0755").containsEntry("gidRangeStart", "1000").containsEntry("gidRangeEnd", "2000");
        Map<String, Object> claim = named(plan, "kubernetes:core/v1:PersistentVolumeClaim", "t-warm-claim").inputs();
        assertThat(TrainingArgsDefaultsTest.<Object>at(claim, "metadata", "name")).isEqualTo("training-datasets");
        assertThat(TrainingArgsDefaultsTest.<Object>at(claim, "spec", "resources", "requests", "storage")).isEqualTo("100Gi");
    }

    @Test
    void aWarmTransitionSetToZeroIsNeverAndAnUnsetOneTakesTheDefault() {
        Plan never = plan(base().warm(WarmTierArgs.builder().efs(dev.strata.efs.EfsOptionsArgs.builder().transitionToIaDays(0).build())
                .build()).build());
        assertThat(named(never, "aws:efs/fileSystem:FileSystem", "t-warm").inputs()).containsEntry("lifecyclePolicies", List.of());
        Plan unset = plan(base().warm(WarmTierArgs.builder().efs(dev.strata.efs.EfsOptionsArgs.builder().throughputMode("bursting")
                .build()).build()).build());
        assertThat(named(unset, "aws:efs/fileSystem:FileSystem", "t-warm").inputs()).containsEntry("throughputMode", "bursting")
                .containsEntry("lifecyclePolicies", List.of(Map.of("transitionToIa", "AFTER_30_DAYS")));
    }
}

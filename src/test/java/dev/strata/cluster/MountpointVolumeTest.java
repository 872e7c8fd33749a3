package dev.strata.cluster;

import com.pulumi.core.Output;
import dev.strata.config.ConfigNode;
import dev.strata.config.Environment;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import dev.strata.training.TrainingLifecycle;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MountpointVolume: the static read-only volume and its claim, and the rules of its values and settings. */
class MountpointVolumeTest {
    private static final String PV = "kubernetes:core/v1:PersistentVolume";
    private static final String PVC = "kubernetes:core/v1:PersistentVolumeClaim";

    private static MountpointVolumeArgs.Builder valid() {
        return MountpointVolumeArgs.builder().bucketName(Output.of("models-bucket")).region(Output.of("eu-west-1"))
                .prefix("models/").namespace("ml-inference").claimName("model-archive-s3");
    }

    private static Plan run(MountpointVolumeArgs args) {
        return PlanRunner.run("dev", new RecordingMocks("eu-west-1"), ctx -> new MountpointVolume("dev-models-s3", args, null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStaticReadOnlyVolumeReservedForItsClaimWithRegionAndPrefix() {
        Plan plan = run(valid().build());
        PlannedResource volume = plan.ofType(PV).get(0);
        assertThat(plan.ofType(PV)).hasSize(1);
        Map<String, Object> spec = (Map<String, Object>) volume.inputs().get("spec");
        assertThat(spec).containsEntry("accessModes", List.of("ReadOnlyMany")).containsEntry("storageClassName", "")
                .containsEntry("persistentVolumeReclaimPolicy", "Retain")
                .containsEntry("mountOptions", List.of("read-only", "region eu-west-1", "prefix models/"))
                .containsEntry("claimRef", Map.of("namespace", "ml-inference", "name", "model-archive-s3"));
        assertThat((Map<String, Object>) spec.get("csi")).containsEntry("driver", "s3.csi.aws.com")
                .containsEntry("volumeHandle", "dev-models-s3")
                .containsEntry("volumeAttributes", Map.of("bucketName", "models-bucket"));
        PlannedResource claim = plan.ofType(PVC).get(0);
        assertThat(plan.ofType(PVC)).hasSize(1);
        assertThat((Map<String, Object>) claim.inputs().get("metadata")).containsEntry("name", "model-archive-s3")
                .containsEntry("namespace", "ml-inference");
        assertThat((Map<String, Object>) claim.inputs().get("spec")).containsEntry("accessModes", List.of("ReadOnlyMany"))
                .containsEntry("storageClassName", "").containsEntry("volumeName", "dev-models-s3");
        assertThat(plan.waitsFor(claim, volume)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void allowOtherAndTheLocalCacheOnlyWhenAsked() {
        Map<String, Object> spec = (Map<String, Object>) run(valid().allowOther(true).cacheSize("20Gi").build())
                .ofType(PV).get(0).inputs().get("spec");
        assertThat(spec).containsEntry("mountOptions", List.of("read-only", "region eu-west-1", "prefix models/", "allow-other"));
        assertThat((Map<String, Object>) spec.get("csi")).containsEntry("volumeAttributes",
                Map.of("bucketName", "models-bucket", "cache", "emptyDir", "cacheEmptyDirSizeLimit", "20Gi"));
    }

    @Test
    void badValuesAreReportedBeforeAnythingIsRegistered() {
        assertThatThrownBy(() -> new MountpointVolume("v", valid().prefix("models").build(), null))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("prefix = \"models\": must be a key prefix ending in /");
        assertThatThrownBy(() -> new MountpointVolume("v", valid().prefix("").build(), null))
                .hasMessageContaining("prefix = \"\": must be a key prefix ending in /");
        assertThatThrownBy(() -> new MountpointVolume("v", valid().prefix("/models/").build(), null))
                .hasMessageContaining("prefix = \"/models/\": must not start with /");
        assertThatThrownBy(() -> new MountpointVolume("v", valid().prefix("models/*/").build(), null))
                .hasMessageContaining("prefix = \"models/*/\": must be a literal key prefix");
        assertThatThrownBy(() -> new MountpointVolume("v", valid().claimName("Model_Archive").build(), null))
                .hasMessageContaining("claimName = \"Model_Archive\"");
        assertThatThrownBy(() -> new MountpointVolume("v", valid().cacheSize("lots").build(), null))
                .hasMessageContaining("cacheSize = \"lots\": must be a positive Kubernetes quantity");
        assertThatThrownBy(() -> new MountpointVolume("v", MountpointVolumeArgs.builder().prefix("models/").claimName("c").build(), null))
                .hasMessageContaining("namespace: is required").hasMessageContaining("bucketName: is required")
                .hasMessageContaining("region: is required");
    }

    private static ClusterSettings.S3Volumes volumes(String environment, Map<String, Object> s3Volumes) {
        Problems problems = new Problems();
        ConfigNode root = ConfigNode.root(Map.of("cluster", Map.of("name", "ml-platform", "s3Volumes", s3Volumes)), problems);
        ClusterSettings settings = ClusterSettings.parse(root.objectOrEmpty("cluster"), Environment.valueOf(environment.toUpperCase()), true);
        problems.throwIfAny();
        return settings.s3Volumes();
    }

    @Test
    void volumesAreOnInDevAndStagingAndOffInProdUnlessSet() {
        for (String environment : List.of("dev", "staging")) {
            ClusterSettings.S3Volumes volumes = volumes(environment, Map.of());
            assertThat(volumes.modelArchive()).isEqualTo(new S3VolumeSettings(true, false, "models/", "model-archive-s3", false,
                    java.util.Optional.empty()));
            assertThat(volumes.trainingDatasets()).isEqualTo(new S3VolumeSettings(true, false, "datasets/", "training-datasets-s3",
                    false, java.util.Optional.empty()));
        }
        ClusterSettings.S3Volumes prod = volumes("prod", Map.of());
        assertThat(prod.modelArchive().enabled()).isFalse();
        assertThat(prod.trainingDatasets().enabled()).isFalse();
        ClusterSettings.S3Volumes set = volumes("prod", Map.of("modelArchive", Map.of("enabled", true, "prefix", "models/production/",
                "cacheSize", "50Gi", "allowOther", true)));
        assertThat(set.modelArchive()).isEqualTo(new S3VolumeSettings(true, true, "models/production/", "model-archive-s3", true,
                java.util.Optional.of("50Gi")));
    }

    @Test
    void theDefaultDatasetsPrefixIsTheTrainingBucketsDatasetsPrefix() {
        assertThat(ClusterSettings.S3Volumes.TRAINING_DATASETS_PREFIX).isEqualTo(TrainingLifecycle.DATASETS.prefix().orElseThrow());
    }

    @Test
    void badVolumeSettingsNameTheirKeys() {
        assertThatThrownBy(() -> volumes("dev", Map.of("modelArchive", Map.of("prefix", "models"))))
                .hasMessageContaining("strata:cluster.s3Volumes.modelArchive.prefix = \"models\": must be a key prefix ending in /");
        assertThatThrownBy(() -> volumes("dev", Map.of("trainingDatasets", Map.of("cacheSize", "10Gi"))))
                .hasMessageContaining("strata:cluster.s3Volumes.trainingDatasets.cacheSize");
        assertThatThrownBy(() -> volumes("dev", Map.of("modelArchive", Map.of("cacheSize", "0"))))
                .hasMessageContaining("strata:cluster.s3Volumes.modelArchive.cacheSize = \"0\"");
        assertThatThrownBy(() -> volumes("dev", Map.of("modelArchive", Map.of("claimName", "Bad Name"))))
                .hasMessageContaining("strata:cluster.s3Volumes.modelArchive.claimName = \"Bad Name\"");
        assertThatThrownBy(() -> volumes("dev", Map.of("modelArchive", Map.of("enabled", "yes"))))
                .hasMessageContaining("strata:cluster.s3Volumes.modelArchive.enabled");
    }

    @Test
    void theAddOnIsSetOnlyForAMountedVolume() {
        Problems problems = new Problems();
        ConfigNode root = ConfigNode.root(Map.of("cluster", Map.of("name", "ml-platform", "addons",
                Map.of("s3CsiDriver", Map.of("use", "existing", "roleName", "platform-s3-csi")))), problems);
        ClusterSettings.parse(root.objectOrEmpty("cluster"), Environment.PROD, true);
        assertThat(problems.messages()).singleElement().asString().startsWith("strata:cluster.addons.s3CsiDriver = \"(set)\" and "
                + "strata:cluster.s3Volumes.<volume>.enabled = false: the Mountpoint add-on is installed only for a mounted volume");
        Problems mounted = new Problems();
        ConfigNode on = ConfigNode.root(Map.of("cluster", Map.of("name", "ml-platform", "addons",
                Map.of("s3CsiDriver", Map.of("use", "existing", "roleName", "platform-s3-csi")),
                "s3Volumes", Map.of("modelArchive", Map.of("enabled", true)))), mounted);
        assertThat(ClusterSettings.parse(on.objectOrEmpty("cluster"), Environment.PROD, true).addons().s3CsiDriver().roleName())
                .contains("platform-s3-csi");
        assertThat(mounted.messages()).isEmpty();
    }
}

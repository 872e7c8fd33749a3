package dev.strata.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.cluster.ClusterSettings;
import dev.strata.cluster.CsiDriver;
import dev.strata.cluster.MountpointVolume;
import dev.strata.cluster.MountpointVolumeArgs;
import dev.strata.cluster.S3VolumeSettings;
import dev.strata.core.Problems;
import dev.strata.core.TierName;
import dev.strata.datalake.SecureBucket;
import dev.strata.inference.InferenceSettings;
import dev.strata.inference.InferenceStorage;
import dev.strata.security.Grants;
import dev.strata.training.LustreRules;
import dev.strata.training.TrainingSettings;
import dev.strata.training.TrainingStorage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code strata:cluster.s3Volumes}: the model archive's prefix (for the model servers, beside copying into L2) and
 * the training bucket's datasets prefix (for jobs that stream rather than import into FSx), each mounted read-only
 * through Mountpoint for Amazon S3 ({@link MountpointVolume}, a claim in the tier's namespace). When at least one is
 * mounted, the driver's add-on is installed ({@code strata:cluster.addons.s3CsiDriver}) and each bucket grants the
 * driver's role read on exactly its mounted prefix and decrypt on exactly its key; nothing grants write.
 */
final class S3Mounts {
    private S3Mounts() {
    }

    /** A mounted volume: its name, its settings, the bucket and the claim's namespace. */
    private record Mount(String name, S3VolumeSettings settings, SecureBucket bucket, String namespace, Optional<String> cacheSize) {
    }

    /**
     * The driver and the volumes the settings turn on (nothing when none is), their grants, and the stack output
     * {@code s3Volumes}. Each claim takes its namespace as data from {@code namespaces} (so it waits for a created one).
     */
    static void define(Context ctx, String stack, ClusterWiring.Cluster cluster, StrataSettings settings,
                       Optional<TrainingStorage> training, Optional<InferenceStorage> inference, StackNamespaces namespaces,
                       Map<String, String> tags) {
        ClusterSettings.S3Volumes volumes = settings.cluster().orElseThrow().s3Volumes();
        Map<String, Mount> mounts = new LinkedHashMap<>();
        settings.inference().filter(i -> volumes.modelArchive().enabled()).ifPresent(i -> mounts.put("modelArchive",
                new Mount(TierName.MODEL_ARCHIVE.value(), volumes.modelArchive(), inference.orElseThrow().archive(), i.namespace(),
                        cacheSize(volumes.modelArchive(), i))));
        settings.training().filter(t -> volumes.trainingDatasets().enabled()).ifPresent(t -> mounts.put("trainingDatasets",
                new Mount("training-datasets", volumes.trainingDatasets(), training.orElseThrow().bucket(), t.namespace(),
                        Optional.empty())));
        if (mounts.isEmpty()) {
            return;
        }
        ClusterSettings.Addon addon = settings.cluster().orElseThrow().addons().s3CsiDriver();
        CsiDriver driver = new CsiDriver(stack + "-s3-csi", ClusterWiring.driverArgs(cluster.eks(), CsiDriver.Driver.S3, addon, false, tags),
                ComponentResourceOptions.builder().dependsOn(cluster.eks()).build());
        Output<String> region = Grants.region().applyValue(r -> r.name());
        Map<String, Output<Map<String, Object>>> outputs = new LinkedHashMap<>();
        mounts.forEach((key, mount) -> {
            S3VolumeSettings volume = mount.settings();
            mount.bucket().grantRead(driver, volume.prefix());
            MountpointVolume mounted = new MountpointVolume(stack + "-" + mount.name() + "-s3", MountpointVolumeArgs.builder()
                    .bucketName(mount.bucket().bucketName)
                    .region(region)
                    .prefix(volume.prefix())
                    .namespace(namespaces.name(mount.namespace()))
                    .claimName(volume.claimName())
                    .allowOther(volume.allowOther())
                    .cacheSize(mount.cacheSize().orElse(null))
                    .labels(Map.of("strata.dev/volume", mount.name()))
                    .build(), ComponentResourceOptions.builder().providers(cluster.kubernetes()).build());
            outputs.put(key, Output.tuple(mount.bucket().bucketName, mounted.claimName).applyValue(t -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("namespace", mount.namespace());
                out.put("claim", t.t2);
                out.put("bucket", t.t1);
                out.put("prefix", volume.prefix());
                out.put("readOnly", true);
                out.put("cacheSize", mount.cacheSize().orElse(null));
                return out;
            }));
        });
        ctx.export("s3Volumes", Output.all(List.copyOf(outputs.values())).applyValue(values -> {
            Map<String, Object> all = new LinkedHashMap<>();
            List<String> keys = List.copyOf(outputs.keySet());
            for (int i = 0; i < keys.size(); i++) {
                all.put(keys.get(i), values.get(i));
            }
            return all;
        }));
    }

    /** The model archive's cache: on L2 nodes, the set size or the default; none without L2. */
    private static Optional<String> cacheSize(S3VolumeSettings volume, InferenceSettings inference) {
        return inference.nvme().map(l2 -> volume.cacheSize().orElse(S3VolumeSettings.DEFAULT_CACHE_SIZE));
    }

    /**
     * Rules across settings: a volume turned on needs its bucket's tier, the model archive caches only where L2
     * nodes hold the cache, and no lifecycle rule of the training bucket archives the mounted datasets prefix.
     */
    static void check(ClusterSettings cluster, Optional<TrainingSettings> training, Optional<InferenceSettings> inference,
                      Problems problems) {
        String key = "strata:cluster.s3Volumes.";
        S3VolumeSettings archive = cluster.s3Volumes().modelArchive();
        if (archive.enabledSet() && archive.enabled() && inference.isEmpty()) {
            problems.add(key + "modelArchive.enabled", true, "strata:inference", "(not set)",
                    "mounts the model archive of strata:inference; set strata:inference or turn the volume off");
        }
        if (archive.cacheSize().isPresent() && inference.flatMap(InferenceSettings::nvme).isEmpty()) {
            problems.add(key + "modelArchive.cacheSize", archive.cacheSize().get(), "strata:inference.nvme.enabled", false,
                    "the model archive's volume caches on the L2 (NVMe) nodes only; turn L2 on or remove the cache size");
        }
        S3VolumeSettings datasets = cluster.s3Volumes().trainingDatasets();
        if (datasets.enabledSet() && datasets.enabled() && training.isEmpty()) {
            problems.add(key + "trainingDatasets.enabled", true, "strata:training", "(not set)",
                    "mounts the datasets prefix of strata:training's bucket; set strata:training or turn the volume off");
        }
        // Mountpoint cannot read objects in S3 Glacier Flexible Retrieval or Deep Archive until they are restored
        // (https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#s3-storage-classes).
        training.filter(t -> datasets.enabled()).ifPresent(t -> LustreRules.archivedLinks(
                List.of(new LustreRules.LinkedPrefix(key + "trainingDatasets.prefix", datasets.prefix())), t.coldArchive().lifecycle(),
                "strata:training.coldArchive.lifecycle", "Mountpoint for Amazon S3 cannot read objects archived in S3 Glacier "
                        + "Flexible Retrieval or Deep Archive until they are restored; mount a prefix kept in classes read in real "
                        + "time, or turn the volume off", problems));
    }
}

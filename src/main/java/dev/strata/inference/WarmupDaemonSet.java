package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.DaemonSet;
import com.pulumi.kubernetes.apps.v1.DaemonSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DaemonSetSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.HostPathVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm-up: on each L2 node (its label selects it, its taint is tolerated), an init container copies
 * the configured prefixes from the archive into the node's cache before the pod runs, then a container
 * re-syncs hourly. It runs as the inference service account (AWS credentials come from IRSA's projected
 * token, never from the manifest), as uid and gid {@value #UID}, not root: the cache directory
 * belongs to that group on the node ({@link NvmeNode}), since fsGroup does not change a hostPath volume.
 * The cache is the node's cache mount itself (hostPath, type Directory: a node without it fails the pod
 * visibly), the directory the provisioner offers as the node's local volume: a DaemonSet cannot hold one
 * claim per node, and a claim of its own would take the node's only volume from the model servers.
 */
final class WarmupDaemonSet {
    /** The warm-up DaemonSet's name. */
    static final String NAME = "model-cache-warmup";
    /** The uid and gid the warm-up runs as: the L2 cache directory's group (in the access points' gid range). */
    static final int UID = NvmeNode.CACHE_GID;
    /** Copies every configured prefix from the archive into the node's cache directory. */
    static final String SYNC_SCRIPT = "set -eu; for prefix in $MODEL_PREFIXES; do "
            + "aws s3 sync \"s3://$ARCHIVE_BUCKET/$prefix\" \"/cache/$prefix\" --only-show-errors; done";
    /** How often the warm-up refreshes the cache after the first copy. */
    static final int RESYNC_SECONDS = 3600;

    private WarmupDaemonSet() {
    }

    static DaemonSet declare(String name, InferenceStorageArgs args, CacheWarmup warmup, NvmeNode nodes,
                             Output<String> archiveBucket, CustomResourceOptions options) {
        Map<String, String> selector = Map.of("app.kubernetes.io/name", NAME);
        Map<String, String> labels = new LinkedHashMap<>(selector);
        labels.put("app.kubernetes.io/part-of", "strata");
        labels.put("strata.dev/cache-level", "l2");
        List<EnvVarArgs> env = List.of(
                EnvVarArgs.builder().name("ARCHIVE_BUCKET").value(archiveBucket).build(),
                EnvVarArgs.builder().name("MODEL_PREFIXES").value(String.join(" ", warmup.prefixes())).build(),
                EnvVarArgs.builder().name("HOME").value("/tmp").build());
        var securityContext = SecurityContextArgs.builder()
                .allowPrivilegeEscalation(false)
                .readOnlyRootFilesystem(true)
                .privileged(false)
                .runAsNonRoot(true)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .build();
        List<VolumeMountArgs> mounts = List.of(
                VolumeMountArgs.builder().name("cache").mountPath("/cache").build(),
                VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        var resources = ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", CacheWarmup.CPU_REQUEST, "memory", CacheWarmup.MEMORY_REQUEST))
                .limits(Map.of("cpu", CacheWarmup.CPU_LIMIT, "memory", CacheWarmup.MEMORY_LIMIT))
                .build();
        ContainerArgs copy = ContainerArgs.builder()
                .name("warm-up")
                .image(warmup.image())
                .command("/bin/sh", "-c", SYNC_SCRIPT)
                .env(env).volumeMounts(mounts).securityContext(securityContext).resources(resources)
                .build();
        ContainerArgs keepFresh = ContainerArgs.builder()
                .name("keep-fresh")
                .image(warmup.image())
                .command("/bin/sh", "-c", "while true; do sleep " + RESYNC_SECONDS + "; " + SYNC_SCRIPT + "; done")
                .env(env).volumeMounts(mounts).securityContext(securityContext).resources(resources)
                .build();
        return new DaemonSet(name + "-cache-warmup", DaemonSetArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAME).namespace(args.namespace()).labels(labels).build())
                .spec(DaemonSetSpecArgs.builder()
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .serviceAccountName(args.serviceAccountName())
                                        // IRSA mounts its own projected token; the Kubernetes API token is not needed.
                                        .automountServiceAccountToken(false)
                                        .securityContext(PodSecurityContextArgs.builder()
                                                .runAsNonRoot(true)
                                                .runAsUser(UID)
                                                .runAsGroup(NvmeNode.CACHE_GID)
                                                // Owns the scratch emptyDir; the hostPath cache is the node's to own.
                                                .fsGroup(NvmeNode.CACHE_GID)
                                                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                                .build())
                                        .nodeSelector(Map.of(nodes.labelKey(), nodes.labelValue()))
                                        .tolerations(LocalVolumeProvisioner.toleration(nodes))
                                        .initContainers(copy)
                                        .containers(keepFresh)
                                        .volumes(
                                                VolumeArgs.builder().name("cache").hostPath(HostPathVolumeSourceArgs.builder()
                                                        .path(nodes.mountPath()).type("Directory").build()).build(),
                                                VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder()
                                                        .sizeLimit(CacheWarmup.SCRATCH_SIZE_LIMIT).build()).build())
                                        .build())
                                .build())
                        .build())
                .build(), options);
    }
}

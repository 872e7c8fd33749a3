package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Optional;

/**
 * L2, the local NVMe of the nodes labelled for it ({@link NvmeNode}), when enabled: the StorageClass
 * {@value #STORAGE_CLASS} and the local static provisioner ({@link LocalVolumeProvisioner}), which creates
 * one local PersistentVolume per node from its cache mount and cleans released ones; no node is named
 * ahead. The optional warm-up ({@link WarmupDaemonSet}) fills it from the archive. Disabled, the level is
 * declared with nothing in it.
 */
final class NvmeCacheLevel extends CacheLevel {
    /** The playbook's local StorageClass. */
    static final String STORAGE_CLASS = "local-nvme";
    /** Local volumes are never provisioned on demand; the static provisioner creates them ahead. */
    static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

    private final String name;
    private final Optional<NvmeNode> nodes;

    NvmeCacheLevel(String name, InferenceStorageArgs args, Optional<NvmeNode> nodes, Provider k8s, InferenceStorage parent) {
        super(name + "-l2-local-nvme", 2, "local NVMe", nodes.isPresent(), ComponentResourceOptions.builder().parent(parent).build());
        this.name = name;
        this.nodes = nodes;
        // The playbook's local StorageClass, whose volumes the local static provisioner creates on every
        // L2 node (one per node, from its cache mount) and cleans when released. WaitForFirstConsumer: "delaying
        // volume binding ensures that the PersistentVolumeClaim binding decision will also be evaluated with any
        // other node constraints the Pod may have"; Delete: the provisioner deletes a released volume's contents
        // and offers it again (https://kubernetes.io/docs/concepts/storage/volumes/#local,
        // https://kubernetes.io/docs/concepts/storage/storage-classes/#local).
        nodes.ifPresent(l2 -> {
            StorageClass localClass = new StorageClass(name + "-local-nvme", StorageClassArgs.builder()
                    .metadata(metadata(STORAGE_CLASS, null, 2))
                    .provisioner(NO_PROVISIONER)
                    .volumeBindingMode("WaitForFirstConsumer")
                    .reclaimPolicy("Delete")
                    .build(), kubernetes(k8s));
            LocalVolumeProvisioner.declare(name, l2, args.localVolumeProvisionerImage(),
                    localClass.metadata().applyValue(meta -> meta.name().orElseThrow()), this, k8s);
        });
    }

    /**
     * Declares the warm-up on this level's nodes, copying from {@code archiveBucket} (L4, declared after this
     * level), in the namespace of the Args (whose Namespace it waits for through its name). Needs the level enabled.
     */
    void warmUp(InferenceStorageArgs args, CacheWarmup warmup, Output<String> archiveBucket, Provider k8s) {
        WarmupDaemonSet.declare(name, args, warmup, nodes.orElseThrow(), archiveBucket, kubernetes(k8s));
    }
}

package dev.strata.inference;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.efs.AccessPointProvisioning;
import dev.strata.efs.EfsFileSystem;
import dev.strata.efs.EfsFileSystemArgs;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.core.TierName;

import java.util.Map;

/**
 * L3, the shared model repository: an EFS file system (the building block the training tiers use too),
 * the StorageClass {@value #STORAGE_CLASS} (access points under a base path, reclaim policy Retain) and
 * the claim {@value #CLAIM} in the model servers' namespace, created after the EFS CSI driver's add-on.
 */
final class ModelRepository extends CacheLevel {
    /** The playbook's EFS StorageClass and claim. */
    static final String STORAGE_CLASS = "efs-models";
    static final String CLAIM = "shared-models-pvc";

    /** The file system, for grants (the EFS CSI driver mounts it). */
    final EfsFileSystem fileSystem;

    ModelRepository(String name, InferenceStorageArgs args, Provider k8s, InferenceStorage parent) {
        super(name + "-l3-efs", 3, "EFS", true, ComponentResourceOptions.builder().parent(parent).build());
        var fileSystemArgs = EfsFileSystemArgs.builder()
                .kmsKeyArn(args.kmsKeyArn())
                .network(args.network())
                .options(args.modelFileSystem())
                .component("inference")
                .tier(TierName.MODEL_REPOSITORY.value())
                .tags(args.tags())
                .protect(args.protect());
        this.fileSystem = new EfsFileSystem(name + "-model-repository", fileSystemArgs.build(),
                ComponentResourceOptions.builder().parent(this).build());
        // The playbook's StorageClass: the EFS CSI driver creates an access point per volume under basePath.
        // Retain: deleting a claim never deletes the models on the file system.
        StorageClass modelClass = new StorageClass(name + "-efs-models", StorageClassArgs.builder()
                .metadata(metadata(STORAGE_CLASS, null, 3))
                .provisioner("efs.csi.aws.com")
                .parameters(fileSystem.fileSystemId.applyValue(id -> AccessPointProvisioning.parameters(id, args.modelBasePath(),
                        AccessPointProvisioning.DIRECTORY_PERMS, AccessPointProvisioning.GID_RANGE_START, AccessPointProvisioning.GID_RANGE_END)))
                .reclaimPolicy("Retain")
                .volumeBindingMode("Immediate")
                // The file-system policy denies plain NFS and anonymous clients: mount with TLS and IAM.
                .mountOptions("tls", "iam")
                .build(), kubernetes(k8s));
        // Immediate binding: the EFS CSI driver provisions the claim as soon as it exists
        // (https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode), and the Kubernetes
        // provider waits a fixed 5 minutes for it to be Bound, whatever customTimeouts say
        // (https://github.com/pulumi/pulumi-kubernetes/blob/v4.0.0/provider/pkg/await/awaiters.go,
        // untilCoreV1PersistentVolumeClaimBound). So the claim waits for
        // its StorageClass and for the driver's add-on (its version, efsCsiDriver, is in the claim's annotations),
        // and for its namespace (whose name it takes from the namespace's output).
        ObjectMetaArgs claimMetadata = metadata(CLAIM, args.namespace(), 3);
        if (args.efsCsiDriver().isPresent()) {
            claimMetadata = ObjectMetaArgs.builder(claimMetadata).annotations(args.efsCsiDriver().get()
                    .applyValue(version -> Map.of(EfsFileSystem.CSI_DRIVER_ANNOTATION, version))).build();
        }
        new PersistentVolumeClaim(name + "-shared-models", PersistentVolumeClaimArgs.builder()
                .metadata(claimMetadata)
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadWriteMany")
                        .storageClassName(STORAGE_CLASS)
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("storage", args.modelClaimSize())).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(k8s)
                .dependsOn(modelClass)
                .protect(args.protect()).retainOnDelete(args.protect()).build());
    }
}

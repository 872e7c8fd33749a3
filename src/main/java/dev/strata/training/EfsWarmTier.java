package dev.strata.training;

import dev.strata.core.ComponentOutputs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.efs.AccessPointProvisioning;
import dev.strata.efs.EfsAccessPointArgs;
import dev.strata.efs.EfsFileSystem;
import dev.strata.efs.EfsFileSystemArgs;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.core.TierName;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The warm tier: an EFS file system ({@link EfsFileSystem}) with an access point for shared datasets,
 * the StorageClass through which the EFS CSI driver gives each claim an access point of its own, and
 * a ReadWriteMany claim. Built by {@link TrainingStorage}.
 */
final class EfsWarmTier extends ComponentResource {
    public static final String TYPE = "strata:training:EfsWarmTier";

    /** The file system, for grants. */
    public final EfsFileSystem fileSystem;

    /** The claim's name. */
    @Export(name = "claimName", refs = {String.class}, tree = "[0]")
    public final Output<String> claimName;

    private final Map<String, Object> summary;

    /** The warm tier {@code name} (children: the file system {@code name}, {@code name-class}, {@code name-claim}), validated first. */
    public EfsWarmTier(String name, WarmTierArgs args, TierContext context, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, TierContext.checked(args, (a, problems) -> a.validate(field -> field, field -> "efs." + field, problems)), options);
        TierOptions children = new TierOptions(this, options);
        EfsOptionsArgs efsOptions = args.efs();
        EfsFileSystem efs = new EfsFileSystem(name, EfsFileSystemArgs.builder()
                .kmsKeyArn(context.kmsKeyArn())
                .network(context.network())
                .options(efsOptions)
                .accessPoints(List.of(EfsAccessPointArgs.builder().name("shared").path(args.accessPointPath())
                        .uid(args.posixId()).gid(args.posixId()).build()))
                .component("training")
                .tier(TierName.WARM.value())
                .tags(context.tags())
                .protect(context.protect())
                .build(), children.component());

        StorageClass storageClass = new StorageClass(name + "-class", StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.storageClassName()).labels(TierContext.labels(TierName.WARM.value())).build())
                .provisioner(TrainingStorage.EFS_CSI_DRIVER)
                .parameters(efs.fileSystemId.applyValue(id -> AccessPointProvisioning.parameters(id, args.basePath(), args.directoryPerms(),
                        args.gidRangeStart(), args.gidRangeEnd())))
                .reclaimPolicy("Retain")
                .volumeBindingMode("Immediate")
                // The file-system policy denies plain NFS and anonymous clients: mount with TLS and IAM.
                .mountOptions("tls", "iam")
                .build(), children.child());
        // Immediate binding: the EFS CSI driver provisions the claim's access point as soon as the claim
        // exists (https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode), and the
        // provider waits 5 minutes for it to be Bound (see the hot claim). So the claim is created after
        // its StorageClass (whose name it takes from it) and after the driver's add-on is active (its
        // version, efsCsiDriver, is in the claim's annotations).
        var metadata = ObjectMetaArgs.builder().name(args.claimName()).namespace(context.namespace()).labels(TierContext.labels(TierName.WARM.value()));
        context.efsCsiDriver().ifPresent(driver -> metadata.annotations(
                driver.applyValue(version -> Map.of(EfsFileSystem.CSI_DRIVER_ANNOTATION, version))));
        new PersistentVolumeClaim(name + "-claim", PersistentVolumeClaimArgs.builder()
                .metadata(metadata.build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadWriteMany")
                        .storageClassName(storageClass.metadata().applyValue(meta -> meta.name().orElse(args.storageClassName())))
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("storage", args.claimStorageGiB() + "Gi")).build())
                        .build())
                .build(), children.child());
        this.fileSystem = efs;
        this.claimName = Output.of(args.claimName());
        this.summary = summary(efsOptions);
        registerOutputs(ComponentOutputs.of(this));
    }


    /** The tier's service, throughput mode and throughput, for plans and dashboards. */
    public Map<String, Object> summary() {
        return summary;
    }

    /**
     * EFS grows with its data; its throughput depends on the mode
     * (https://docs.aws.amazon.com/efs/latest/ug/performance.html#throughput-modes).
     */
    private static Map<String, Object> summary(EfsOptionsArgs efs) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("service", "EFS");
        summary.put("throughputMode", efs.throughput().apiValue());
        summary.put("capacity", "elastic");
        summary.put("throughput", switch (efs.throughput()) {
            case PROVISIONED -> efs.provisionedThroughputMibps().orElseThrow() + " MiB/s provisioned";
            case ELASTIC -> "elastic: scales with demand up to the Region's per-file-system limit";
            case BURSTING -> "bursting: 50 KiB/s per GiB stored baseline, bursts to 100 MiB/s";
        });
        return summary;
    }
}

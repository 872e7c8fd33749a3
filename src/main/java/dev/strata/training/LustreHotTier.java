package dev.strata.training;

import dev.strata.core.ComponentOutputs;
import dev.strata.monitoring.MonitoredKind;
import dev.strata.monitoring.MonitoredResourceArgs;
import com.pulumi.aws.fsx.DataRepositoryAssociation;
import com.pulumi.aws.fsx.DataRepositoryAssociationArgs;
import com.pulumi.aws.fsx.LustreFileSystem;
import com.pulumi.aws.fsx.LustreFileSystemArgs;
import com.pulumi.aws.fsx.inputs.DataRepositoryAssociationS3Args;
import com.pulumi.aws.fsx.inputs.DataRepositoryAssociationS3AutoExportPolicyArgs;
import com.pulumi.aws.fsx.inputs.DataRepositoryAssociationS3AutoImportPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.core.v1.PersistentVolume;
import com.pulumi.kubernetes.core.v1.PersistentVolumeArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.CSIPersistentVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import dev.strata.core.Tags;
import dev.strata.core.TierName;
import dev.strata.security.KeyGrants;

import javax.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hot tier: a managed FSx for Lustre file system (LZ4, the training key on persistent types,
 * backups where asked) linked to the training bucket through import/export paths or data repository
 * associations, the KMS grant that lets FSx's S3 access role use the bucket's key, a static
 * PersistentVolume and a ReadWriteMany claim. Built by {@link TrainingStorage}.
 */
final class LustreHotTier extends ComponentResource {
    public static final String TYPE = "strata:training:LustreHotTier";
    /** Data compression of every Lustre file system (https://docs.aws.amazon.com/fsx/latest/LustreGuide/data-compression.html). */
    public static final String DATA_COMPRESSION = "LZ4";
    /**
     * How long Pulumi waits for a Lustre file system to be created, updated or deleted: the AWS
     * provider's own default (terraform-provider-aws aws_fsx_lustre_file_system, "Timeouts": create,
     * update and delete 30m; https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/fsx_lustre_file_system#timeouts),
     * made explicit. The FSx documentation gives no creation time; a file system is CREATING until it is
     * AVAILABLE (https://docs.aws.amazon.com/fsx/latest/LustreGuide/file-system-lifecycle-states.html).
     */
    public static final Duration FILE_SYSTEM_TIMEOUT = Duration.ofMinutes(30);
    /** Events a data repository association imports and exports. */
    public static final List<String> ASSOCIATION_EVENTS = List.of("NEW", "CHANGED", "DELETED");

    /** The file system's id. */
    @Export(name = "fileSystemId", refs = {String.class}, tree = "[0]")
    public final Output<String> fileSystemId;

    /** The file system's DNS name. */
    @Export(name = "dnsName", refs = {String.class}, tree = "[0]")
    public final Output<String> dnsName;

    /** The file system's Lustre mount name. */
    @Export(name = "mountName", refs = {String.class}, tree = "[0]")
    public final Output<String> mountName;

    /** The claim bound to the file system. */
    @Export(name = "claimName", refs = {String.class}, tree = "[0]")
    public final Output<String> claimName;

    private final Map<String, Object> summary;

    /** The hot tier {@code name} (children: {@code name}, {@code name-pv}, {@code name-claim} ...), validated first. */
    public LustreHotTier(String name, HotTierArgs args, TierContext context, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, TierContext.checked(args, (a, problems) -> a.validate(field -> field, problems)), options);
        TierOptions children = new TierOptions(this, options);
        DeploymentType type = args.type();
        LustreFileSystem fileSystem = fileSystem(name, args, type, context, children);
        String capacity = args.storageGiB() + "Gi";
        PersistentVolume volume = new PersistentVolume(name + "-pv", PersistentVolumeArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).labels(TierContext.labels(TierName.HOT.value())).build())
                .spec(PersistentVolumeSpecArgs.builder()
                        .capacity(Map.of("storage", capacity))
                        .accessModes("ReadWriteMany")
                        .persistentVolumeReclaimPolicy("Retain")
                        .storageClassName("")
                        .volumeMode("Filesystem")
                        .mountOptions("flock")
                        .csi(CSIPersistentVolumeSourceArgs.builder()
                                .driver(TrainingStorage.FSX_CSI_DRIVER)
                                .volumeHandle(fileSystem.id())
                                .volumeAttributes(Output.tuple(fileSystem.dnsName(), fileSystem.mountName())
                                        .applyValue(t -> {
                                            Map<String, String> attributes = new TreeMap<>();
                                            attributes.put("dnsname", t.t1);
                                            attributes.put("mountname", t.t2);
                                            return attributes;
                                        }))
                                .build())
                        .build())
                .build(), children.child());
        // The claim binds to the volume by name, taken from the volume itself: the claim is created only
        // once the volume is, and the volume once the file system is (volumeHandle is its id). The
        // Kubernetes provider waits a fixed 5 minutes for a claim to be Bound, whatever customTimeouts say
        // (untilCoreV1PersistentVolumeClaimBound: WatchUntil(pvcBound, 5*time.Minute),
        // https://github.com/pulumi/pulumi-kubernetes/blob/v4.0.0/provider/pkg/await/awaiters.go); a static
        // claim whose volume exists binds in seconds.
        new PersistentVolumeClaim(name + "-claim", PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.claimName()).namespace(context.namespace())
                        .labels(TierContext.labels(TierName.HOT.value())).build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes("ReadWriteMany")
                        .storageClassName("")
                        .volumeName(volume.metadata().applyValue(meta -> meta.name().orElse(name)))
                        .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", capacity)).build())
                        .build())
                .build(), children.child());
        this.fileSystemId = fileSystem.id();
        this.dnsName = fileSystem.dnsName();
        this.mountName = fileSystem.mountName();
        this.claimName = Output.of(args.claimName());
        this.summary = summary(type, args.storageGiB(), args.perUnitStorageThroughput().orElse(null));
        registerOutputs(ComponentOutputs.of(this));
    }


    /** The file system as {@code StorageAlarms} watches it: free capacity and throughput utilisation. */
    public MonitoredResourceArgs monitored(String label) {
        return MonitoredResourceArgs.builder().tier(TierName.HOT.value()).label(label).kind(MonitoredKind.FSX_LUSTRE).resourceId(fileSystemId)
                .capacityGiB((Integer) summary.get("capacityGiB"))
                .throughputMBps(((Number) summary.get("throughputMBps")).doubleValue()).build();
    }

    /** The tier's service, capacity and aggregate throughput, for plans and dashboards. */
    public Map<String, Object> summary() {
        return summary;
    }

    private LustreFileSystem fileSystem(String name, HotTierArgs hot, DeploymentType type, TierContext context, TierOptions children) {
        Map<String, String> tags = new TreeMap<>(Tags.of(context.tags(), "training", TierName.HOT.value()));
        tags.put("Name", name);
        var builder = LustreFileSystemArgs.builder()
                .deploymentType(type.name())
                .storageType("SSD")
                .storageCapacity(hot.storageGiB())
                .subnetIds(context.lustreSubnetId())
                .securityGroupIds(context.lustreGroupId().applyValue(List::of))
                .dataCompressionType(DATA_COMPRESSION)
                .fileSystemTypeVersion(hot.fileSystemTypeVersion())
                .tags(tags);
        if (!type.isScratch()) {
            // Persistent types take a KMS key; scratch types are encrypted with keys FSx manages
            // (https://docs.aws.amazon.com/fsx/latest/LustreGuide/encryption-at-rest.html).
            builder.perUnitStorageThroughput(hot.perUnitStorageThroughput().orElseThrow())
                    .kmsKeyId(context.kmsKeyArn())
                    .automaticBackupRetentionDays(hot.automaticBackupRetentionDays())
                    .copyTagsToBackups(true)
                    // A final backup on delete only for a protected file system FSx can back up: "On file systems
                    // not linked to an Amazon S3 bucket, set SkipFinalBackup to false to take a final backup"
                    // (https://docs.aws.amazon.com/fsx/latest/APIReference/API_DeleteFileSystem.html).
                    .skipFinalBackup(!context.protect() || hot.linked());
        }
        Output<String> bucketName = context.bucket().bucketName;
        if (type.linksThroughPaths()) {
            hot.importPath().ifPresent(prefix -> builder.importPath(bucketName.applyValue(b -> TierContext.s3Path(b, prefix))));
            hot.exportPath().ifPresent(prefix -> builder.exportPath(bucketName.applyValue(b -> TierContext.s3Path(b, prefix))));
            hot.autoImport().ifPresent(policy -> builder.autoImportPolicy(policy.name()));
        }
        LustreFileSystem fileSystem = new LustreFileSystem(name, builder.build(), children.stateful(context.protect(),
                CustomTimeouts.builder().create(FILE_SYSTEM_TIMEOUT).update(FILE_SYSTEM_TIMEOUT).delete(FILE_SYSTEM_TIMEOUT).build()));
        List<Resource> links = new ArrayList<>(List.of(fileSystem));
        for (LustreAssociationArgs association : hot.dataRepositoryAssociations()) {
            links.add(new DataRepositoryAssociation(name + association.fileSystemPath().replaceAll("[^A-Za-z0-9]+", "-"),
                    DataRepositoryAssociationArgs.builder()
                            .fileSystemId(fileSystem.id())
                            .fileSystemPath(association.fileSystemPath())
                            .dataRepositoryPath(bucketName.applyValue(b -> TierContext.s3Path(b, association.dataRepositoryPath())))
                            .batchImportMetaDataOnCreate(true)
                            .deleteDataInFilesystem(false)
                            .s3(DataRepositoryAssociationS3Args.builder()
                                    .autoImportPolicy(DataRepositoryAssociationS3AutoImportPolicyArgs.builder()
                                            .events(ASSOCIATION_EVENTS).build())
                                    .autoExportPolicy(DataRepositoryAssociationS3AutoExportPolicyArgs.builder()
                                            .events(ASSOCIATION_EVENTS).build())
                                    .build())
                            .tags(tags)
                            .build(), children.child()));
        }
        // FSx reads and writes the SSE-KMS bucket as the file system's own S3 access role, which the key
        // must let in; the role exists once the file system or its first association does.
        if (!hot.dataRepositoryAssociations().isEmpty() || (type.linksThroughPaths() && hot.importPath().isPresent())) {
            KeyGrants.fsxS3Access(name + "-s3-access", context.kmsKeyArn(), fileSystem.id(), context.bucket().bucketArn,
                    children.after(links));
        }
        return fileSystem;
    }

    private static Map<String, Object> summary(DeploymentType type, int storageGiB, @Nullable Integer perUnit) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("service", "FSx for Lustre");
        summary.put("deploymentType", type.name());
        summary.put("capacityGiB", storageGiB);
        summary.put("throughputMBpsPerTiB", type.isScratch() ? type.baselineMBpsPerTiB() : perUnit);
        summary.put("throughputMBps", LustreRules.aggregateThroughputMBps(type, storageGiB, perUnit));
        return summary;
    }
}

package dev.strata.cluster;

import dev.strata.core.ComponentOutputs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.core.v1.PersistentVolume;
import com.pulumi.kubernetes.core.v1.PersistentVolumeArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.CSIPersistentVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectReferenceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bucket prefix mounted read-only through Mountpoint for Amazon S3's CSI driver ({@code s3.csi.aws.com}): a
 * static PersistentVolume reserved for one claim and that claim, as the driver's static provisioning asks
 * (https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md#static-provisioning):
 * {@code storageClassName ""} on both, the volume's {@code claimRef} naming the claim and the claim's
 * {@code volumeName} naming the volume, a {@code volumeHandle} unique in the cluster (the component's name:
 * "Kubernetes only processes a volume once per volumeHandle"), {@code volumeAttributes.bucketName}.
 * Read-only twice over: access mode {@code ReadOnlyMany} (with which the driver adds {@code --read-only},
 * pkg/driver/node/node.go) and the mount option {@code read-only}. The claim binds as soon as both exist: a static
 * volume needs neither a StorageClass nor the driver to bind (the driver mounts when a pod starts), so neither
 * waits for the add-on. Reclaim policy Retain: deleting the claim never touches the bucket.
 *
 * <p>The volume grants nothing: the driver's role needs read on exactly this prefix and decrypt on the bucket's key,
 * which the bucket's owner gives ({@code SecureBucket.grantRead(driver, prefix)}). Mountpoint needs no more to read
 * (https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#iam-permissions: s3:ListBucket, limited
 * to a mounted prefix with the s3:prefix condition key, and s3:GetObject), and kms:Decrypt to read SSE-KMS objects
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#aws-managed-customer-managed-keys).
 */
public final class MountpointVolume extends ComponentResource {
    public static final String TYPE = "strata:cluster:MountpointVolume";
    /** The Mountpoint for Amazon S3 CSI driver's name (the PersistentVolume's {@code csi.driver}). */
    public static final String CSI_DRIVER = "s3.csi.aws.com";
    /** Both objects are read-only (https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md: ReadWriteMany / ReadOnlyMany). */
    public static final String ACCESS_MODE = "ReadOnlyMany";
    /** Mountpoint's option that refuses every write (https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#file-system-configuration). */
    public static final String READ_ONLY = "read-only";

    /** The claim pods mount. */
    @Export(name = "claimName", refs = {String.class}, tree = "[0]")
    public final Output<String> claimName;

    /** The PersistentVolume's name (also its volumeHandle). */
    @Export(name = "volumeName", refs = {String.class}, tree = "[0]")
    public final Output<String> volumeName;

    private final MountpointVolumeArgs args;

    /** The MountpointVolume {@code name} with default resource options, as {@code new MountpointVolume(name, args, null)}. */
    public MountpointVolume(String name, MountpointVolumeArgs args) {
        this(name, args, null);
    }

    /**
     * The volume {@code name} (children {@code name-pv} and {@code name-claim}); the claim waits for what this
     * component depends on; it takes its namespace as data (a created Namespace's name output: it waits for it).
     */
    public MountpointVolume(String name, MountpointVolumeArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked(args), options);
        this.args = args;
        Map<String, String> labels = new TreeMap<>(args.labels());
        labels.put("app.kubernetes.io/managed-by", "strata");
        PersistentVolume volume = new PersistentVolume(name + "-pv", PersistentVolumeArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(name).labels(labels).build())
                .spec(PersistentVolumeSpecArgs.builder()
                        .capacity(Map.of("storage", MountpointVolumeArgs.NOMINAL_CAPACITY))
                        .accessModes(ACCESS_MODE)
                        .persistentVolumeReclaimPolicy("Retain")
                        .storageClassName("")
                        .volumeMode("Filesystem")
                        .claimRef(ObjectReferenceArgs.builder().namespace(args.namespace()).name(args.claimName()).build())
                        .mountOptions(args.region().applyValue(region -> options(region, args)))
                        .csi(CSIPersistentVolumeSourceArgs.builder()
                                .driver(CSI_DRIVER)
                                .volumeHandle(name)
                                .volumeAttributes(args.bucketName().applyValue(bucket -> volumeAttributes(bucket, args)))
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        Output<List<Resource>> waits = options == null ? Output.ofList() : options.getDependsOn();
        new PersistentVolumeClaim(name + "-claim", PersistentVolumeClaimArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.claimName()).namespace(args.namespace()).labels(labels).build())
                .spec(PersistentVolumeClaimSpecArgs.builder()
                        .accessModes(ACCESS_MODE)
                        .storageClassName("")
                        .volumeName(volume.metadata().applyValue(meta -> meta.name().orElse(name)))
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("storage", MountpointVolumeArgs.NOMINAL_CAPACITY)).build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(waits).build());
        this.claimName = Output.of(args.claimName());
        this.volumeName = volume.metadata().applyValue(meta -> meta.name().orElse(name));
        registerOutputs(ComponentOutputs.of(this));
    }

    private static MountpointVolumeArgs checked(MountpointVolumeArgs args) {
        Problems problems = new Problems();
        args.validate(field -> field, problems);
        if (args.namespace() == null) {
            problems.missing("namespace", "is required: the namespace of the claim");
        }
        if (args.bucketName() == null) {
            problems.missing("bucketName", "is required: the bucket mounted");
        }
        if (args.region() == null) {
            problems.missing("region", "is required: the bucket's region");
        }
        problems.throwIfAny();
        return args;
    }

    /**
     * Mountpoint's options, as the driver takes them (without the leading {@code --}): read-only, the region,
     * the prefix, and {@code allow-other} only when asked.
     */
    static List<String> options(String region, MountpointVolumeArgs args) {
        List<String> options = new ArrayList<>();
        options.add(READ_ONLY);
        options.add("region " + region);
        options.add("prefix " + args.prefix());
        if (args.allowOther()) {
            options.add("allow-other");
        }
        return options;
    }

    /** The bucket, and the local cache when one is asked. */
    static Map<String, String> volumeAttributes(String bucket, MountpointVolumeArgs args) {
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("bucketName", bucket);
        args.cacheSize().ifPresent(size -> {
            attributes.put("cache", "emptyDir");
            attributes.put("cacheEmptyDirSizeLimit", size);
        });
        return attributes;
    }
}

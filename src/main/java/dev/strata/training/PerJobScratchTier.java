package dev.strata.training;

import dev.strata.core.ComponentOutputs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.TierName;

import javax.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-job scratch tier: the StorageClass through which each training job's claim creates its own
 * FSx for Lustre file system (the FSx CSI driver's dynamic provisioning), deleted with the claim. A
 * component of its own although it holds one resource: it is a tier with its own Args, summary and
 * output, and its place beside {@link LustreHotTier} lets either exist without the other.
 */
final class PerJobScratchTier extends ComponentResource {
    public static final String TYPE = "strata:training:PerJobScratchTier";

    /** The StorageClass's name. */
    @Export(name = "storageClassName", refs = {String.class}, tree = "[0]")
    public final Output<String> storageClassName;

    private final Map<String, Object> summary;

    /** The per-job tier {@code name} (child: {@code name-class}), validated first. */
    public PerJobScratchTier(String name, PerJobScratchArgs args, TierContext context, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, TierContext.checked(args, (a, problems) -> a.validate(field -> field, problems)), options);
        DeploymentType type = args.type();
        Output<Map<String, String>> parameters = Output.tuple(context.lustreSubnetId(), context.lustreGroupId(), context.bucket().bucketName,
                        context.kmsKeyArn())
                .applyValue(t -> parameters(t.t1, t.t2, t.t3, t.t4, type, args));
        new StorageClass(name + "-class", StorageClassArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(args.storageClassName()).labels(TierContext.labels(TierName.HOT.value())).build())
                .provisioner(TrainingStorage.FSX_CSI_DRIVER)
                .parameters(parameters)
                .reclaimPolicy("Delete")
                .volumeBindingMode("WaitForFirstConsumer")
                .mountOptions("flock")
                .build(), new TierOptions(this, options).child());
        this.storageClassName = Output.of(args.storageClassName());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("service", "FSx for Lustre (one file system per claim)");
        summary.put("deploymentType", type.name());
        summary.put("storageClass", args.storageClassName());
        summary.put("capacity", "per claim: 1200 GiB, 2400 GiB or multiples of " + type.capacityStepGiB() + " GiB");
        summary.put("throughputMBpsPerTiB", type.isScratch() ? type.baselineMBpsPerTiB() : args.perUnitStorageThroughput().orElseThrow());
        this.summary = summary;
        registerOutputs(ComponentOutputs.of(this));
    }


    /** The tier's service, deployment type, capacity steps and throughput, for plans and dashboards. */
    public Map<String, Object> summary() {
        return summary;
    }

    /**
     * The FSx CSI driver's StorageClass parameters
     * (https://github.com/kubernetes-sigs/aws-fsx-csi-driver/blob/master/examples/kubernetes/dynamic_provisioning/README.md).
     */
    private static Map<String, String> parameters(String subnetId, String groupId, String bucket, String kmsKeyArn,
                                                  DeploymentType type, PerJobScratchArgs perJob) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("subnetId", subnetId);
        parameters.put("securityGroupIds", groupId);
        parameters.put("deploymentType", type.name());
        parameters.put("fileSystemTypeVersion", perJob.fileSystemTypeVersion());
        parameters.put("dataCompressionType", LustreHotTier.DATA_COMPRESSION);
        if (!type.isScratch()) {
            parameters.put("perUnitStorageThroughput", String.valueOf(perJob.perUnitStorageThroughput().orElseThrow()));
            parameters.put("kmsKeyId", kmsKeyArn);
        }
        perJob.importPath().ifPresent(prefix -> parameters.put("s3ImportPath", TierContext.s3Path(bucket, prefix)));
        perJob.exportPath().ifPresent(prefix -> parameters.put("s3ExportPath", TierContext.s3Path(bucket, prefix)));
        perJob.autoImportPolicy().ifPresent(policy -> parameters.put("autoImportPolicy", AutoImportPolicy.valueOf(policy).name()));
        return parameters;
    }
}

package dev.strata.training;

import dev.strata.core.KubernetesValues;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.fsx.DataRepositoryAssociation;
import com.pulumi.aws.fsx.DataRepositoryAssociationArgs;
import com.pulumi.aws.fsx.LustreFileSystem;
import com.pulumi.aws.fsx.LustreFileSystemArgs;
import com.pulumi.aws.fsx.inputs.DataRepositoryAssociationS3Args;
import com.pulumi.aws.fsx.inputs.DataRepositoryAssociationS3AutoExportPolicyArgs;
import com.pulumi.aws.fsx.inputs.DataRepositoryAssociationS3AutoImportPolicyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolume;
import com.pulumi.kubernetes.core.v1.PersistentVolumeArgs;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaim;
import com.pulumi.kubernetes.core.v1.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.CSIPersistentVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import dev.strata.core.Children;
import dev.strata.core.NetworkRules;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.LifecycleRules;
import dev.strata.datalake.SecureBucket;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.efs.EfsAccessPointArgs;
import dev.strata.efs.EfsFileSystem;
import dev.strata.efs.EfsFileSystemArgs;
import dev.strata.efs.EfsRules;
import dev.strata.efs.PerformanceMode;
import dev.strata.efs.ThroughputMode;
import dev.strata.security.Grant;
import dev.strata.security.Grantee;
import dev.strata.security.Grants;
import dev.strata.security.KeyGrants;

import javax.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Four-tier training storage (the playbook's "Pattern 1"):
 * <ul>
 *   <li><b>hot</b>: a managed FSx for Lustre file system (LZ4, the CMK on persistent types, backups
 *       where asked) linked to the training bucket, with a static PersistentVolume and a claim; and/or
 *       a StorageClass through which each training job's claim creates its own scratch file system;</li>
 *   <li><b>warm</b>: an EFS file system ({@link EfsFileSystem}) with an access point for shared
 *       datasets, the StorageClass {@code efs-datasets} and a ReadWriteMany claim;</li>
 *   <li><b>cold</b> and <b>archive</b>: the training-data bucket ({@link SecureBucket}), whose
 *       lifecycle moves datasets to STANDARD_IA, then GLACIER and DEEP_ARCHIVE.</li>
 * </ul>
 * The Lustre ports are open only to the cluster's nodes. Kubernetes objects go through the
 * Kubernetes provider given in this component's options ({@code providers(...)}); its children
 * inherit it.
 */
public final class TrainingStorage extends ComponentResource {
    public static final String TYPE = "strata:training:TrainingStorage";
    public static final String FSX_CSI_DRIVER = "fsx.csi.aws.com";
    public static final String EFS_CSI_DRIVER = "efs.csi.aws.com";
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

    /** The training-data bucket (cold and archive tiers; the hot tier's import/export target). */
    @Export(name = "bucketName", refs = {String.class}, tree = "[0]")
    public final Output<String> bucketName;

    /** The hot tier's FSx for Lustre file system id; null without a managed hot tier. */
    @Export(name = "hotFileSystemId", refs = {String.class}, tree = "[0]")
    public final Output<String> hotFileSystemId;

    /** The hot file system's DNS name. */
    @Export(name = "hotDnsName", refs = {String.class}, tree = "[0]")
    public final Output<String> hotDnsName;

    /** The hot file system's Lustre mount name. */
    @Export(name = "hotMountName", refs = {String.class}, tree = "[0]")
    public final Output<String> hotMountName;

    /** The claim bound to the hot file system. */
    @Export(name = "hotClaimName", refs = {String.class}, tree = "[0]")
    public final Output<String> hotClaimName;

    /** The per-job scratch StorageClass. */
    @Export(name = "scratchStorageClassName", refs = {String.class}, tree = "[0]")
    public final Output<String> scratchStorageClassName;

    /** The warm tier's EFS file system id. */
    @Export(name = "warmFileSystemId", refs = {String.class}, tree = "[0]")
    public final Output<String> warmFileSystemId;

    /** The warm file system's DNS name. */
    @Export(name = "warmDnsName", refs = {String.class}, tree = "[0]")
    public final Output<String> warmDnsName;

    /** The warm tier's ReadWriteMany claim. */
    @Export(name = "warmClaimName", refs = {String.class}, tree = "[0]")
    public final Output<String> warmClaimName;

    /** Each tier's service, capacity and aggregate throughput, for plans and dashboards. */
    private final Map<String, Map<String, Object>> tiers;
    /** The training-data bucket and the warm tier's file system, for grants. */
    private final SecureBucket bucket;
    private final Optional<EfsFileSystem> warmFileSystem;
    /** The key per-job file systems are encrypted with: present when the per-job type is persistent. */
    private final Optional<Output<String>> perJobKeyArn;

    public TrainingStorage(String name, TrainingStorageArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args), options);
    }

    /** Arguments that passed validation, typed; checked before anything is registered. */
    private record Checked(TrainingStorageArgs args, Optional<DeploymentType> hotType, Optional<AutoImportPolicy> hotAutoImport,
                           Optional<DeploymentType> perJobType, Optional<AutoImportPolicy> perJobAutoImport,
                           Optional<PerformanceMode> warmPerformance, Optional<ThroughputMode> warmThroughput,
                           List<LifecycleRule> lifecycle) {
        static Checked of(TrainingStorageArgs args) {
            Problems problems = new Problems();
            if (args.kmsKeyArn() == null) {
                problems.missing("kmsKeyArn", "is required: the bucket and file systems are encrypted with a customer-managed KMS key");
            }
            NetworkRules.network("network", args.network(), problems);
            KubernetesValues.checkNamespace(args.namespace(), "namespace", problems);

            Optional<DeploymentType> hotType = Optional.empty();
            Optional<AutoImportPolicy> hotAutoImport = Optional.empty();
            if (args.hot().isPresent()) {
                HotTierArgs hot = args.hot().get();
                hotType = deploymentType("hot.deploymentType", hot.deploymentType(), problems);
                hotAutoImport = hot.autoImportPolicy().flatMap(p -> autoImport("hot.autoImportPolicy", p, problems));
                if (hot.storageGiB() == null) {
                    problems.missing("hot.storageGiB", "is required; 1200, 2400, or the deployment type's steps");
                }
                LustreRules.validate(field -> "hot." + field, hotType.orElse(null), hot.storageGiB(),
                        hot.perUnitStorageThroughput().orElse(null), hot.importPath().orElse(null), hot.exportPath().orElse(null),
                        hotAutoImport.orElse(null), hot.dataRepositoryAssociations().stream().map(LustreAssociationArgs::toAssociation).toList(),
                        hot.automaticBackupRetentionDays(), hot.fileSystemTypeVersion(), problems);
                KubernetesValues.checkObjectName(hot.claimName(), "hot.claimName", problems);
            }
            Optional<DeploymentType> perJobType = Optional.empty();
            Optional<AutoImportPolicy> perJobAutoImport = Optional.empty();
            if (args.perJob().isPresent()) {
                PerJobScratchArgs perJob = args.perJob().get();
                perJobType = deploymentType("perJob.deploymentType", perJob.deploymentType(), problems);
                perJobAutoImport = perJob.autoImportPolicy().flatMap(p -> autoImport("perJob.autoImportPolicy", p, problems));
                LustreRules.validate(field -> "perJob." + field, perJobType.orElse(null), null,
                        perJob.perUnitStorageThroughput().orElse(null), perJob.importPath().orElse(null),
                        perJob.exportPath().orElse(null), perJobAutoImport.orElse(null), List.of(), null,
                        perJob.fileSystemTypeVersion(), problems);
                PerJobScratchArgs.checkNoDataRepository(field -> "perJob." + field, perJob.importPath().orElse(null),
                        perJob.exportPath().orElse(null), perJob.autoImportPolicy().orElse(null), problems);
                KubernetesValues.checkObjectName(perJob.storageClassName(), "perJob.storageClassName", problems);
            }
            Optional<PerformanceMode> warmPerformance = Optional.empty();
            Optional<ThroughputMode> warmThroughput = Optional.empty();
            if (args.warm().isPresent()) {
                WarmTierArgs warm = args.warm().get();
                warmPerformance = EfsRules.performanceMode("warm.performanceMode", warm.performanceMode(), problems);
                warmThroughput = EfsRules.throughputMode("warm.throughputMode", warm.throughputMode(), problems);
                EfsRules.validate(field -> "warm." + field, warmPerformance.orElse(null), warmThroughput.orElse(null),
                        warm.provisionedThroughputMibps().orElse(null), warm.transitionToIaDays().orElse(null),
                        warm.transitionToArchiveDays().orElse(null), problems);
                EfsAccessPointArgs.validatePath("warm.accessPointPath", warm.accessPointPath(), problems);
                EfsRules.checkBasePath("warm.basePath", warm.basePath(), problems);
                if (warm.posixId() < 0) {
                    problems.add("warm.posixId", warm.posixId(), "must be 0 or more");
                }
                if (!warm.directoryPerms().matches("[0-7]{3,4}")) {
                    problems.add("warm.directoryPerms", warm.directoryPerms(), "must be octal permissions such as 0755");
                }
                if (warm.gidRangeStart() < 1 || warm.gidRangeEnd() < warm.gidRangeStart()) {
                    problems.add("warm.gidRangeEnd", warm.gidRangeEnd(), "warm.gidRangeStart", warm.gidRangeStart(),
                            "the gid range must start at 1 or more and not end before it starts");
                }
                if (warm.claimStorageGiB() < 1) {
                    problems.add("warm.claimStorageGiB", warm.claimStorageGiB(), "must be 1 or more");
                }
                KubernetesValues.checkObjectName(warm.storageClassName(), "warm.storageClassName", problems);
                KubernetesValues.checkObjectName(warm.claimName(), "warm.claimName", problems);
                args.hot().filter(hot -> hot.claimName().equals(warm.claimName())).ifPresent(hot ->
                        problems.add("warm.claimName", warm.claimName(), "hot.claimName", hot.claimName(),
                                "the two claims live in one namespace and need different names"));
                args.perJob().filter(perJob -> perJob.storageClassName().equals(warm.storageClassName())).ifPresent(perJob ->
                        problems.add("warm.storageClassName", warm.storageClassName(), "perJob.storageClassName",
                                perJob.storageClassName(), "the two StorageClasses need different names"));
            }
            List<LifecycleRule> lifecycle = new ArrayList<>();
            for (int i = 0; i < args.lifecycleRules().size(); i++) {
                lifecycle.add(args.lifecycleRules().get(i).toRule("lifecycleRules[" + i + "]", problems));
            }
            LifecycleRules.validate(lifecycle, "lifecycleRules", problems);
            List<LustreRules.LinkedPrefix> links = new ArrayList<>();
            args.hot().ifPresent(hot -> links.addAll(LustreRules.linkedPrefixes(field -> "hot." + field, hot.importPath().orElse(null),
                    hot.exportPath().orElse(null), hot.dataRepositoryAssociations().stream().map(LustreAssociationArgs::toAssociation).toList())));
            args.perJob().ifPresent(perJob -> links.addAll(LustreRules.linkedPrefixes(field -> "perJob." + field,
                    perJob.importPath().orElse(null), perJob.exportPath().orElse(null), List.of())));
            LustreRules.archivedLinks(links, lifecycle, "lifecycleRules", problems);
            if (args.abortIncompleteMultipartUploadDays() < 1) {
                problems.add("abortIncompleteMultipartUploadDays", args.abortIncompleteMultipartUploadDays(), "must be 1 or more");
            }
            problems.throwIfAny();
            return new Checked(args, hotType, hotAutoImport, perJobType, perJobAutoImport, warmPerformance, warmThroughput, lifecycle);
        }

        private static Optional<DeploymentType> deploymentType(String key, String value, Problems problems) {
            for (DeploymentType type : DeploymentType.values()) {
                if (type.name().equals(value)) {
                    return Optional.of(type);
                }
            }
            problems.add(key, value, "must be one of " + List.of(DeploymentType.values()));
            return Optional.empty();
        }

        private static Optional<AutoImportPolicy> autoImport(String key, String value, Problems problems) {
            for (AutoImportPolicy policy : AutoImportPolicy.values()) {
                if (policy.name().equals(value)) {
                    return Optional.of(policy);
                }
            }
            problems.add(key, value, "must be one of " + List.of(AutoImportPolicy.values()));
            return Optional.empty();
        }
    }

    private TrainingStorage(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        TrainingStorageArgs args = checked.args();
        var childComponents = ComponentResourceOptions.builder().parent(this).build();
        Map<String, Map<String, Object>> tiers = new LinkedHashMap<>();

        SecureBucket bucket = new SecureBucket(name + "-data", SecureBucketArgs.builder()
                .kmsKeyArn(args.kmsKeyArn())
                .component("training")
                .tier("cold-archive")
                .versioning(args.versioning())
                .lifecycleRules(args.lifecycleRules())
                .abortIncompleteMultipartUploadDays(args.abortIncompleteMultipartUploadDays())
                .tags(args.tags())
                .protect(args.protect())
                .build(), childComponents);

        boolean kubernetes = args.hot().isPresent() || args.perJob().isPresent() || args.warm().isPresent();
        List<Resource> namespaceDependency = new ArrayList<>();
        if (kubernetes && args.createNamespace()) {
            namespaceDependency.add(new Namespace(name + "-namespace", NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(args.namespace()).labels(labels("training")).build())
                    .build(), Children.of(this)));
        }
        // Claims wait for their namespace: the one created here, or what this component depends on (the
        // namespace's owner; Pulumi does not pass a component's dependsOn to its children).
        var namespaced = CustomResourceOptions.builder().parent(this).dependsOn(options == null ? Output.of(namespaceDependency)
                : Output.concatList(Output.of(namespaceDependency), options.getDependsOn())).build();

        Optional<SecurityGroup> lustreGroup = args.hot().isPresent() || args.perJob().isPresent()
                ? Optional.of(lustreSecurityGroup(name, args)) : Optional.empty();

        Output<String> hotFileSystemId = Output.ofNullable(null);
        Output<String> hotDnsName = Output.ofNullable(null);
        Output<String> hotMountName = Output.ofNullable(null);
        Output<String> hotClaimName = Output.ofNullable(null);
        if (args.hot().isPresent()) {
            HotTierArgs hot = args.hot().get();
            DeploymentType type = checked.hotType().orElseThrow();
            LustreFileSystem fileSystem = hotFileSystem(name, args, hot, type, checked.hotAutoImport(), lustreGroup.orElseThrow(), bucket);
            String pvName = name + "-hot";
            String capacity = hot.storageGiB() + "Gi";
            PersistentVolume volume = new PersistentVolume(name + "-hot-pv", PersistentVolumeArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(pvName).labels(labels("hot")).build())
                    .spec(PersistentVolumeSpecArgs.builder()
                            .capacity(Map.of("storage", capacity))
                            .accessModes("ReadWriteMany")
                            .persistentVolumeReclaimPolicy("Retain")
                            .storageClassName("")
                            .volumeMode("Filesystem")
                            .mountOptions("flock")
                            .csi(CSIPersistentVolumeSourceArgs.builder()
                                    .driver(FSX_CSI_DRIVER)
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
                    .build(), Children.of(this));
            // The claim binds to the volume by name, taken from the volume itself: the claim is created only
            // once the volume is, and the volume once the file system is (volumeHandle is its id). The
            // Kubernetes provider waits a fixed 5 minutes for a claim to be Bound, whatever customTimeouts say
            // (untilCoreV1PersistentVolumeClaimBound: WatchUntil(pvcBound, 5*time.Minute),
            // https://github.com/pulumi/pulumi-kubernetes/blob/v4.0.0/provider/pkg/await/awaiters.go); a static
            // claim whose volume exists binds in seconds.
            new PersistentVolumeClaim(name + "-hot-claim", PersistentVolumeClaimArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(hot.claimName()).namespace(args.namespace()).labels(labels("hot")).build())
                    .spec(PersistentVolumeClaimSpecArgs.builder()
                            .accessModes("ReadWriteMany")
                            .storageClassName("")
                            .volumeName(volume.metadata().applyValue(meta -> meta.name().orElse(pvName)))
                            .resources(ResourceRequirementsArgs.builder().requests(Map.of("storage", capacity)).build())
                            .build())
                    .build(), namespaced);
            hotFileSystemId = fileSystem.id();
            hotDnsName = fileSystem.dnsName();
            hotMountName = fileSystem.mountName();
            hotClaimName = Output.of(hot.claimName());
            tiers.put("hot", hotSummary(type, hot.storageGiB(), hot.perUnitStorageThroughput().orElse(null)));
        }

        Output<String> scratchClassName = Output.ofNullable(null);
        if (args.perJob().isPresent()) {
            PerJobScratchArgs perJob = args.perJob().get();
            DeploymentType type = checked.perJobType().orElseThrow();
            Output<Map<String, String>> parameters = Output.tuple(lustreGroup.orElseThrow().id(), bucket.bucketName, args.kmsKeyArn())
                    .applyValue(t -> scratchParameters(args.network().subnetIds().get(0), t.t1, t.t2, t.t3, type, perJob, checked.perJobAutoImport()));
            new StorageClass(name + "-scratch-class", StorageClassArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(perJob.storageClassName()).labels(labels("hot")).build())
                    .provisioner(FSX_CSI_DRIVER)
                    .parameters(parameters)
                    .reclaimPolicy("Delete")
                    .volumeBindingMode("WaitForFirstConsumer")
                    .mountOptions("flock")
                    .build(), Children.of(this));
            scratchClassName = Output.of(perJob.storageClassName());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("service", "FSx for Lustre (one file system per claim)");
            summary.put("deploymentType", type.name());
            summary.put("storageClass", perJob.storageClassName());
            summary.put("capacity", "per claim: 1200 GiB, 2400 GiB or multiples of " + type.capacityStepGiB() + " GiB");
            summary.put("throughputMBpsPerTiB", type.isScratch() ? type.baselineMBpsPerTiB() : perJob.perUnitStorageThroughput().orElseThrow());
            tiers.put("hotPerJob", summary);
        }

        Optional<EfsFileSystem> warmFileSystem = Optional.empty();
        Output<String> warmFileSystemId = Output.ofNullable(null);
        Output<String> warmDnsName = Output.ofNullable(null);
        Output<String> warmClaimName = Output.ofNullable(null);
        if (args.warm().isPresent()) {
            WarmTierArgs warm = args.warm().get();
            var efsArgs = EfsFileSystemArgs.builder()
                    .kmsKeyArn(args.kmsKeyArn())
                    .network(args.network())
                    .performanceMode(warm.performanceMode())
                    .throughputMode(warm.throughputMode())
                    .provisionedThroughputMibps(warm.provisionedThroughputMibps().orElse(null))
                    .transitionToIaDays(warm.transitionToIaDays().orElse(null))
                    .transitionToArchiveDays(warm.transitionToArchiveDays().orElse(null))
                    .backup(warm.backup())
                    .accessPoints(List.of(EfsAccessPointArgs.builder().name("shared").path(warm.accessPointPath())
                            .uid(warm.posixId()).gid(warm.posixId()).build()))
                    .component("training")
                    .tier("warm")
                    .tags(args.tags())
                    .protect(args.protect());
            EfsFileSystem efs = new EfsFileSystem(name + "-warm", efsArgs.build(), childComponents);

            StorageClass warmClass = new StorageClass(name + "-warm-class", StorageClassArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(warm.storageClassName()).labels(labels("warm")).build())
                    .provisioner(EFS_CSI_DRIVER)
                    .parameters(efs.fileSystemId.applyValue(id -> efsParameters(id, warm)))
                    .reclaimPolicy("Retain")
                    .volumeBindingMode("Immediate")
                    // The file-system policy denies plain NFS and anonymous clients: mount with TLS and IAM.
                    .mountOptions("tls", "iam")
                    .build(), Children.of(this));
            // Immediate binding: the EFS CSI driver provisions the claim's access point as soon as the claim
            // exists (https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode), and the
            // provider waits 5 minutes for it to be Bound (see the hot claim). So the claim is created after
            // its StorageClass (whose name it takes from it) and after the driver's add-on is active (its
            // version, efsCsiDriver, is in the claim's annotations).
            var warmMetadata = ObjectMetaArgs.builder().name(warm.claimName()).namespace(args.namespace()).labels(labels("warm"));
            args.efsCsiDriver().ifPresent(driver -> warmMetadata.annotations(driver.applyValue(version -> Map.of(EfsFileSystem.CSI_DRIVER_ANNOTATION, version))));
            new PersistentVolumeClaim(name + "-warm-claim", PersistentVolumeClaimArgs.builder()
                    .metadata(warmMetadata.build())
                    .spec(PersistentVolumeClaimSpecArgs.builder()
                            .accessModes("ReadWriteMany")
                            .storageClassName(warmClass.metadata().applyValue(meta -> meta.name().orElse(warm.storageClassName())))
                            .resources(ResourceRequirementsArgs.builder()
                                    .requests(Map.of("storage", warm.claimStorageGiB() + "Gi")).build())
                            .build())
                    .build(), namespaced);
            warmFileSystem = Optional.of(efs);
            warmFileSystemId = efs.fileSystemId;
            warmDnsName = efs.dnsName;
            warmClaimName = Output.of(warm.claimName());
            tiers.put("warm", warmSummary(warm, checked.warmThroughput().orElseThrow()));
        }

        this.bucket = bucket;
        this.warmFileSystem = warmFileSystem;
        this.perJobKeyArn = checked.perJobType().filter(type -> !type.isScratch()).map(type -> args.kmsKeyArn());
        tiers.putAll(bucketSummaries(checked.lifecycle()));
        this.tiers = java.util.Collections.unmodifiableMap(tiers);
        this.bucketName = bucket.bucketName;
        this.hotFileSystemId = hotFileSystemId;
        this.hotDnsName = hotDnsName;
        this.hotMountName = hotMountName;
        this.hotClaimName = hotClaimName;
        this.scratchStorageClassName = scratchClassName;
        this.warmFileSystemId = warmFileSystemId;
        this.warmDnsName = warmDnsName;
        this.warmClaimName = warmClaimName;
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("bucketName", bucketName);
        outputs.put("hotFileSystemId", hotFileSystemId);
        outputs.put("hotDnsName", hotDnsName);
        outputs.put("hotMountName", hotMountName);
        outputs.put("hotClaimName", hotClaimName);
        outputs.put("scratchStorageClassName", scratchStorageClassName);
        outputs.put("warmFileSystemId", warmFileSystemId);
        outputs.put("warmDnsName", warmDnsName);
        outputs.put("warmClaimName", warmClaimName);
        registerOutputs(outputs);
    }

    /** The training-data bucket ({@code datasets/}, {@code checkpoints/} and the hot tier's repository), for grants. */
    public SecureBucket bucket() {
        return bucket;
    }

    /** The warm tier's EFS file system, for grants; empty without a warm tier. */
    public Optional<EfsFileSystem> warmFileSystem() {
        return warmFileSystem;
    }

    /**
     * Lets the FSx CSI driver create the per-job file systems encrypted with the training key, when the
     * per-job type is persistent (the StorageClass passes {@code kmsKeyId}); scratch file systems use
     * FSx's own keys and need nothing ({@link Grants#fsxCreateEncrypted}). Returns the grant given.
     */
    public Optional<Grant> grantPerJobProvisioning(Grantee fsxCsiDriver) {
        return perJobKeyArn.map(key -> {
            Grant grant = new Grant("fsx-per-job-key", Output.tuple(key, Grants.region(), Grants.partition())
                    .applyValue(t -> Grants.fsxCreateEncrypted(t.t1, Grants.fsxViaService(t.t2.name(), t.t3.dnsSuffix()))));
            fsxCsiDriver.grant(grant);
            return grant;
        });
    }

    /** Each tier's service, capacity and aggregate throughput: hot, hotPerJob, warm, cold, archive (those built). */
    public Map<String, Map<String, Object>> tiers() {
        return tiers;
    }

    /**
     * The Lustre security group: TCP 988 and 1018-1023 between the file servers themselves and to and
     * from the cluster's nodes, nothing else; and, unless {@code lustreClientRules} is false, the same
     * ports with the Lustre group on the nodes' group
     * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/limit-access-security-groups.html).
     */
    private SecurityGroup lustreSecurityGroup(String name, TrainingStorageArgs args) {
        Map<String, String> tags = Tags.of(args.tags(), "training", "hot");
        Map<String, String> named = new TreeMap<>(tags);
        named.put("Name", name + "-lustre");
        SecurityGroup group = new SecurityGroup(name + "-lustre", SecurityGroupArgs.builder()
                .description("FSx for Lustre of " + name + ": Lustre (TCP 988, 1018-1023) with the cluster only")
                .vpcId(args.network().vpcId())
                .tags(named)
                .build(), Children.of(this));
        List<LustrePeer> peers = new ArrayList<>();
        peers.add(new LustrePeer("self", group.id(), null));
        args.network().clientSecurityGroupId().ifPresent(source -> peers.add(new LustrePeer("nodes", source, null)));
        args.network().allowedCidrs().forEach(cidr -> peers.add(new LustrePeer(cidr.replaceAll("[./]", "-"), null, cidr)));
        int[][] ranges = {{LustreRules.LUSTRE_PORT, LustreRules.LUSTRE_PORT},
                {LustreRules.LUSTRE_PORT_RANGE_FROM, LustreRules.LUSTRE_PORT_RANGE_TO}};
        for (LustrePeer peer : peers) {
            for (int[] range : ranges) {
                String suffix = peer.label() + "-" + range[0];
                var ingress = SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(group.id()).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                        .description("Lustre from " + peer.label()).tags(tags);
                var egress = SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(group.id()).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                        .description("Lustre to " + peer.label()).tags(tags);
                if (peer.groupId() != null) {
                    ingress.referencedSecurityGroupId(peer.groupId());
                    egress.referencedSecurityGroupId(peer.groupId());
                } else {
                    ingress.cidrIpv4(peer.cidr());
                    egress.cidrIpv4(peer.cidr());
                }
                new SecurityGroupIngressRule(name + "-lustre-in-" + suffix, ingress.build(), Children.of(this));
                new SecurityGroupEgressRule(name + "-lustre-out-" + suffix, egress.build(), Children.of(this));
            }
        }
        // FSx asks for the same ports on the clients' own group, inbound from and outbound to the file
        // servers' group ("Lustre client VPC security group rules", same page): the file servers open
        // connections to the clients too. Rules between clients are the group owner's to add.
        if (args.lustreClientRules()) {
            args.network().clientSecurityGroupId().ifPresent(clients -> {
                for (int[] range : ranges) {
                    new SecurityGroupIngressRule(name + "-lustre-client-in-" + range[0], SecurityGroupIngressRuleArgs.builder()
                            .securityGroupId(clients).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                            .referencedSecurityGroupId(group.id())
                            .description("Lustre from the FSx for Lustre file servers of " + name).tags(tags)
                            .build(), Children.of(this));
                    new SecurityGroupEgressRule(name + "-lustre-client-out-" + range[0], SecurityGroupEgressRuleArgs.builder()
                            .securityGroupId(clients).ipProtocol("tcp").fromPort(range[0]).toPort(range[1])
                            .referencedSecurityGroupId(group.id())
                            .description("Lustre to the FSx for Lustre file servers of " + name).tags(tags)
                            .build(), Children.of(this));
                }
            });
        }
        return group;
    }

    private record LustrePeer(String label, @Nullable Output<String> groupId, @Nullable String cidr) {
    }

    private LustreFileSystem hotFileSystem(String name, TrainingStorageArgs args, HotTierArgs hot, DeploymentType type,
                                           Optional<AutoImportPolicy> autoImport, SecurityGroup group, SecureBucket bucket) {
        Map<String, String> tags = new TreeMap<>(Tags.of(args.tags(), "training", "hot"));
        tags.put("Name", name + "-hot");
        var builder = LustreFileSystemArgs.builder()
                .deploymentType(type.name())
                .storageType("SSD")
                .storageCapacity(hot.storageGiB())
                .subnetIds(args.network().subnetIds().get(0))
                .securityGroupIds(group.id().applyValue(List::of))
                .dataCompressionType(DATA_COMPRESSION)
                .fileSystemTypeVersion(hot.fileSystemTypeVersion())
                .tags(tags);
        if (!type.isScratch()) {
            // Persistent types take a KMS key; scratch types are encrypted with keys FSx manages
            // (https://docs.aws.amazon.com/fsx/latest/LustreGuide/encryption-at-rest.html).
            builder.perUnitStorageThroughput(hot.perUnitStorageThroughput().orElseThrow())
                    .kmsKeyId(args.kmsKeyArn())
                    .automaticBackupRetentionDays(hot.automaticBackupRetentionDays())
                    .copyTagsToBackups(true)
                    // A final backup on delete only for a protected file system FSx can back up: "On file systems
                    // not linked to an Amazon S3 bucket, set SkipFinalBackup to false to take a final backup"
                    // (https://docs.aws.amazon.com/fsx/latest/APIReference/API_DeleteFileSystem.html).
                    .skipFinalBackup(!args.protect() || linked(hot));
        }
        if (type.linksThroughPaths()) {
            hot.importPath().ifPresent(prefix -> builder.importPath(bucket.bucketName.applyValue(b -> s3Path(b, prefix))));
            hot.exportPath().ifPresent(prefix -> builder.exportPath(bucket.bucketName.applyValue(b -> s3Path(b, prefix))));
            autoImport.ifPresent(policy -> builder.autoImportPolicy(policy.name()));
        }
        LustreFileSystem fileSystem = new LustreFileSystem(name + "-hot", builder.build(), Children.stateful(this, args.protect(),
                CustomTimeouts.builder().create(FILE_SYSTEM_TIMEOUT).update(FILE_SYSTEM_TIMEOUT).delete(FILE_SYSTEM_TIMEOUT).build()));
        List<Resource> links = new ArrayList<>(List.of(fileSystem));
        for (LustreAssociationArgs association : hot.dataRepositoryAssociations()) {
            links.add(new DataRepositoryAssociation(name + "-hot" + association.fileSystemPath().replaceAll("[^A-Za-z0-9]+", "-"),
                    DataRepositoryAssociationArgs.builder()
                            .fileSystemId(fileSystem.id())
                            .fileSystemPath(association.fileSystemPath())
                            .dataRepositoryPath(bucket.bucketName.applyValue(b -> s3Path(b, association.dataRepositoryPath())))
                            .batchImportMetaDataOnCreate(true)
                            .deleteDataInFilesystem(false)
                            .s3(DataRepositoryAssociationS3Args.builder()
                                    .autoImportPolicy(DataRepositoryAssociationS3AutoImportPolicyArgs.builder()
                                            .events(ASSOCIATION_EVENTS).build())
                                    .autoExportPolicy(DataRepositoryAssociationS3AutoExportPolicyArgs.builder()
                                            .events(ASSOCIATION_EVENTS).build())
                                    .build())
                            .tags(tags)
                            .build(), Children.of(this)));
        }
        // FSx reads and writes the SSE-KMS bucket as the file system's own S3 access role, which the key
        // must let in; the role exists once the file system or its first association does.
        if (!hot.dataRepositoryAssociations().isEmpty() || (type.linksThroughPaths() && hot.importPath().isPresent())) {
            KeyGrants.fsxS3Access(name + "-hot-s3-access", args.kmsKeyArn(), fileSystem.id(), bucket.bucketArn,
                    CustomResourceOptions.builder().parent(this).dependsOn(links).build());
        }
        return fileSystem;
    }

    /** Whether the hot file system is linked to the bucket (import/export paths or associations): FSx backs it up never. */
    private static boolean linked(HotTierArgs hot) {
        return hot.importPath().isPresent() || hot.exportPath().isPresent() || !hot.dataRepositoryAssociations().isEmpty();
    }

    static String s3Path(String bucket, String prefix) {
        return "s3://" + bucket + "/" + prefix;
    }

    /**
     * The FSx CSI driver's StorageClass parameters
     * (https://github.com/kubernetes-sigs/aws-fsx-csi-driver/blob/master/examples/kubernetes/dynamic_provisioning/README.md).
     */
    private static Map<String, String> scratchParameters(String subnetId, String groupId, String bucket, String kmsKeyArn,
                                                         DeploymentType type, PerJobScratchArgs perJob,
                                                         Optional<AutoImportPolicy> autoImport) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("subnetId", subnetId);
        parameters.put("securityGroupIds", groupId);
        parameters.put("deploymentType", type.name());
        parameters.put("fileSystemTypeVersion", perJob.fileSystemTypeVersion());
        parameters.put("dataCompressionType", DATA_COMPRESSION);
        if (!type.isScratch()) {
            parameters.put("perUnitStorageThroughput", String.valueOf(perJob.perUnitStorageThroughput().orElseThrow()));
            parameters.put("kmsKeyId", kmsKeyArn);
        }
        perJob.importPath().ifPresent(prefix -> parameters.put("s3ImportPath", s3Path(bucket, prefix)));
        perJob.exportPath().ifPresent(prefix -> parameters.put("s3ExportPath", s3Path(bucket, prefix)));
        autoImport.ifPresent(policy -> parameters.put("autoImportPolicy", policy.name()));
        return parameters;
    }

    /** The EFS CSI driver's StorageClass parameters (https://github.com/kubernetes-sigs/aws-efs-csi-driver/blob/master/docs/README.md#storage-class-parameters-for-dynamic-provisioning). */
    private static Map<String, String> efsParameters(String fileSystemId, WarmTierArgs warm) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("provisioningMode", "efs-ap");
        parameters.put("fileSystemId", fileSystemId);
        parameters.put("directoryPerms", warm.directoryPerms());
        parameters.put("gidRangeStart", String.valueOf(warm.gidRangeStart()));
        parameters.put("gidRangeEnd", String.valueOf(warm.gidRangeEnd()));
        parameters.put("basePath", warm.basePath());
        return parameters;
    }

    private static Map<String, String> labels(String tier) {
        return Map.of("app.kubernetes.io/managed-by", "strata", "strata.dev/tier", tier);
    }

    private static Map<String, Object> hotSummary(DeploymentType type, int storageGiB, @Nullable Integer perUnit) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("service", "FSx for Lustre");
        summary.put("deploymentType", type.name());
        summary.put("capacityGiB", storageGiB);
        summary.put("throughputMBpsPerTiB", type.isScratch() ? type.baselineMBpsPerTiB() : perUnit);
        summary.put("throughputMBps", LustreRules.aggregateThroughputMBps(type, storageGiB, perUnit));
        return summary;
    }

    /**
     * EFS grows with its data; its throughput depends on the mode
     * (https://docs.aws.amazon.com/efs/latest/ug/performance.html#throughput-modes).
     */
    private static Map<String, Object> warmSummary(WarmTierArgs warm, ThroughputMode mode) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("service", "EFS");
        summary.put("throughputMode", mode.apiValue());
        summary.put("capacity", "elastic");
        summary.put("throughput", switch (mode) {
            case PROVISIONED -> warm.provisionedThroughputMibps().orElseThrow() + " MiB/s provisioned";
            case ELASTIC -> "elastic: scales with demand up to the Region's per-file-system limit";
            case BURSTING -> "bursting: 50 KiB/s per GiB stored baseline, bursts to 100 MiB/s";
        });
        return summary;
    }

    /** The cold tier is the infrequent-access classes; the archive tier the Glacier classes. */
    private static Map<String, Map<String, Object>> bucketSummaries(List<LifecycleRule> rules) {
        List<String> cold = new ArrayList<>();
        List<String> archive = new ArrayList<>();
        for (LifecycleRule rule : rules) {
            String prefix = rule.prefix().filter(p -> !p.isEmpty()).orElse("(all)");
            rule.transitions().forEach(t -> {
                String line = prefix + " -> " + t.storageClass() + " after " + t.days() + " days";
                if (t.storageClass() == dev.strata.datalake.StorageClass.GLACIER
                        || t.storageClass() == dev.strata.datalake.StorageClass.DEEP_ARCHIVE) {
                    archive.add(line);
                } else {
                    cold.add(line);
                }
            });
        }
        Map<String, Map<String, Object>> tiers = new LinkedHashMap<>();
        tiers.put("cold", Map.of("service", "S3", "capacity", "unbounded", "transitions", cold));
        tiers.put("archive", Map.of("service", "S3", "capacity", "unbounded", "transitions", archive));
        return tiers;
    }
}

package dev.strata.training;

import dev.strata.core.ComponentOutputs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.OptionalOutput;
import dev.strata.core.Problems;
import dev.strata.core.TierName;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.SecureBucket;
import dev.strata.monitoring.MonitoredResourceArgs;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.efs.EfsFileSystem;
import dev.strata.security.Grant;
import dev.strata.security.Grantee;
import dev.strata.security.Grants;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Four-tier training storage (the playbook's "Pattern 1"):
 * <ul>
 *   <li><b>hot</b>: {@link LustreHotTier}, a managed FSx for Lustre file system linked to the training
 *       bucket with a static PersistentVolume and a claim; and/or {@link PerJobScratchTier}, a
 *       StorageClass through which each training job's claim creates its own scratch file system;</li>
 *   <li><b>warm</b>: {@link EfsWarmTier}, an EFS file system ({@link EfsFileSystem}) with an access
 *       point for shared datasets, the StorageClass {@code efs-datasets} and a ReadWriteMany claim;</li>
 *   <li><b>cold</b> and <b>archive</b>: the training-data bucket ({@link SecureBucket}), whose
 *       lifecycle moves datasets to STANDARD_IA, then GLACIER and DEEP_ARCHIVE.</li>
 * </ul>
 * Each tier is a component of its own, validated with the rest before anything registers. The Lustre
 * security group, which both Lustre tiers use, stays here. The Lustre ports are open only to the cluster's nodes. Kubernetes objects go through the
 * Kubernetes provider given in this component's options ({@code providers(...)}); its children
 * inherit it. The claims go into the namespace of the Args, which must exist: its name is data, so
 * a claim waits for the Namespace whose name output it was given.
 */
public final class TrainingStorage extends ComponentResource {
    public static final String TYPE = "strata:training:TrainingStorage";
    public static final String FSX_CSI_DRIVER = "fsx.csi.aws.com";
    public static final String EFS_CSI_DRIVER = "efs.csi.aws.com";
    /** How long Pulumi waits for a Lustre file system: {@link LustreHotTier#FILE_SYSTEM_TIMEOUT}. */
    public static final java.time.Duration FILE_SYSTEM_TIMEOUT = LustreHotTier.FILE_SYSTEM_TIMEOUT;

    /** The training-data bucket (cold and archive tiers; the hot tier's import/export target). */
    @Export(name = "bucketName", refs = {String.class}, tree = "[0]")
    public final Output<String> bucketName;

    /** The hot tier's FSx for Lustre file system id; null without a managed hot tier. */
    @OptionalOutput
    @Export(name = "hotFileSystemId", refs = {String.class}, tree = "[0]")
    public final Output<String> hotFileSystemId;

    /** The hot file system's DNS name; unset without a managed hot tier. */
    @OptionalOutput
    @Export(name = "hotDnsName", refs = {String.class}, tree = "[0]")
    public final Output<String> hotDnsName;

    /** The hot file system's Lustre mount name; unset without a managed hot tier. */
    @OptionalOutput
    @Export(name = "hotMountName", refs = {String.class}, tree = "[0]")
    public final Output<String> hotMountName;

    /** The claim bound to the hot file system; unset without a managed hot tier. */
    @OptionalOutput
    @Export(name = "hotClaimName", refs = {String.class}, tree = "[0]")
    public final Output<String> hotClaimName;

    /** The per-job scratch StorageClass; unset when per-job scratch is off. */
    @OptionalOutput
    @Export(name = "scratchStorageClassName", refs = {String.class}, tree = "[0]")
    public final Output<String> scratchStorageClassName;

    /** The warm tier's EFS file system id; unset when the warm tier is off. */
    @OptionalOutput
    @Export(name = "warmFileSystemId", refs = {String.class}, tree = "[0]")
    public final Output<String> warmFileSystemId;

    /** The warm file system's DNS name; unset when the warm tier is off. */
    @OptionalOutput
    @Export(name = "warmDnsName", refs = {String.class}, tree = "[0]")
    public final Output<String> warmDnsName;

    /** The warm tier's ReadWriteMany claim; unset when the warm tier is off. */
    @OptionalOutput
    @Export(name = "warmClaimName", refs = {String.class}, tree = "[0]")
    public final Output<String> warmClaimName;

    /** Each tier's service, capacity and aggregate throughput, for plans and dashboards. */
    private final Map<String, Map<String, Object>> tiers;
    /** The training-data bucket and the warm tier's file system, for grants. */
    private final SecureBucket bucket;
    private final Optional<EfsFileSystem> warmFileSystem;
    /** What StorageAlarms watches of the tiers built, hot first. */
    private final List<MonitoredResourceArgs> monitored;
    /** The key per-job file systems are encrypted with: present when the per-job type is persistent. */
    private final Optional<Output<String>> perJobKeyArn;

    /** The TrainingStorage {@code name} with default resource options, as {@code new TrainingStorage(name, args, null)}. */
    public TrainingStorage(String name, TrainingStorageArgs args) {
        this(name, args, null);
    }

    /** The training storage {@code name}; its arguments are validated before anything registers, every problem at once. */
    public TrainingStorage(String name, TrainingStorageArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, TierContext.checked(args, TrainingStorageArgs::validate), options);
        var childComponents = ComponentResourceOptions.builder().parent(this).build();
        Map<String, Map<String, Object>> tiers = new LinkedHashMap<>();

        SecureBucket bucket = new SecureBucket(name + "-data", SecureBucketArgs.builder()
                .kmsKeyArn(args.kmsKeyArn())
                .component("training")
                .tier(TierName.COLD_ARCHIVE.value())
                .versioning(args.versioning())
                .lifecycleRules(args.lifecycleRules())
                .abortIncompleteMultipartUploadDays(args.abortIncompleteMultipartUploadDays())
                .tags(args.tags())
                .protect(args.protect())
                .build(), childComponents);

        Output<String> lustreGroupId = args.hot().isPresent() || args.perJob().isPresent()
                ? LustreSecurityGroup.create(this, name, args).id() : Output.ofNullable(null);
        TierContext context = new TierContext(args.kmsKeyArn(), args.network(), bucket, args.namespace(),
                lustreGroupId, args.efsCsiDriver(), args.tags(), args.protect());

        Optional<LustreHotTier> hot = args.hot().map(hotArgs -> new LustreHotTier(name + "-hot", hotArgs, context, childComponents));
        hot.ifPresent(tier -> tiers.put(TierName.HOT.value(), tier.summary()));
        Optional<PerJobScratchTier> perJob = args.perJob().map(perJobArgs ->
                new PerJobScratchTier(name + "-scratch", perJobArgs, context, childComponents));
        perJob.ifPresent(tier -> tiers.put("hotPerJob", tier.summary()));
        Optional<EfsWarmTier> warm = args.warm().map(warmArgs -> new EfsWarmTier(name + "-warm", warmArgs, context, childComponents));
        warm.ifPresent(tier -> tiers.put(TierName.WARM.value(), tier.summary()));

        List<MonitoredResourceArgs> monitored = new ArrayList<>();
        hot.ifPresent(tier -> monitored.add(tier.monitored("training-hot")));
        warm.ifPresent(tier -> monitored.add(tier.fileSystem.monitored(TierName.WARM.value(), "training-warm")));
        monitored.add(bucket.monitored(TierName.COLD_ARCHIVE.value(), "training-data"));
        this.monitored = List.copyOf(monitored);
        this.bucket = bucket;
        this.warmFileSystem = warm.map(tier -> tier.fileSystem);
        this.perJobKeyArn = args.perJob().filter(p -> !p.type().isScratch()).map(p -> args.kmsKeyArn());
        tiers.putAll(bucketSummaries(args.lifecycle(key -> key, new Problems())));
        this.tiers = Collections.unmodifiableMap(tiers);
        this.bucketName = bucket.bucketName;
        this.hotFileSystemId = hot.map(tier -> tier.fileSystemId).orElse(Output.ofNullable(null));
        this.hotDnsName = hot.map(tier -> tier.dnsName).orElse(Output.ofNullable(null));
        this.hotMountName = hot.map(tier -> tier.mountName).orElse(Output.ofNullable(null));
        this.hotClaimName = hot.map(tier -> tier.claimName).orElse(Output.ofNullable(null));
        this.scratchStorageClassName = perJob.map(tier -> tier.storageClassName).orElse(Output.ofNullable(null));
        this.warmFileSystemId = warm.map(tier -> tier.fileSystem.fileSystemId).orElse(Output.ofNullable(null));
        this.warmDnsName = warm.map(tier -> tier.fileSystem.dnsName).orElse(Output.ofNullable(null));
        this.warmClaimName = warm.map(tier -> tier.claimName).orElse(Output.ofNullable(null));
        registerOutputs(ComponentOutputs.of(this));
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

    /**
     * The tiers' resources as {@code StorageAlarms} watches them: the hot file system (tier {@code hot}),
     * the warm one ({@code warm}) and the training bucket ({@code cold-archive}), those built. The per-job
     * file systems come and go with the jobs (their claims create them) and are not watched.
     */
    public List<MonitoredResourceArgs> monitored() {
        return monitored;
    }

    /** Each tier's service, capacity and aggregate throughput: hot, hotPerJob, warm, cold, archive (those built). */
    public Map<String, Map<String, Object>> tiers() {
        return tiers;
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

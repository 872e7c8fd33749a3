package dev.strata.training;

import com.pulumi.core.Output;
import dev.strata.config.ConfigNode;
import dev.strata.config.Environment;
import dev.strata.core.NetworkArgs;
import dev.strata.datalake.DataLakeSettings;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.LifecycleRuleArgs;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.efs.EfsSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four-tier training storage of a stack ({@code strata:training}): what the stack file says, with
 * the stack's own facts (prod's backups, the default bucket links of the types that link through
 * paths). Every other default and every rule belongs to the component's Args ({@link TrainingStorageArgs},
 * {@link HotTierArgs}, {@link PerJobScratchArgs}, {@link WarmTierArgs}); {@link #parse} checks the
 * settings through them ({@link TrainingStorageArgs#validateChoices}) under this stack's keys
 * ({@code strata:training.hot.storageGiB}), and {@link #toArgs} is the one way from settings to Args.
 * A tier whose {@code enabled} is false is not built; the training-data bucket (cold and archive tiers) always is.
 *
 * @param namespace         namespace of the claims ({@code namespace})
 * @param createNamespace   the stack creates the namespace when no workload identity does ({@code createNamespace})
 * @param lustreClientRules add the Lustre rules FSx asks for on the nodes' security group ({@code lustreClientRules})
 * @param hot               the managed FSx for Lustre file system ({@code hot}), if enabled
 * @param perJob            the per-job scratch StorageClass ({@code hot.perJob}), if enabled
 * @param warm              the EFS tier ({@code warm}), if enabled
 * @param coldArchive       the training-data bucket ({@code coldArchive})
 */
public record TrainingSettings(String namespace, boolean createNamespace, boolean lustreClientRules, Optional<Hot> hot,
                               Optional<PerJob> perJob, Optional<Warm> warm, ColdArchive coldArchive) {

    /** The managed FSx for Lustre file system. */
    public record Hot(DeploymentType deploymentType, int storageGiB, Optional<Integer> perUnitStorageThroughput,
                      Optional<String> importPath, Optional<String> exportPath, Optional<AutoImportPolicy> autoImportPolicy,
                      List<LustreRules.Association> dataRepositoryAssociations, int automaticBackupRetentionDays,
                      String claimName, String fileSystemTypeVersion) {
        public Hot {
            dataRepositoryAssociations = List.copyOf(dataRepositoryAssociations);
        }

        HotTierArgs toArgs() {
            return HotTierArgs.builder()
                    .deploymentType(deploymentType.name())
                    .storageGiB(storageGiB)
                    .perUnitStorageThroughput(perUnitStorageThroughput.orElse(null))
                    .importPath(importPath.orElse(null))
                    .exportPath(exportPath.orElse(null))
                    .autoImportPolicy(autoImportPolicy.map(Enum::name).orElse(null))
                    .dataRepositoryAssociations(dataRepositoryAssociations.stream()
                            .map(a -> LustreAssociationArgs.of(a.fileSystemPath(), a.dataRepositoryPath())).toList())
                    .automaticBackupRetentionDays(automaticBackupRetentionDays)
                    .claimName(claimName)
                    .fileSystemTypeVersion(fileSystemTypeVersion)
                    .build();
        }
    }

    /** The StorageClass through which each training job's claim creates its own file system. */
    public record PerJob(String storageClassName, DeploymentType deploymentType, Optional<Integer> perUnitStorageThroughput,
                         Optional<String> importPath, Optional<String> exportPath, Optional<AutoImportPolicy> autoImportPolicy,
                         String fileSystemTypeVersion) {
        PerJobScratchArgs toArgs() {
            return PerJobScratchArgs.builder()
                    .storageClassName(storageClassName)
                    .deploymentType(deploymentType.name())
                    .perUnitStorageThroughput(perUnitStorageThroughput.orElse(null))
                    .importPath(importPath.orElse(null))
                    .exportPath(exportPath.orElse(null))
                    .autoImportPolicy(autoImportPolicy.map(Enum::name).orElse(null))
                    .fileSystemTypeVersion(fileSystemTypeVersion)
                    .build();
        }
    }

    /** The EFS file system, its shared-datasets access point, StorageClass and claim. */
    public record Warm(EfsSettings efs, String accessPointPath, int posixId, String storageClassName, String basePath,
                       String directoryPerms, int gidRangeStart, int gidRangeEnd, String claimName, int claimStorageGiB) {
        WarmTierArgs toArgs() {
            return WarmTierArgs.builder()
                    .efs(efs.toArgs())
                    .accessPointPath(accessPointPath)
                    .posixId(posixId)
                    .storageClassName(storageClassName)
                    .basePath(basePath)
                    .directoryPerms(directoryPerms)
                    .gidRangeStart(gidRangeStart)
                    .gidRangeEnd(gidRangeEnd)
                    .claimName(claimName)
                    .claimStorageGiB(claimStorageGiB)
                    .build();
        }
    }

    /** The training-data bucket: its lifecycle carries the cold and archive tiers. */
    public record ColdArchive(List<LifecycleRule> lifecycle, boolean versioning, int abortIncompleteMultipartUploadDays) {
        public ColdArchive {
            lifecycle = List.copyOf(lifecycle);
        }
    }

    /** Whether a tier with Kubernetes objects (claims, StorageClasses) is built: the hot, per-job or warm tier. */
    public boolean kubernetesObjects() {
        return hot.isPresent() || perJob.isPresent() || warm.isPresent();
    }

    /** Default key prefixes of the training bucket that scratch and PERSISTENT_1 file systems import from and export to. */
    public static final String DEFAULT_IMPORT_PATH = "datasets/";
    public static final String DEFAULT_EXPORT_PATH = "results/";
    /** Days of automatic backups of a persistent hot tier in prod, when it is linked to no bucket (FSx backs up no linked file system). */
    public static final int PROD_BACKUP_RETENTION_DAYS = 7;

    /**
     * The component's arguments: the one way from a stack's settings to {@link TrainingStorageArgs}.
     *
     * @param kmsKeyArn       the training key
     * @param network         the file systems' network
     * @param efsCsiDriver    the EFS CSI driver's add-on version, when the stack installs it
     * @param tags            the stack's tags
     * @param protect         protect the stateful resources (prod)
     * @param namespace       the namespace {@link #namespace} names, as data: the name output of the Namespace
     *                        the stack creates, or the name itself for a namespace that exists
     */
    public TrainingStorageArgs toArgs(Output<String> kmsKeyArn, NetworkArgs network, Optional<Output<String>> efsCsiDriver,
                                      Map<String, String> tags, boolean protect, Output<String> namespace) {
        var args = TrainingStorageArgs.builder()
                .kmsKeyArn(kmsKeyArn)
                .network(network)
                .namespace(namespace)
                .lifecycleRules(coldArchive.lifecycle().stream().map(LifecycleRuleArgs::from).toList())
                .versioning(coldArchive.versioning())
                .abortIncompleteMultipartUploadDays(coldArchive.abortIncompleteMultipartUploadDays())
                .lustreClientRules(lustreClientRules)
                .tags(tags)
                .protect(protect);
        efsCsiDriver.ifPresent(args::efsCsiDriver);
        hot.ifPresent(h -> args.hot(h.toArgs()));
        perJob.ifPresent(p -> args.perJob(p.toArgs()));
        warm.ifPresent(w -> args.warm(w.toArgs()));
        return args.build();
    }

    /**
     * The key in the stack file of a key relative to {@link TrainingStorageArgs}: the per-job tier is
     * under {@code hot.perJob}, the warm tier's EFS options beside its other keys, the bucket's
     * settings under {@code coldArchive}.
     */
    static String stackKey(String argsKey) {
        if (argsKey.startsWith("perJob.")) {
            return "hot." + argsKey;
        }
        if (argsKey.startsWith("warm.efs.")) {
            return "warm." + argsKey.substring("warm.efs.".length());
        }
        if (argsKey.startsWith("lifecycleRules")) {
            return "coldArchive.lifecycle" + argsKey.substring("lifecycleRules".length());
        }
        if (argsKey.equals("abortIncompleteMultipartUploadDays")) {
            return "coldArchive." + argsKey;
        }
        return argsKey;
    }

    /** Parses {@code strata:training}; every key is read unconditionally, then each object is finished. */
    public static TrainingSettings parse(ConfigNode node, Environment environment) {
        String namespace = node.string("namespace", TrainingStorageArgs.DEFAULT_NAMESPACE);
        boolean createNamespace = node.bool("createNamespace", true);
        boolean lustreClientRules = node.bool("lustreClientRules", true);
        ConfigNode hotNode = node.objectOrEmpty("hot");
        ConfigNode warmNode = node.objectOrEmpty("warm");
        ConfigNode coldNode = node.objectOrEmpty("coldArchive");
        node.finish();

        boolean hotEnabled = hotNode.bool("enabled", true);
        Hot hot = hot(hotNode, environment);
        ConfigNode perJobNode = hotNode.objectOrEmpty("perJob");
        hotNode.finish();
        boolean perJobEnabled = perJobNode.bool("enabled", true);
        PerJob perJob = perJob(perJobNode);
        perJobNode.finish();
        boolean warmEnabled = warmNode.bool("enabled", true);
        Warm warm = warm(warmNode, environment, warmEnabled);
        warmNode.finish();
        ColdArchive coldArchive = coldArchive(coldNode);
        coldNode.finish();

        TrainingSettings settings = new TrainingSettings(namespace, createNamespace, lustreClientRules,
                hotEnabled ? Optional.of(hot) : Optional.empty(), perJobEnabled ? Optional.of(perJob) : Optional.empty(),
                warmEnabled ? Optional.of(warm) : Optional.empty(), coldArchive);
        // The rules are the Args'; the settings hold no key and no network yet, which the Args check separately.
        settings.toArgs(null, null, Optional.empty(), Map.of(), false, Output.of(namespace))
                .validateChoices(key -> node.key(stackKey(key)), node.problems());
        return settings;
    }

    private static Hot hot(ConfigNode node, Environment environment) {
        DeploymentType type = node.enumValue("deploymentType", DeploymentType.class, DeploymentType.SCRATCH_2, Enum::name);
        // Numbers are read whole: their rules are LustreRules', which name what the deployment type accepts.
        int storageGiB = node.integer("storageGiB", LustreRules.MIN_CAPACITY_GIB, Integer.MIN_VALUE, Integer.MAX_VALUE);
        Optional<Integer> perUnit = Optional.ofNullable(node.integer("perUnitStorageThroughput", null, Integer.MIN_VALUE, Integer.MAX_VALUE));
        Optional<String> importPath = path(node, "importPath", type);
        Optional<String> exportPath = path(node, "exportPath", type);
        Optional<AutoImportPolicy> autoImport = autoImport(node, type);
        List<LustreRules.Association> associations = new ArrayList<>();
        Optional<List<ConfigNode>> associationNodes = node.objectList("dataRepositoryAssociations");
        for (ConfigNode association : associationNodes.orElse(List.of())) {
            associations.add(new LustreRules.Association(
                    association.requiredString("fileSystemPath", "a directory of the file system such as /datasets").orElse(null),
                    association.requiredString("dataRepositoryPath", "a key prefix of the training bucket such as datasets/").orElse(null)));
            association.finish();
        }
        if (associationNodes.isEmpty() && type == DeploymentType.PERSISTENT_2) {
            associations.add(new LustreRules.Association("/datasets", DEFAULT_IMPORT_PATH));
        }
        boolean linked = importPath.isPresent() || exportPath.isPresent() || !associations.isEmpty();
        int backupDefault = !type.isScratch() && !linked && environment == Environment.PROD ? PROD_BACKUP_RETENTION_DAYS : 0;
        int backupDays = node.integer("automaticBackupRetentionDays", backupDefault, 0, LustreRules.MAX_BACKUP_RETENTION_DAYS);
        String claimName = node.string("claimName", HotTierArgs.DEFAULT_CLAIM_NAME);
        String version = node.string("fileSystemTypeVersion", LustreVersion.DEFAULT.apiValue());
        return new Hot(type, storageGiB, perUnit, importPath, exportPath, autoImport, associations, backupDays, claimName, version);
    }

    private static PerJob perJob(ConfigNode node) {
        String storageClassName = node.string("storageClassName", PerJobScratchArgs.DEFAULT_STORAGE_CLASS_NAME);
        DeploymentType type = node.enumValue("deploymentType", DeploymentType.class, PerJobScratchArgs.DEFAULT_DEPLOYMENT_TYPE, Enum::name);
        Optional<Integer> perUnit = Optional.ofNullable(node.integer("perUnitStorageThroughput", null, Integer.MIN_VALUE, Integer.MAX_VALUE));
        // No S3 link by default: a per-job file system cannot read the training bucket (PerJobScratchArgs).
        return new PerJob(storageClassName, type, perUnit, node.optionalString("importPath"), node.optionalString("exportPath"),
                Optional.ofNullable(node.enumValue("autoImportPolicy", AutoImportPolicy.class, null, Enum::name)),
                node.string("fileSystemTypeVersion", LustreVersion.DEFAULT.apiValue()));
    }

    /** An import or export prefix; defaults apply only to the types that link through paths. */
    private static Optional<String> path(ConfigNode node, String key, DeploymentType type) {
        Optional<String> value = node.optionalString(key);
        if (value.isPresent() || node.has(key) || !type.linksThroughPaths()) {
            return value;
        }
        return Optional.of(key.equals("importPath") ? DEFAULT_IMPORT_PATH : DEFAULT_EXPORT_PATH);
    }

    private static Optional<AutoImportPolicy> autoImport(ConfigNode node, DeploymentType type) {
        AutoImportPolicy fallback = type.linksThroughPaths() ? AutoImportPolicy.NEW_CHANGED_DELETED : null;
        return Optional.ofNullable(node.enumValue("autoImportPolicy", AutoImportPolicy.class, fallback, Enum::name));
    }

    /**
     * The warm tier: the Args' defaults, and backups in prod (a stack fact). Numbers are read whole, not
     * bounded: their ranges are WarmTierArgs' rules, reported once, under these keys.
     */
    private static Warm warm(ConfigNode node, Environment environment, boolean enabled) {
        var defaults = WarmTierArgs.EFS_DEFAULTS.orElse(dev.strata.efs.EfsOptionsArgs.builder()
                .backup(environment == Environment.PROD).build());
        // The EFS rules are checked with the rest of the tier (WarmTierArgs.validate), not while parsing.
        EfsSettings efs = EfsSettings.parse(node, EfsSettings.of(defaults), false);
        return new Warm(efs,
                node.string("accessPointPath", WarmTierArgs.DEFAULT_ACCESS_POINT_PATH),
                node.integer("posixId", WarmTierArgs.DEFAULT_POSIX_ID, Integer.MIN_VALUE, Integer.MAX_VALUE),
                node.string("storageClassName", WarmTierArgs.DEFAULT_STORAGE_CLASS_NAME),
                node.string("basePath", WarmTierArgs.DEFAULT_BASE_PATH),
                node.string("directoryPerms", WarmTierArgs.DEFAULT_DIRECTORY_PERMS),
                node.integer("gidRangeStart", WarmTierArgs.DEFAULT_GID_RANGE_START, Integer.MIN_VALUE, Integer.MAX_VALUE),
                node.integer("gidRangeEnd", WarmTierArgs.DEFAULT_GID_RANGE_END, Integer.MIN_VALUE, Integer.MAX_VALUE),
                node.string("claimName", WarmTierArgs.DEFAULT_CLAIM_NAME),
                node.integer("claimStorageGiB", WarmTierArgs.DEFAULT_CLAIM_STORAGE_GIB, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private static ColdArchive coldArchive(ConfigNode node) {
        List<LifecycleRule> lifecycle = node.objectList("lifecycle").map(DataLakeSettings::lifecycleRules)
                .orElse(TrainingLifecycle.DEFAULTS);
        boolean versioning = node.bool("versioning", true);
        // Read whole: the rule is the bucket's (SecureBucketArgs), checked with TrainingStorageArgs under this key.
        int abortDays = node.integer("abortIncompleteMultipartUploadDays",
                SecureBucketArgs.DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new ColdArchive(lifecycle, versioning, abortDays);
    }
}

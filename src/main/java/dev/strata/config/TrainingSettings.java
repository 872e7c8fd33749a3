package dev.strata.config;

import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.LifecycleRules;
import dev.strata.efs.EfsAccessPointArgs;
import dev.strata.efs.EfsRules;
import dev.strata.efs.PerformanceMode;
import dev.strata.efs.ThroughputMode;
import dev.strata.training.AutoImportPolicy;
import dev.strata.training.DeploymentType;
import dev.strata.core.KubernetesValues;
import dev.strata.training.LustreRules;
import dev.strata.training.LustreVersion;
import dev.strata.training.PerJobScratchArgs;
import dev.strata.training.TrainingLifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four-tier training storage ({@code strata:training}). A tier whose {@code enabled} is false is
 * not built; the training-data bucket (cold and archive tiers) always is.
 *
 * @param namespace       namespace of the claims ({@code namespace}, default {@code ml-training})
 * @param createNamespace create the namespace ({@code createNamespace}, default true)
 * @param lustreClientRules add the Lustre rules FSx asks for on the nodes' security group ({@code lustreClientRules},
 *                        default true; {@code TrainingStorageArgs.lustreClientRules})
 * @param hot             the managed FSx for Lustre file system ({@code hot}), if enabled
 * @param perJob          the per-job scratch StorageClass ({@code hot.perJob}), if enabled
 * @param warm            the EFS tier ({@code warm}), if enabled
 * @param coldArchive     the training-data bucket ({@code coldArchive})
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
    }

    /** The StorageClass through which each training job's claim creates its own file system. */
    public record PerJob(String storageClassName, DeploymentType deploymentType, Optional<Integer> perUnitStorageThroughput,
                         Optional<String> importPath, Optional<String> exportPath, Optional<AutoImportPolicy> autoImportPolicy,
                         String fileSystemTypeVersion) {
    }

    /** The EFS file system, its shared-datasets access point, StorageClass and claim. */
    public record Warm(EfsSettings efs, String accessPointPath, int posixId, String storageClassName, String basePath,
                       String directoryPerms, int gidRangeStart, int gidRangeEnd, String claimName, int claimStorageGiB) {
    }

    /** The training-data bucket: its lifecycle carries the cold and archive tiers. */
    public record ColdArchive(List<LifecycleRule> lifecycle, boolean versioning, int abortIncompleteMultipartUploadDays) {
        public ColdArchive {
            lifecycle = List.copyOf(lifecycle);
        }
    }

    /** Default key prefixes of the training bucket that scratch and PERSISTENT_1 file systems import from and export to. */
    public static final String DEFAULT_IMPORT_PATH = "datasets/";
    public static final String DEFAULT_EXPORT_PATH = "results/";
    /** Days of automatic backups of a persistent hot tier in prod, when it is linked to no bucket (FSx backs up no linked file system). */
    public static final int PROD_BACKUP_RETENTION_DAYS = 7;

    /** Parses {@code strata:training}; every key is read unconditionally, then each object is finished. */
    public static TrainingSettings parse(ConfigNode node, Environment environment) {
        String namespace = node.string("namespace", "ml-training");
        boolean createNamespace = node.bool("createNamespace", true);
        boolean lustreClientRules = node.bool("lustreClientRules", true);
        ConfigNode hotNode = node.objectOrEmpty("hot");
        ConfigNode warmNode = node.objectOrEmpty("warm");
        ConfigNode coldNode = node.objectOrEmpty("coldArchive");
        node.finish();
        KubernetesValues.checkNamespace(namespace, node.key("namespace"), node.problems());

        boolean hotEnabled = hotNode.bool("enabled", true);
        Hot hot = hot(hotNode, environment);
        ConfigNode perJobNode = hotNode.objectOrEmpty("perJob");
        hotNode.finish();
        boolean perJobEnabled = perJobNode.bool("enabled", true);
        PerJob perJob = perJob(perJobNode);
        perJobNode.finish();
        if (hotEnabled) {
            LustreRules.validate(hotNode::key, hot.deploymentType(), hot.storageGiB(), hot.perUnitStorageThroughput().orElse(null),
                    hot.importPath().orElse(null), hot.exportPath().orElse(null), hot.autoImportPolicy().orElse(null),
                    hot.dataRepositoryAssociations(), hot.automaticBackupRetentionDays(), hot.fileSystemTypeVersion(), node.problems());
            KubernetesValues.checkObjectName(hot.claimName(), hotNode.key("claimName"), node.problems());
        }
        if (perJobEnabled) {
            LustreRules.validate(perJobNode::key, perJob.deploymentType(), null, perJob.perUnitStorageThroughput().orElse(null),
                    perJob.importPath().orElse(null), perJob.exportPath().orElse(null), perJob.autoImportPolicy().orElse(null),
                    List.of(), null, perJob.fileSystemTypeVersion(), node.problems());
            PerJobScratchArgs.checkNoDataRepository(perJobNode::key, perJob.importPath().orElse(null),
                    perJob.exportPath().orElse(null), perJob.autoImportPolicy().orElse(null), node.problems());
            KubernetesValues.checkObjectName(perJob.storageClassName(), perJobNode.key("storageClassName"), node.problems());
        }

        boolean warmEnabled = warmNode.bool("enabled", true);
        Warm warm = warm(warmNode, environment, warmEnabled);
        warmNode.finish();
        if (warmEnabled && hotEnabled && warm.claimName().equals(hot.claimName())) {
            node.problems().add(warmNode.key("claimName"), warm.claimName(), hotNode.key("claimName"), hot.claimName(),
                    "the two claims live in one namespace and need different names");
        }
        if (warmEnabled && perJobEnabled && warm.storageClassName().equals(perJob.storageClassName())) {
            node.problems().add(warmNode.key("storageClassName"), warm.storageClassName(), perJobNode.key("storageClassName"),
                    perJob.storageClassName(), "the two StorageClasses need different names");
        }

        ColdArchive coldArchive = coldArchive(coldNode);
        coldNode.finish();
        // No lifecycle rule may archive a prefix a file system links (LustreRules.archivedLinks).
        List<LustreRules.LinkedPrefix> links = new ArrayList<>();
        if (hotEnabled) {
            links.addAll(LustreRules.linkedPrefixes(hotNode::key, hot.importPath().orElse(null), hot.exportPath().orElse(null),
                    hot.dataRepositoryAssociations()));
        }
        if (perJobEnabled) {
            links.addAll(LustreRules.linkedPrefixes(perJobNode::key, perJob.importPath().orElse(null),
                    perJob.exportPath().orElse(null), List.of()));
        }
        LustreRules.archivedLinks(links, coldArchive.lifecycle(), coldNode.key("lifecycle"), node.problems());
        return new TrainingSettings(namespace, createNamespace, lustreClientRules, hotEnabled ? Optional.of(hot) : Optional.empty(),
                perJobEnabled ? Optional.of(perJob) : Optional.empty(), warmEnabled ? Optional.of(warm) : Optional.empty(),
                coldArchive);
    }

    private static Hot hot(ConfigNode node, Environment environment) {
        DeploymentType type = node.enumValue("deploymentType", DeploymentType.class, DeploymentType.SCRATCH_2, Enum::name);
        int storageGiB = node.integer("storageGiB", LustreRules.MIN_CAPACITY_GIB, 1, Integer.MAX_VALUE);
        Optional<Integer> perUnit = Optional.ofNullable(node.integer("perUnitStorageThroughput", null, 1, 100_000));
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
        String claimName = node.string("claimName", "training-hot");
        String version = node.string("fileSystemTypeVersion", LustreVersion.DEFAULT.apiValue());
        return new Hot(type, storageGiB, perUnit, importPath, exportPath, autoImport, associations, backupDays, claimName, version);
    }

    private static PerJob perJob(ConfigNode node) {
        String storageClassName = node.string("storageClassName", "fsx-lustre-training");
        DeploymentType type = node.enumValue("deploymentType", DeploymentType.class, DeploymentType.SCRATCH_2, Enum::name);
        Optional<Integer> perUnit = Optional.ofNullable(node.integer("perUnitStorageThroughput", null, 1, 100_000));
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

    private static Warm warm(ConfigNode node, Environment environment, boolean enabled) {
        EfsSettings defaults = new EfsSettings(PerformanceMode.GENERAL_PURPOSE, ThroughputMode.ELASTIC, Optional.empty(),
                Optional.of(30), Optional.empty(), environment == Environment.PROD);
        EfsSettings efs = EfsSettings.parse(node, defaults, enabled);
        String accessPointPath = node.string("accessPointPath", "/shared");
        int posixId = node.integer("posixId", 1000, 0, Integer.MAX_VALUE);
        String storageClassName = node.string("storageClassName", "efs-datasets");
        String basePath = node.string("basePath", "/datasets");
        String directoryPerms = node.string("directoryPerms", "0755");
        int gidRangeStart = node.integer("gidRangeStart", 1000, 1, Integer.MAX_VALUE);
        int gidRangeEnd = node.integer("gidRangeEnd", 2000, 1, Integer.MAX_VALUE);
        String claimName = node.string("claimName", "training-datasets");
        int claimStorageGiB = node.integer("claimStorageGiB", 100, 1, Integer.MAX_VALUE);
        if (enabled) {
            var problems = node.problems();
            EfsAccessPointArgs.validatePath(node.key("accessPointPath"), accessPointPath, problems);
            EfsRules.checkBasePath(node.key("basePath"), basePath, problems);
            if (!directoryPerms.matches("[0-7]{3,4}")) {
                problems.add(node.key("directoryPerms"), directoryPerms, "must be octal permissions such as 0755");
            }
            if (gidRangeEnd < gidRangeStart) {
                problems.add(node.key("gidRangeEnd"), gidRangeEnd, node.key("gidRangeStart"), gidRangeStart,
                        "the gid range must not end before it starts");
            }
            KubernetesValues.checkObjectName(storageClassName, node.key("storageClassName"), problems);
            KubernetesValues.checkObjectName(claimName, node.key("claimName"), problems);
        }
        return new Warm(efs, accessPointPath, posixId, storageClassName, basePath, directoryPerms, gidRangeStart, gidRangeEnd,
                claimName, claimStorageGiB);
    }

    private static ColdArchive coldArchive(ConfigNode node) {
        List<LifecycleRule> lifecycle = node.objectList("lifecycle").map(SettingsParser::lifecycleRules)
                .orElse(TrainingLifecycle.DEFAULTS);
        boolean versioning = node.bool("versioning", true);
        int abortDays = node.integer("abortIncompleteMultipartUploadDays", 7, 1, 365);
        LifecycleRules.validate(lifecycle, node.key("lifecycle"), node.problems());
        return new ColdArchive(lifecycle, versioning, abortDays);
    }
}

package dev.strata.training;

import dev.strata.core.Problems;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.StorageClass;
import dev.strata.datalake.Transition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * FSx for Lustre limits, in one place for the stack settings and for {@link TrainingStorage}'s own
 * check of its arguments.
 *
 * <ul>
 *   <li>Storage capacity (CreateFileSystem, StorageCapacity,
 *       https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateFileSystem.html): SCRATCH_2,
 *       PERSISTENT_1 SSD and PERSISTENT_2 take 1200 GiB, 2400 GiB, then increments of 2400 GiB;
 *       SCRATCH_1 takes 1200 GiB, 2400 GiB, then increments of 3600 GiB.</li>
 *   <li>Per-unit storage throughput (CreateFileSystemLustreConfiguration, PerUnitStorageThroughput,
 *       https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateFileSystemLustreConfiguration.html):
 *       PERSISTENT_1 SSD 50, 100, 200; PERSISTENT_2 125, 250, 500, 1000 MB/s/TiB; none on scratch.</li>
 *   <li>S3 links: ImportPath, ExportPath and AutoImportPolicy are not supported on PERSISTENT_2, which
 *       links through data repository associations, at most 8 per file system
 *       (https://docs.aws.amazon.com/fsx/latest/LustreGuide/create-dra-linked-data-repo.html).</li>
 *   <li>Automatic backups: 0 to 90 days of retention, persistent types only, and only on file systems
 *       not linked to S3: "you can take automatic daily backups and user-initiated backups of persistent
 *       file systems that are not linked to an Amazon S3 durable data repository"
 *       (https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-backups-fsx.html); "File system backups
 *       aren't supported on file systems that are linked an Amazon S3 data repository"
 *       (https://docs.aws.amazon.com/fsx/latest/LustreGuide/fsx-data-repositories.html). That holds for
 *       both kinds of link, import/export paths and data repository associations; the API's CreateBackup
 *       takes only file systems that "are not linked to a data repository"
 *       (https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateBackup.html). The linked bucket is
 *       the durable copy.</li>
 *   <li>Lustre version ({@link LustreVersion}): one the nodes mount and the deployment type takes.</li>
 *   <li>Linked prefixes stay readable: FSx imports the metadata of an object in S3 Glacier Flexible
 *       Retrieval or Deep Archive but cannot read its data until the object is restored
 *       (https://docs.aws.amazon.com/fsx/latest/LustreGuide/importing-files-dra.html), and automatic
 *       export does not synchronize renames and permission changes of such objects
 *       (https://docs.aws.amazon.com/fsx/latest/LustreGuide/export-changed-data-meta-dra.html). So no
 *       lifecycle rule of the linked bucket may archive a prefix a file system links
 *       ({@link #archivedLinks}).</li>
 * </ul>
 */
public final class LustreRules {
    public static final int MIN_CAPACITY_GIB = 1200;
    public static final int MAX_ASSOCIATIONS = 8;
    public static final int MAX_BACKUP_RETENTION_DAYS = 90;
    /** The Lustre ports: 988 and 1018-1023 (https://docs.aws.amazon.com/fsx/latest/LustreGuide/limit-access-security-groups.html). */
    public static final int LUSTRE_PORT = 988;
    public static final int LUSTRE_PORT_RANGE_FROM = 1018;
    public static final int LUSTRE_PORT_RANGE_TO = 1023;
    /** A key prefix in the training bucket: S3's safe characters, no leading slash. */
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9!_.*'()\\-]+/)*([A-Za-z0-9!_.*'()\\-]+/?)?");
    private static final Pattern FILE_SYSTEM_PATH = Pattern.compile("/([A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*)?");

    private LustreRules() {
    }

    /** Whether {@code storageGiB} is a capacity the deployment type accepts. */
    public static boolean validCapacity(DeploymentType type, int storageGiB) {
        return type.isValidCapacity(storageGiB);
    }

    /**
     * Checks one file system's type, capacity, throughput, S3 links and backups together.
     * {@code key} turns a field name into its full key; {@code storageGiB} is null for a StorageClass
     * (each claim asks its own size). {@code importPath} and friends are null when unset.
     */
    public static void validate(UnaryOperator<String> key, DeploymentType type, Integer storageGiB, Integer perUnitThroughput,
                                String importPath, String exportPath, AutoImportPolicy autoImportPolicy,
                                List<Association> associations, Integer backupRetentionDays, String fileSystemTypeVersion,
                                Problems problems) {
        if (type == null) {
            return;
        }
        String typeKey = key.apply("deploymentType");
        version(key.apply("fileSystemTypeVersion"), fileSystemTypeVersion, typeKey, type, problems);
        if (storageGiB != null && !validCapacity(type, storageGiB)) {
            problems.add(key.apply("storageGiB"), storageGiB, typeKey, type.name(),
                    "FSx for Lustre " + type + " takes 1200 GiB, 2400 GiB or a multiple of " + type.capacityStepGiB() + " GiB");
        }
        String perUnitKey = key.apply("perUnitStorageThroughput");
        if (type.isScratch() && perUnitThroughput != null) {
            problems.add(perUnitKey, perUnitThroughput, typeKey, type.name(),
                    "scratch file systems have no per-unit storage throughput; only PERSISTENT_1 and PERSISTENT_2 take one");
        } else if (!type.isScratch() && perUnitThroughput == null) {
            problems.add(perUnitKey, null, typeKey, type.name(),
                    type + " needs a per-unit storage throughput, one of " + type.perUnitThroughputs() + " MB/s/TiB");
        } else if (!type.isScratch() && !type.perUnitThroughputs().contains(perUnitThroughput)) {
            problems.add(perUnitKey, perUnitThroughput, typeKey, type.name(),
                    type + " accepts " + type.perUnitThroughputs() + " MB/s/TiB");
        }
        if (!type.linksThroughPaths()) {
            notOnPersistent2(key, "importPath", importPath, typeKey, problems);
            notOnPersistent2(key, "exportPath", exportPath, typeKey, problems);
            notOnPersistent2(key, "autoImportPolicy", autoImportPolicy, typeKey, problems);
        } else {
            if (importPath != null) {
                prefix(key.apply("importPath"), importPath, problems);
            }
            if (exportPath != null) {
                prefix(key.apply("exportPath"), exportPath, problems);
                if (importPath == null) {
                    problems.add(key.apply("exportPath"), exportPath, key.apply("importPath"), null,
                            "FSx exports to the bucket it imports from; set an import path too");
                }
            }
            if (autoImportPolicy != null && autoImportPolicy != AutoImportPolicy.NONE && importPath == null) {
                problems.add(key.apply("autoImportPolicy"), autoImportPolicy.name(), key.apply("importPath"), null,
                        "automatic import needs an import path");
            }
            if (!associations.isEmpty()) {
                problems.add(key.apply("dataRepositoryAssociations"), associations.size() + " associations", typeKey, type.name(),
                        type + " links to S3 through importPath/exportPath; data repository associations are for PERSISTENT_2");
            }
        }
        associations(key.apply("dataRepositoryAssociations"), associations, problems);
        if (backupRetentionDays != null) {
            String backupKey = key.apply("automaticBackupRetentionDays");
            if (backupRetentionDays < 0 || backupRetentionDays > MAX_BACKUP_RETENTION_DAYS) {
                problems.add(backupKey, backupRetentionDays, "must be from 0 to " + MAX_BACKUP_RETENTION_DAYS + " days");
            } else if (type.isScratch() && backupRetentionDays > 0) {
                problems.add(backupKey, backupRetentionDays, typeKey, type.name(),
                        "scratch file systems have no automatic backups; use a persistent type or 0");
            } else if (backupRetentionDays > 0 && (importPath != null || exportPath != null || !associations.isEmpty())) {
                String linkField = importPath != null ? "importPath" : exportPath != null ? "exportPath" : "dataRepositoryAssociations";
                Object link = importPath != null ? importPath : exportPath != null ? exportPath : associations.size() + " associations";
                problems.add(backupKey, backupRetentionDays, key.apply(linkField), link,
                        "FSx for Lustre does not back up a file system linked to an S3 data repository; the linked bucket "
                                + "is the durable copy. Set 0 days, or link no bucket");
            }
        }
    }

    /** The Lustre version: one the API takes, the nodes mount ({@link LustreVersion}) and the deployment type supports. */
    private static void version(String key, String value, String typeKey, DeploymentType type, Problems problems) {
        if (value == null) {
            return;
        }
        var version = LustreVersion.of(value);
        if (version.isEmpty() || !version.get().nodesMount()) {
            problems.add(key, value, "must be one of " + LustreVersion.mountable() + " (quoted in YAML, e.g. \"2.15\"): "
                    + (version.isPresent() ? "the nodes' Lustre client (Amazon Linux 2023: Lustre 2.15) cannot mount Lustre " + value
                    : "FSx for Lustre versions are 2.10, 2.12 and 2.15, and the nodes mount 2.12 and 2.15"));
        }
        if (version.isPresent() && !version.get().supports(type)) {
            problems.add(key, value, typeKey, type.name(), type + " file systems take Lustre 2.12 or 2.15, not " + value);
        }
    }

    /** A key prefix of the training bucket a file system imports from or exports to, and the setting that names it. */
    public record LinkedPrefix(String key, String prefix) {
    }

    /** The prefixes one file system links: its import and export paths and its associations' repository paths. */
    public static List<LinkedPrefix> linkedPrefixes(UnaryOperator<String> key, String importPath, String exportPath,
                                                    List<Association> associations) {
        List<LinkedPrefix> links = new ArrayList<>();
        if (importPath != null) {
            links.add(new LinkedPrefix(key.apply("importPath"), importPath));
        }
        if (exportPath != null) {
            links.add(new LinkedPrefix(key.apply("exportPath"), exportPath));
        }
        for (int i = 0; i < associations.size(); i++) {
            if (associations.get(i).dataRepositoryPath() != null) {
                links.add(new LinkedPrefix(key.apply("dataRepositoryAssociations[" + i + "].dataRepositoryPath"),
                        associations.get(i).dataRepositoryPath()));
            }
        }
        return links;
    }

    /**
     * Rejects a lifecycle rule of the linked bucket that moves objects under a linked prefix to an
     * archived class ({@link StorageClass#isArchived()}), naming the rule's transition and the link.
     * A rule applies to a linked prefix when either prefix starts with the other (an empty prefix is
     * the whole bucket); noncurrent versions are not read by FSx and may be archived.
     */
    public static void archivedLinks(List<LinkedPrefix> links, List<LifecycleRule> rules, String rulesKey, Problems problems) {
        archivedLinks(links, rules, rulesKey, "FSx for Lustre cannot read objects archived in S3 Glacier Flexible "
                + "Retrieval or Deep Archive until they are restored (nor can GetObject); keep the prefixes "
                + "file systems link in classes they read and archive under a prefix of its own, such as "
                + TrainingLifecycle.ARCHIVE_PREFIX, problems);
    }

    /** {@link #archivedLinks}, for another reader of the linked prefixes (a Mountpoint volume), with its own {@code reason}. */
    public static void archivedLinks(List<LinkedPrefix> links, List<LifecycleRule> rules, String rulesKey, String reason,
                                     Problems problems) {
        for (int i = 0; i < rules.size(); i++) {
            LifecycleRule rule = rules.get(i);
            String rulePrefix = rule.prefix().orElse("");
            for (int j = 0; j < rule.transitions().size(); j++) {
                Transition transition = rule.transitions().get(j);
                if (transition.storageClass() == null || !transition.storageClass().isArchived()) {
                    continue;
                }
                for (LinkedPrefix link : links) {
                    if (link.prefix().startsWith(rulePrefix) || rulePrefix.startsWith(link.prefix())) {
                        problems.add(rulesKey + "[" + i + "].transitions[" + j + "].storageClass", transition.storageClass().name(),
                                link.key(), link.prefix(), reason);
                    }
                }
                break;
            }
        }
    }

    private static void notOnPersistent2(UnaryOperator<String> key, String field, Object value, String typeKey, Problems problems) {
        if (value != null) {
            problems.add(key.apply(field), value instanceof Enum<?> e ? e.name() : value, typeKey, DeploymentType.PERSISTENT_2.name(),
                    "PERSISTENT_2 links to S3 only through dataRepositoryAssociations");
        }
    }

    /** A data repository association: a directory of the file system linked to a prefix of the training bucket. */
    public record Association(String fileSystemPath, String dataRepositoryPath) {
    }

    private static void associations(String key, List<Association> associations, Problems problems) {
        if (associations.size() > MAX_ASSOCIATIONS) {
            problems.add(key, associations.size() + " associations", "a file system takes at most " + MAX_ASSOCIATIONS);
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < associations.size(); i++) {
            Association association = associations.get(i);
            String itemKey = key + "[" + i + "]";
            String path = association.fileSystemPath();
            if (path == null || !FILE_SYSTEM_PATH.matcher(path).matches()) {
                problems.add(itemKey + ".fileSystemPath", path, "must be an absolute directory such as /datasets");
            } else if (!paths.add(path)) {
                problems.add(itemKey + ".fileSystemPath", path, "each association needs a directory of its own");
            } else {
                for (int j = 0; j < i; j++) {
                    String other = associations.get(j).fileSystemPath();
                    if (other != null && (other.equals("/") || path.equals("/") || path.startsWith(other + "/") || other.startsWith(path + "/"))) {
                        problems.add(itemKey + ".fileSystemPath", path, key + "[" + j + "].fileSystemPath", other,
                                "association directories must not overlap");
                    }
                }
            }
            if (association.dataRepositoryPath() == null) {
                problems.missing(itemKey + ".dataRepositoryPath", "is required; a key prefix of the training bucket such as datasets/");
            } else {
                prefix(itemKey + ".dataRepositoryPath", association.dataRepositoryPath(), problems);
            }
        }
    }

    /** A key prefix of the training bucket, e.g. {@code datasets/}; empty for the whole bucket. */
    public static void prefix(String key, String prefix, Problems problems) {
        if (!PREFIX.matcher(prefix).matches() || prefix.length() > 900) {
            problems.add(key, prefix, "must be a key prefix of the training bucket such as datasets/ "
                    + "(letters, digits and !_.*'()- separated by /, no leading /, no s3:// URL)");
        }
    }

    /**
     * The file system's aggregate throughput in MB/s: storage in TiB times the per-unit throughput
     * (persistent) or the documented baseline (scratch). FSx counts 1200 GiB as 1.2 TiB in its own
     * examples and console, so TiB here is GiB / 1000.
     */
    public static int aggregateThroughputMBps(DeploymentType type, int storageGiB, Integer perUnitThroughput) {
        int perTiB = type.isScratch() ? type.baselineMBpsPerTiB() : perUnitThroughput;
        return (int) ((long) storageGiB * perTiB / 1000);
    }
}

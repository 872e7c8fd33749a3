package dev.strata.training;

import dev.strata.core.Problems;

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
 *   <li>Automatic backups: 0 to 90 days of retention, persistent types only
 *       (https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-backups-fsx.html).</li>
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
                                List<Association> associations, Integer backupRetentionDays, Problems problems) {
        if (type == null) {
            return;
        }
        String typeKey = key.apply("deploymentType");
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

package dev.strata.training;

import dev.strata.config.Environment;
import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
import dev.strata.core.InvalidConfigException;
import dev.strata.efs.ThroughputMode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code strata:training}: defaults, every key, and a valid/invalid pair for each rule, with full key paths. */
class TrainingSettingsTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", "vpc-0abc1234def567890",
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718"),
            "nodeSecurityGroupId", "sg-0c3d4e5f607182930");

    private static StrataSettings parse(String environment, Map<String, Object> training) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", environment);
        values.put("network", NETWORK);
        // A prod stack adopts its cluster by default, which needs the cluster's name.
        values.put("cluster", Map.of("name", "ml-platform"));
        values.put("training", training);
        return SettingsParser.parse(values);
    }

    private static TrainingSettings training(Map<String, Object> training) {
        return parse("dev", training).training().orElseThrow();
    }

    private static void rejects(Map<String, Object> training, String... fragments) {
        assertThatThrownBy(() -> parse("dev", training)).isInstanceOf(InvalidConfigException.class)
                .hasMessageContainingAll(fragments);
    }

    private static Map<String, Object> hot(Object... keyValues) {
        Map<String, Object> hot = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            hot.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Map.of("hot", hot);
    }

    private static Map<String, Object> warm(Object... keyValues) {
        Map<String, Object> warm = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            warm.put((String) keyValues[i], keyValues[i + 1]);
        }
        return Map.of("warm", warm);
    }

    @Test
    void defaultsAreAScratchHotTierElasticEfsAndThePlaybookLifecycle() {
        TrainingSettings settings = training(Map.of());
        assertThat(settings.namespace()).isEqualTo("ml-training");
        assertThat(settings.createNamespace()).isTrue();
        TrainingSettings.Hot hot = settings.hot().orElseThrow();
        assertThat(hot.deploymentType()).isEqualTo(DeploymentType.SCRATCH_2);
        assertThat(hot.storageGiB()).isEqualTo(1200);
        assertThat(hot.perUnitStorageThroughput()).isEmpty();
        assertThat(hot.importPath()).contains("datasets/");
        assertThat(hot.exportPath()).contains("results/");
        assertThat(hot.autoImportPolicy()).contains(AutoImportPolicy.NEW_CHANGED_DELETED);
        assertThat(hot.automaticBackupRetentionDays()).isZero();
        assertThat(hot.claimName()).isEqualTo("training-hot");
        assertThat(hot.fileSystemTypeVersion()).isEqualTo("2.15");
        assertThat(settings.perJob().orElseThrow().storageClassName()).isEqualTo("fsx-lustre-training");
        // Per-job file systems link no bucket (PerJobScratchArgs.checkNoDataRepository).
        assertThat(settings.perJob().orElseThrow().importPath()).isEmpty();
        assertThat(settings.perJob().orElseThrow().exportPath()).isEmpty();
        assertThat(settings.perJob().orElseThrow().autoImportPolicy()).isEmpty();
        assertThat(settings.perJob().orElseThrow().fileSystemTypeVersion()).isEqualTo("2.15");
        assertThat(settings.lustreClientRules()).isTrue();
        assertThat(training(Map.of("lustreClientRules", false)).lustreClientRules()).isFalse();
        TrainingSettings.Warm warm = settings.warm().orElseThrow();
        assertThat(warm.efs().throughputMode()).isEqualTo(ThroughputMode.ELASTIC);
        assertThat(warm.efs().transitionToIaDays()).contains(30);
        assertThat(warm.efs().backup()).isFalse();
        assertThat(warm.storageClassName()).isEqualTo("efs-datasets");
        assertThat(settings.coldArchive().lifecycle()).isEqualTo(TrainingLifecycle.DEFAULTS);
    }

    @Test
    void prodDefaultsTurnOnBackupsOfPersistentTypesLinkedToNoBucketAndEfs() {
        TrainingSettings settings = parse("prod", hot("deploymentType", "PERSISTENT_2", "storageGiB", 2400,
                "perUnitStorageThroughput", 500)).training().orElseThrow();
        TrainingSettings.Hot hot = settings.hot().orElseThrow();
        // Linked to the bucket by the default association: FSx backs it up never, the bucket is the durable copy.
        assertThat(hot.automaticBackupRetentionDays()).isZero();
        TrainingSettings.Hot unlinked = parse("prod", hot("deploymentType", "PERSISTENT_2", "storageGiB", 2400,
                "perUnitStorageThroughput", 500, "dataRepositoryAssociations", List.of())).training().orElseThrow().hot().orElseThrow();
        assertThat(unlinked.automaticBackupRetentionDays()).isEqualTo(TrainingSettings.PROD_BACKUP_RETENTION_DAYS);
        assertThat(hot.importPath()).isEmpty();
        assertThat(hot.autoImportPolicy()).isEmpty();
        assertThat(hot.dataRepositoryAssociations()).containsExactly(new LustreRules.Association("/datasets", "datasets/"));
        assertThat(settings.warm().orElseThrow().efs().backup()).isTrue();
        assertThat(parse("prod", Map.of()).training().orElseThrow().hot().orElseThrow().automaticBackupRetentionDays()).isZero();
        assertThat(parse("prod", Map.of()).environment()).isEqualTo(Environment.PROD);
    }

    @Test
    void tiersCanBeTurnedOff() {
        TrainingSettings settings = training(Map.of("hot", Map.of("enabled", false, "perJob", Map.of("enabled", false)),
                "warm", Map.of("enabled", false)));
        assertThat(settings.hot()).isEmpty();
        assertThat(settings.perJob()).isEmpty();
        assertThat(settings.warm()).isEmpty();
        // A disabled tier's values are not held against the stack.
        assertThat(training(Map.of("warm", Map.of("enabled", false, "throughputMode", "provisioned"))).warm()).isEmpty();
        rejects(Map.of("warm", Map.of("enabled", true, "throughputMode", "provisioned")),
                "strata:training.warm.provisionedThroughputMibps = (not set)");
    }

    @Test
    void trainingNeedsTheNetwork() {
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("environment", "dev", "training", Map.of())))
                .hasMessageContaining("strata:network: is required by strata:training");
    }

    @Test
    void capacityMustBeOnTheTypesSteps() {
        assertThat(training(hot("storageGiB", 2400)).hot().orElseThrow().storageGiB()).isEqualTo(2400);
        rejects(hot("storageGiB", 1000),
                "strata:training.hot.storageGiB = 1000 and strata:training.hot.deploymentType = \"SCRATCH_2\"");
        assertThat(training(hot("deploymentType", "SCRATCH_1", "storageGiB", 3600)).hot().orElseThrow().storageGiB()).isEqualTo(3600);
        rejects(hot("deploymentType", "SCRATCH_1", "storageGiB", 4800), "strata:training.hot.storageGiB = 4800");
    }

    @Test
    void perUnitThroughputRules() {
        rejects(hot("perUnitStorageThroughput", 200),
                "strata:training.hot.perUnitStorageThroughput = 200 and strata:training.hot.deploymentType = \"SCRATCH_2\"");
        assertThat(training(hot("deploymentType", "PERSISTENT_1", "storageGiB", 2400, "perUnitStorageThroughput", 50))
                .hot().orElseThrow().perUnitStorageThroughput()).contains(50);
        rejects(hot("deploymentType", "PERSISTENT_2", "storageGiB", 2400, "perUnitStorageThroughput", 50),
                "strata:training.hot.perUnitStorageThroughput = 50 and strata:training.hot.deploymentType = \"PERSISTENT_2\"");
        rejects(Map.of("hot", Map.of("perJob", Map.of("perUnitStorageThroughput", 200))),
                "strata:training.hot.perJob.perUnitStorageThroughput = 200 and strata:training.hot.perJob.deploymentType = \"SCRATCH_2\"");
        // Numbers are the rules' alone: a 0 is told what the deployment type accepts, and a negative capacity what FSx takes.
        rejects(hot("deploymentType", "PERSISTENT_2", "storageGiB", 2400, "perUnitStorageThroughput", 0),
                "strata:training.hot.perUnitStorageThroughput = 0 and strata:training.hot.deploymentType = \"PERSISTENT_2\": "
                        + "PERSISTENT_2 accepts [125, 250, 500, 1000] MB/s/TiB");
        rejects(hot("storageGiB", -1), "strata:training.hot.storageGiB = -1 and strata:training.hot.deploymentType = \"SCRATCH_2\"");
    }

    @Test
    void perJobFileSystemsCannotLinkTheTrainingBucket() {
        assertThat(training(Map.of("hot", Map.of("perJob", Map.of("deploymentType", "SCRATCH_1")))).perJob()).isPresent();
        rejects(Map.of("hot", Map.of("perJob", Map.of("importPath", "datasets/", "autoImportPolicy", "NEW"))),
                "strata:training.hot.perJob.importPath = \"datasets/\": a per-job file system cannot be linked to the training bucket",
                "strata:training.hot.perJob.autoImportPolicy = \"NEW\": a per-job file system cannot be linked");
        rejects(Map.of("hot", Map.of("perJob", Map.of("exportPath", "results/"))),
                "strata:training.hot.perJob.exportPath = \"results/\": a per-job file system cannot be linked");
    }

    @Test
    void s3LinksFollowTheType() {
        rejects(hot("deploymentType", "PERSISTENT_2", "perUnitStorageThroughput", 250, "importPath", "datasets/"),
                "strata:training.hot.importPath = \"datasets/\" and strata:training.hot.deploymentType = \"PERSISTENT_2\"");
        rejects(hot("dataRepositoryAssociations", List.of(Map.of("fileSystemPath", "/d", "dataRepositoryPath", "d/"))),
                "strata:training.hot.dataRepositoryAssociations = \"1 associations\" and strata:training.hot.deploymentType = \"SCRATCH_2\"");
        List<Map<String, Object>> nine = IntStream.range(0, 9)
                .mapToObj(i -> Map.<String, Object>of("fileSystemPath", "/d" + i, "dataRepositoryPath", "d" + i + "/")).toList();
        rejects(hot("deploymentType", "PERSISTENT_2", "perUnitStorageThroughput", 250, "dataRepositoryAssociations", nine),
                "strata:training.hot.dataRepositoryAssociations = \"9 associations\": a file system takes at most 8");
        assertThat(training(hot("deploymentType", "PERSISTENT_2", "perUnitStorageThroughput", 250,
                "dataRepositoryAssociations", nine.subList(0, 8))).hot().orElseThrow().dataRepositoryAssociations()).hasSize(8);
        rejects(hot("deploymentType", "PERSISTENT_2", "perUnitStorageThroughput", 250,
                        "dataRepositoryAssociations", List.of(Map.of("fileSystemPath", "/d"))),
                "strata:training.hot.dataRepositoryAssociations[0].dataRepositoryPath: is required");
        rejects(hot("automaticBackupRetentionDays", 3),
                "strata:training.hot.automaticBackupRetentionDays = 3 and strata:training.hot.deploymentType = \"SCRATCH_2\"");
    }

    @Test
    void backupsOfAFileSystemLinkedToS3AreRejectedNamingBothKeys() {
        rejects(hot("deploymentType", "PERSISTENT_2", "perUnitStorageThroughput", 250, "automaticBackupRetentionDays", 14),
                "strata:training.hot.automaticBackupRetentionDays = 14 and strata:training.hot.dataRepositoryAssociations = \"1 associations\"");
        rejects(hot("deploymentType", "PERSISTENT_1", "storageGiB", 2400, "perUnitStorageThroughput", 100, "automaticBackupRetentionDays", 7),
                "strata:training.hot.automaticBackupRetentionDays = 7 and strata:training.hot.importPath = \"datasets/\"");
        assertThat(training(hot("deploymentType", "PERSISTENT_2", "perUnitStorageThroughput", 250, "automaticBackupRetentionDays", 14,
                "dataRepositoryAssociations", List.of())).hot().orElseThrow().automaticBackupRetentionDays()).isEqualTo(14);
    }

    @Test
    void lustreVersionMustBeOneTheNodesMountAndTheTypeTakes() {
        assertThat(training(hot("fileSystemTypeVersion", "2.12")).hot().orElseThrow().fileSystemTypeVersion()).isEqualTo("2.12");
        rejects(hot("fileSystemTypeVersion", "2.10"),
                "strata:training.hot.fileSystemTypeVersion = \"2.10\": must be one of [2.12, 2.15]", "cannot mount Lustre 2.10");
        // YAML reads an unquoted 2.10 as the number 2.1
        rejects(hot("fileSystemTypeVersion", 2.10), "strata:training.hot.fileSystemTypeVersion = \"2.1\"", "quoted in YAML");
        rejects(hot("deploymentType", "PERSISTENT_2", "perUnitStorageThroughput", 250, "fileSystemTypeVersion", "2.10"),
                "strata:training.hot.fileSystemTypeVersion = \"2.10\" and strata:training.hot.deploymentType = \"PERSISTENT_2\"");
        rejects(Map.of("hot", Map.of("perJob", Map.of("fileSystemTypeVersion", "2.10"))),
                "strata:training.hot.perJob.fileSystemTypeVersion = \"2.10\"");
    }

    @Test
    void aLifecycleRuleMayNotArchiveAPrefixAFileSystemLinks() {
        List<Map<String, Object>> archiveDatasets = List.of(Map.of("id", "datasets-tiering", "prefix", "datasets/",
                "transitions", List.of(Map.of("days", 30, "storageClass", "STANDARD_IA"), Map.of("days", 90, "storageClass", "GLACIER"))));
        rejects(Map.of("coldArchive", Map.of("lifecycle", archiveDatasets)),
                "strata:training.coldArchive.lifecycle[0].transitions[1].storageClass = \"GLACIER\" and strata:training.hot.importPath = \"datasets/\"");
        // with the hot tier and per-job file systems off, nothing links datasets/ (in prod, where no Mountpoint volume
        // mounts it either: dev's would, S3MountsTest)
        assertThat(parse("prod", Map.of("hot", Map.of("enabled", false, "perJob", Map.of("enabled", false)),
                "coldArchive", Map.of("lifecycle", archiveDatasets))).training().orElseThrow().coldArchive().lifecycle()).hasSize(1);
        assertThat(training(Map.of("coldArchive", Map.of("lifecycle", List.of(Map.of("id", "archive", "prefix", "archive/",
                "transitions", List.of(Map.of("days", 0, "storageClass", "DEEP_ARCHIVE"))))))).coldArchive().lifecycle()).hasSize(1);
    }

    @Test
    void efsRulesNameTheWarmKeys() {
        assertThat(training(warm("throughputMode", "provisioned", "provisionedThroughputMibps", 64)).warm().orElseThrow()
                .efs().provisionedThroughputMibps()).contains(64);
        rejects(warm("throughputMode", "provisioned"),
                "strata:training.warm.provisionedThroughputMibps = (not set) and strata:training.warm.throughputMode = \"provisioned\"");
        assertThat(training(warm("transitionToArchiveDays", 90)).warm().orElseThrow().efs().transitionToArchiveDays()).contains(90);
        rejects(warm("throughputMode", "bursting", "transitionToArchiveDays", 90),
                "strata:training.warm.transitionToArchiveDays = 90 and strata:training.warm.throughputMode = \"bursting\"");
        rejects(warm("transitionToIaDays", 0, "transitionToArchiveDays", 90),
                "strata:training.warm.transitionToArchiveDays = 90 and strata:training.warm.transitionToIaDays = (not set)");
        rejects(warm("performanceMode", "max-io"), "strata:training.warm.performanceMode = \"max-io\": must be one of generalPurpose, maxIO");
    }

    @Test
    void theWarmTiersArgsRulesNameTheStackKeys() {
        // The settings are checked by WarmTierArgs.validate and TrainingStorageArgs.validateChoices, under the stack's keys.
        assertThat(training(warm("gidRangeStart", 1500, "gidRangeEnd", 1500)).warm().orElseThrow().gidRangeEnd()).isEqualTo(1500);
        rejects(warm("gidRangeStart", 1800, "gidRangeEnd", 1500),
                "strata:training.warm.gidRangeEnd = 1500 and strata:training.warm.gidRangeStart = 1800");
        rejects(warm("gidRangeStart", 0), "strata:training.warm.gidRangeEnd = 2000 and strata:training.warm.gidRangeStart = 0",
                "start at 1 or more");
        assertThat(training(warm("posixId", 0, "claimStorageGiB", 1)).warm().orElseThrow().posixId()).isZero();
        rejects(warm("posixId", -1), "strata:training.warm.posixId = -1: must be 0 or more");
        // Reported once: the parser reads the number, the Args' rule judges it.
        assertThatThrownBy(() -> parse("dev", warm("posixId", -1))).satisfies(e ->
                assertThat(e.getMessage().split("strata:training.warm.posixId", -1)).hasSize(2));
        rejects(warm("claimStorageGiB", 0), "strata:training.warm.claimStorageGiB = 0: must be 1 or more");
        assertThat(training(warm("directoryPerms", "0750")).warm().orElseThrow().directoryPerms()).isEqualTo("0750");
        rejects(warm("directoryPerms", "rwx"), "strata:training.warm.directoryPerms = \"rwx\"", "octal");
        assertThat(training(Map.of("hot", Map.of("perJob", Map.of("storageClassName", "a")), "warm", Map.of("storageClassName", "b")))
                .warm()).isPresent();
        rejects(Map.of("hot", Map.of("perJob", Map.of("storageClassName", "x")), "warm", Map.of("storageClassName", "x")),
                "strata:training.warm.storageClassName = \"x\" and strata:training.hot.perJob.storageClassName = \"x\"");
    }

    @Test
    void theWarmTiersDefaultsAreTheArgs() {
        TrainingSettings.Warm warm = training(Map.of()).warm().orElseThrow();
        WarmTierArgs defaults = WarmTierArgs.builder().build();
        assertThat(warm.efs().transitionToIaDays()).isEqualTo(defaults.efs().transitionToIaDays()).contains(30);
        assertThat(warm.claimName()).isEqualTo(defaults.claimName());
        assertThat(warm.storageClassName()).isEqualTo(defaults.storageClassName());
        assertThat(warm.gidRangeStart()).isEqualTo(defaults.gidRangeStart());
        assertThat(warm.gidRangeEnd()).isEqualTo(defaults.gidRangeEnd());
        assertThat(warm.efs().backup()).isFalse();
        assertThat(parse("prod", Map.of()).training().orElseThrow().warm().orElseThrow().efs().backup()).isTrue();
    }

    @Test
    void namesAndLifecycleAreChecked() {
        rejects(Map.of("namespace", "ML"), "strata:training.namespace = \"ML\"");
        rejects(Map.of("hot", Map.of("claimName", "x"), "warm", Map.of("claimName", "x")),
                "strata:training.warm.claimName = \"x\" and strata:training.hot.claimName = \"x\"");
        rejects(Map.of("coldArchive", Map.of("lifecycle", List.of(Map.of("id", "r", "prefix", "datasets/",
                        "transitions", List.of(Map.of("days", 10, "storageClass", "STANDARD_IA")))))),
                "strata:training.coldArchive.lifecycle");
    }

    @Test
    void unknownKeysAreReportedWithTheirFullPath() {
        rejects(hot("storageGib", 2400), "strata:training.hot.storageGib", "did you mean strata:training.hot.storageGiB?");
        rejects(Map.of("warm", Map.of("throughput", "elastic")), "strata:training.warm.throughput");
        rejects(Map.of("cold", Map.of()), "strata:training.cold");
    }

    @Test
    void networkSettingsStayOptionalWithoutTraining() {
        assertThat(SettingsParser.parse(Map.of("environment", "dev")).training()).isEqualTo(Optional.empty());
    }
}

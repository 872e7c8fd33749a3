package dev.strata.cost;

import dev.strata.datalake.DataLakeSettings;
import dev.strata.config.ConfigNode;
import dev.strata.inference.InferenceSettings;
import dev.strata.training.TrainingSettings;
import dev.strata.cost.UsageSettings.DataLakeUsage;
import dev.strata.cost.UsageSettings.EfsUsage;
import dev.strata.cost.UsageSettings.InferenceUsage;
import dev.strata.cost.UsageSettings.TrainingUsage;
import dev.strata.cost.UsageSettings.KmsUsage;
import dev.strata.cost.UsageSettings.BucketUsage;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.StorageClass;
import dev.strata.datalake.Transition;
import dev.strata.datalake.Zone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Parses {@code strata:usage} and {@code strata:budget}. Every accepted key is read unconditionally
 * (so a typo is reported, never silently ignored), and usage is checked against the settings it
 * describes: a zone must exist, and a storage class must be one the zone's lifecycle reaches.
 */
public final class CostSettingsParser {
    /** Upper bound of any usage quantity: far above any real stack, low enough to catch a unit slip. */
    static final double MAX_QUANTITY = 1e12;
    /** S3 Standard, where uploads land, followed by the classes a lifecycle rule can move objects to. */
    public static final List<String> S3_CLASSES = Stream.concat(Stream.of("STANDARD"),
            Stream.of(StorageClass.values()).map(Enum::name)).toList();

    private CostSettingsParser() {
    }

    /** Reads {@code strata:usage} and {@code strata:budget} from the root; the settings they describe are already parsed. */
    public static CostSettings parse(ConfigNode root, DataLakeSettings dataLake, Optional<TrainingSettings> training,
                                     Optional<InferenceSettings> inference) {
        UsageSettings usage = usage(root.objectOrEmpty("usage"), dataLake, training, inference);
        Optional<BudgetSettings> budget = root.object("budget").map(CostSettingsParser::budget);
        return new CostSettings(usage, budget);
    }

    private static UsageSettings usage(ConfigNode node, DataLakeSettings dataLake, Optional<TrainingSettings> training,
                                       Optional<InferenceSettings> inference) {
        ConfigNode lake = node.objectOrEmpty("dataLake");
        Optional<ConfigNode> trainingNode = node.object("training");
        Optional<ConfigNode> inferenceNode = node.object("inference");
        ConfigNode kms = node.objectOrEmpty("kms");
        node.finish();
        DataLakeUsage dataLakeUsage = dataLakeUsage(lake, dataLake);
        Optional<TrainingUsage> trainingUsage = trainingNode.map(n -> trainingUsage(n, training));
        Optional<InferenceUsage> inferenceUsage = inferenceNode.map(n -> inferenceUsage(n, inference));
        if (trainingNode.isPresent() && training.isEmpty()) {
            node.problems().missing(node.key("training"), "describes the training tiers, but strata:training is not set");
        }
        if (inferenceNode.isPresent() && inference.isEmpty()) {
            node.problems().missing(node.key("inference"), "describes the inference storage, but strata:inference is not set");
        }
        double kmsRequests = kms.decimal("requestsPerMonth", 0.0, 0, MAX_QUANTITY);
        kms.finish();
        return new UsageSettings(dataLakeUsage, trainingUsage, inferenceUsage, new KmsUsage(kmsRequests));
    }

    /** {@code strata:usage.training}: {@code hot.backupGiB}, {@code perJob.gibMonths}, {@code warm}, {@code coldArchive}. */
    private static TrainingUsage trainingUsage(ConfigNode node, Optional<TrainingSettings> training) {
        ConfigNode hot = node.objectOrEmpty("hot");
        ConfigNode perJob = node.objectOrEmpty("perJob");
        Optional<ConfigNode> warm = node.object("warm");
        Optional<ConfigNode> coldArchive = node.object("coldArchive");
        node.finish();
        double backupGiB = hot.decimal("backupGiB", 0.0, 0, MAX_QUANTITY);
        hot.finish();
        double gibMonths = perJob.decimal("gibMonths", 0.0, 0, MAX_QUANTITY);
        perJob.finish();
        Set<String> reached = training.map(t -> classesReached(t.coldArchive().lifecycle())).orElse(new LinkedHashSet<>(S3_CLASSES));
        return new TrainingUsage(backupGiB, gibMonths, warm.map(CostSettingsParser::efsUsage),
                coldArchive.map(n -> bucketUsage(n, "the training bucket's lifecycle (strata:training.coldArchive.lifecycle)", reached)));
    }

    /** {@code strata:usage.inference}: {@code models} (the EFS model repository) and {@code archive} (the model archive bucket). */
    private static InferenceUsage inferenceUsage(ConfigNode node, Optional<InferenceSettings> inference) {
        Optional<ConfigNode> models = node.object("models");
        Optional<ConfigNode> archive = node.object("archive");
        node.finish();
        // The model archive keeps the data lake's model-zone lifecycle.
        Set<String> reached = classesReached(dev.strata.datalake.Zones.MODEL.lifecycle());
        return new InferenceUsage(models.map(CostSettingsParser::efsUsage),
                archive.map(n -> bucketUsage(n, "the model archive's lifecycle", reached)));
    }

    private static DataLakeUsage dataLakeUsage(ConfigNode node, DataLakeSettings dataLake) {
        Optional<Map<String, ConfigNode>> zoneNodes = node.objectMap("zones");
        double accessLogsGiB = node.decimal("accessLogsGiB", 0.0, 0, MAX_QUANTITY);
        double replicatedGiB = node.decimal("replicatedGiBPerMonth", 0.0, 0, MAX_QUANTITY);
        node.finish();
        if (replicatedGiB > 0 && dataLake.replication().isEmpty()) {
            node.problems().add(node.key("replicatedGiBPerMonth"), replicatedGiB, "strata:dataLake.replication", "(not set)",
                    "replication usage needs replication on (set strata:dataLake.replication or drop this usage)");
        }
        if (accessLogsGiB > 0 && !dataLake.accessLogs()) {
            node.problems().add(node.key("accessLogsGiB"), accessLogsGiB, "strata:dataLake.accessLogs", false,
                    "usage of the access-log bucket needs access logs on (set strata:dataLake.accessLogs: true or drop this usage)");
        }
        Map<String, BucketUsage> zones = new LinkedHashMap<>();
        zoneNodes.orElse(Map.of()).forEach((name, zoneNode) -> {
            Optional<Zone> zone = dataLake.zones().stream().filter(z -> z.name().equals(name)).findFirst();
            if (zone.isEmpty()) {
                node.problems().add(node.key("zones") + "." + name, name, "is not a zone of strata:dataLake.zones (zones: "
                        + String.join(", ", dataLake.zones().stream().map(Zone::name).toList()) + ")");
            }
            Set<String> reached = zone.map(CostSettingsParser::classesReached).orElse(new LinkedHashSet<>(S3_CLASSES));
            zones.put(name, bucketUsage(zoneNode, "zone " + name + "'s lifecycle", reached));
        });
        return new DataLakeUsage(zones, accessLogsGiB, replicatedGiB);
    }

    /**
     * Reads one S3 bucket's usage: {@code storageGiB.<CLASS>}, {@code putRequestsPerMonth},
     * {@code getRequestsPerMonth}, {@code transitionsPerMonth.<CLASS>}. {@code reached} are the classes
     * the bucket holds objects in (STANDARD and its lifecycle targets); {@code lifecycle} names what
     * decides them, for the message when a class is outside them.
     */
    public static BucketUsage bucketUsage(ConfigNode node, String lifecycle, Set<String> reached) {
        ConfigNode storage = node.objectOrEmpty("storageGiB");
        double puts = node.decimal("putRequestsPerMonth", 0.0, 0, MAX_QUANTITY);
        double gets = node.decimal("getRequestsPerMonth", 0.0, 0, MAX_QUANTITY);
        ConfigNode transitions = node.objectOrEmpty("transitionsPerMonth");
        node.finish();
        Map<String, Double> storageGiB = perClass(storage, lifecycle, reached);
        Set<String> transitionTargets = new LinkedHashSet<>(reached);
        transitionTargets.remove("STANDARD");
        Map<String, Double> transitionsPerMonth = perClass(transitions, lifecycle, transitionTargets);
        return new BucketUsage(storageGiB, puts, gets, transitionsPerMonth);
    }

    /**
     * Reads one EFS file system's usage: {@code standardGiB}, {@code infrequentAccessGiB},
     * {@code archiveGiB}, {@code readGiBPerMonth}, {@code writeGiBPerMonth}, {@code backupGiB}.
     */
    public static EfsUsage efsUsage(ConfigNode node) {
        EfsUsage usage = new EfsUsage(
                node.decimal("standardGiB", 0.0, 0, MAX_QUANTITY),
                node.decimal("infrequentAccessGiB", 0.0, 0, MAX_QUANTITY),
                node.decimal("archiveGiB", 0.0, 0, MAX_QUANTITY),
                node.decimal("readGiBPerMonth", 0.0, 0, MAX_QUANTITY),
                node.decimal("writeGiBPerMonth", 0.0, 0, MAX_QUANTITY),
                node.decimal("backupGiB", 0.0, 0, MAX_QUANTITY));
        node.finish();
        return usage;
    }

    /** Reads a number per S3 class; a class outside {@code allowed} is a problem naming the classes allowed. */
    private static Map<String, Double> perClass(ConfigNode node, String lifecycle, Set<String> allowed) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String storageClass : S3_CLASSES) {
            Double value = node.decimal(storageClass, null, 0, MAX_QUANTITY);
            if (value == null) {
                continue;
            }
            if (!allowed.contains(storageClass)) {
                node.problems().add(node.key(storageClass), value, lifecycle + " never moves objects to "
                        + storageClass + " (allowed here: " + String.join(", ", allowed) + ")");
            }
            values.put(storageClass, value);
        }
        node.finish();
        return values;
    }

    /** STANDARD plus every class the zone's lifecycle rules transition current or noncurrent versions to. */
    public static Set<String> classesReached(Zone zone) {
        return classesReached(zone.lifecycle());
    }

    /** STANDARD plus every class {@code lifecycle} transitions current or noncurrent versions to. */
    public static Set<String> classesReached(List<LifecycleRule> lifecycle) {
        Set<String> classes = new LinkedHashSet<>();
        classes.add("STANDARD");
        List<Transition> transitions = new ArrayList<>();
        for (LifecycleRule rule : lifecycle) {
            transitions.addAll(rule.transitions());
            transitions.addAll(rule.noncurrentTransitions());
        }
        for (String name : S3_CLASSES) {
            if (transitions.stream().anyMatch(t -> t.storageClass().name().equals(name))) {
                classes.add(name);
            }
        }
        return classes;
    }

    private static BudgetSettings budget(ConfigNode node) {
        Double monthlyUsd = node.decimal("monthlyUsd", null, 0.01, 1e9);
        if (monthlyUsd == null && !node.has("monthlyUsd")) {
            node.problems().missing(node.key("monthlyUsd"), "is required; the budget in USD per month, e.g. 500");
        }
        BudgetSettings.Enforcement enforcement = node.enumValue("enforcement", BudgetSettings.Enforcement.class,
                BudgetSettings.Enforcement.ADVISORY, BudgetSettings.Enforcement::configValue);
        node.finish();
        return monthlyUsd == null ? null : new BudgetSettings(monthlyUsd, enforcement);
    }
}

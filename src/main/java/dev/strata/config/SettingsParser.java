package dev.strata.config;

import dev.strata.inference.InferenceSettings;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.LifecycleRules;
import dev.strata.datalake.StorageClass;
import dev.strata.datalake.Transition;
import dev.strata.datalake.Zone;
import dev.strata.datalake.Zones;

import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one parser of the {@code strata:} config namespace. It serves both the Pulumi CLI run and the
 * offline plan: each hands it the namespace's values as a map (keys without the {@code strata:}
 * prefix). Every problem is collected, then reported once in an {@link InvalidConfigException}.
 */
public final class SettingsParser {
    /** Tag keys Strata sets itself on every resource; config cannot override them. */
    public static final List<String> RESERVED_TAGS = List.of("environment", "component", "tier");

    /**
     * The settings of the {@code strata:} namespace, each read by {@link #parse} (a test checks them
     * against what it reads and against Pulumi.yaml's declarations).
     */
    public static final List<String> KEYS = List.of("environment", "protect", "tags", "dataLake", "network", "training",
            "inference", "cluster", "workloads", "usage", "budget");

    /*
     * AWS tagging rules: keys 1-128 characters, values 0-256, letters, digits, spaces and _ . : / = + - @,
     * no "aws:" prefix, at most 50 tags per resource.
     * https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
     */
    private static final Pattern TAG_CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final int MAX_TAGS = 50;

    private SettingsParser() {
    }

    /** Parses and validates the {@code strata:} values; throws {@link InvalidConfigException} listing every problem. */
    public static StrataSettings parse(Map<String, Object> strataValues) {
        Problems problems = new Problems();
        ConfigNode root = ConfigNode.root(strataValues, problems);

        root.requiredString("environment", "one of dev, staging, prod");
        Environment environment = root.enumValue("environment", Environment.class, Environment.DEV, Environment::configValue);
        boolean protect = root.bool("protect", environment.protectsByDefault());
        Map<String, String> tags = tags(root);
        DataLakeSettings dataLake = dataLake(root.objectOrEmpty("dataLake"));
        Optional<NetworkSettings> network = root.object("network").map(NetworkSettings::parse);
        Optional<TrainingSettings> training = root.object("training").map(node -> TrainingSettings.parse(node, environment));
        if (training.isPresent() && network.isEmpty() && !root.has("network")) {
            problems.missing(root.key("network"), "is required by " + root.key("training") + ": the VPC, private subnets and cluster nodes of the file systems");
        }
        Optional<InferenceSettings> inference = root.object("inference")
                .map(node -> InferenceSettings.parse(node, environment, network.isPresent() || root.has("network")));
        // The cluster, its CSI drivers and the workload identities exist whenever the stack has Kubernetes objects.
        boolean kubernetes = root.has("cluster") || root.has("workloads") || training.isPresent() || inference.isPresent()
                || root.has("training") || root.has("inference");
        boolean networkSet = network.isPresent() || root.has("network");
        Optional<ClusterSettings> cluster = root.object("cluster")
                .or(() -> kubernetes ? Optional.of(root.objectOrEmpty("cluster")) : Optional.empty())
                .map(node -> ClusterSettings.parse(node, environment, networkSet));
        Optional<Map<String, ConfigNode>> workloadNodes = root.objectMap("workloads");
        List<WorkloadSettings> workloads = cluster.isEmpty() ? List.of() : WorkloadSettings.parse(workloadNodes,
                root.key("workloads"), new WorkloadSettings.Context(root.has("training"), training, inference,
                        dataLake.zones().stream().map(Zone::name).toList()), problems);
        cluster.ifPresent(c -> ClusterSettings.checkNamespaceOwners(c, workloads, training, inference, problems));
        cluster.ifPresent(c -> inference.ifPresent(i -> InferenceSettings.checkAgainstCluster(i, c, problems)));
        inference.flatMap(InferenceSettings::warmup).ifPresent(warmup -> {
            String namespace = inference.get().namespace();
            String account = inference.get().serviceAccount();
            List<WorkloadSettings> runners = workloads.stream()
                    .filter(w -> w.namespace().equals(namespace) && w.serviceAccount().equals(account)).toList();
            if (runners.isEmpty()) {
                problems.add(root.key("inference.warmup.enabled"), true, root.key("workloads"), "(no " + namespace + "/" + account + ")",
                        "the warm-up runs as service account " + namespace + "/" + account + "; a workload identity must provide it");
            }
            // The warm-up runs on every inference node as that identity: it must read the archive and write nothing.
            for (WorkloadSettings runner : runners) {
                if (!runner.write().isEmpty()) {
                    problems.add(root.key("workloads." + runner.name() + ".write"), runner.write().size() + " grant(s)",
                            root.key("inference.warmup.enabled"), true, "the warm-up runs as " + namespace + "/" + account
                                    + ", which must be read-only: remove its write grants or give the warm-up another service account");
                }
                if (runner.read().stream().noneMatch(a -> a.target() == WorkloadSettings.Target.BUCKET && WorkloadSettings.MODEL_ARCHIVE_BUCKET.equals(a.name()))) {
                    problems.add(root.key("workloads." + runner.name() + ".read"), "(no model-archive)",
                            root.key("inference.warmup.enabled"), true, "the warm-up copies from the model archive as "
                                    + namespace + "/" + account + ": grant it read on bucket model-archive");
                }
            }
        });
        CostSettings cost = CostSettingsParser.parse(root, dataLake, training, inference);
        root.finish();

        problems.throwIfAny();
        return new StrataSettings(environment, protect, tags, dataLake, network, training, inference, cluster, workloads, cost);
    }

    private static Map<String, String> tags(ConfigNode root) {
        Map<String, String> tags = root.stringMap("tags");
        Problems problems = root.problems();
        String key = root.key("tags");
        if (tags.size() > MAX_TAGS - RESERVED_TAGS.size()) {
            problems.add(key, tags.size() + " tags", "at most " + (MAX_TAGS - RESERVED_TAGS.size())
                    + " (AWS allows " + MAX_TAGS + " per resource and Strata sets " + RESERVED_TAGS + ")");
        }
        tags.forEach((name, value) -> {
            String tagKey = key + "." + name;
            if (RESERVED_TAGS.contains(name)) {
                problems.add(tagKey, value, "is set by Strata itself; reserved tag keys: " + String.join(", ", RESERVED_TAGS));
            } else if (name.isEmpty() || name.length() > 128 || name.toLowerCase().startsWith("aws:")
                    || !TAG_CHARACTERS.matcher(name).matches()) {
                problems.add(tagKey, value, "a tag key must be 1 to 128 letters, digits, spaces or _.:/=+-@ and must not start with aws:");
            } else if (value.length() > 256 || !TAG_CHARACTERS.matcher(value).matches()) {
                problems.add(tagKey, value, "a tag value must be at most 256 letters, digits, spaces or _.:/=+-@");
            }
        });
        return tags;
    }

    private static DataLakeSettings dataLake(ConfigNode node) {
        Optional<Map<String, ConfigNode>> zoneNodes = node.objectMap("zones");
        boolean accessLogs = node.bool("accessLogs", false);
        int accessLogExpirationDays = node.integer("accessLogExpirationDays", 365, 1, 36_500);
        int abortDays = node.integer("abortIncompleteMultipartUploadDays", 7, 1, 365);
        node.finish();

        List<Zone> zones = zoneNodes.map(SettingsParser::zones).orElse(Zones.DEFAULTS);
        Zones.validate(zones, node.key("zones"), node.problems());
        return new DataLakeSettings(zones, accessLogs, accessLogExpirationDays, abortDays);
    }

    private static List<Zone> zones(Map<String, ConfigNode> nodes) {
        List<Zone> zones = new ArrayList<>();
        nodes.forEach((name, zoneNode) -> {
            Optional<Zone> defaults = Zones.defaultNamed(name);
            boolean versioning = zoneNode.bool("versioning", defaults.map(Zone::versioning).orElse(true));
            List<LifecycleRule> lifecycle = zoneNode.objectList("lifecycle")
                    .map(SettingsParser::lifecycleRules)
                    .orElse(defaults.map(Zone::lifecycle).orElse(List.of()));
            zoneNode.finish();
            zones.add(new Zone(name, versioning, lifecycle));
        });
        return zones;
    }

    /** Parses a list of lifecycle rules; S3's rules are checked by the caller through {@link LifecycleRules}. */
    public static List<LifecycleRule> lifecycleRules(List<ConfigNode> nodes) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (ConfigNode rule : nodes) {
            int problemsBefore = rule.problems().count();
            LifecycleRule parsed = new LifecycleRule(
                    rule.requiredString("id", "a unique name for the rule").orElse(""),
                    rule.optionalString("prefix"),
                    Optional.ofNullable(rule.integer("objectSizeGreaterThan", null, 0, Integer.MAX_VALUE)),
                    Optional.ofNullable(rule.integer("objectSizeLessThan", null, 1, Integer.MAX_VALUE)),
                    transitions(rule, "transitions"),
                    Optional.ofNullable(rule.integer("expirationDays", null, 1, 36_500)),
                    transitions(rule, "noncurrentTransitions"),
                    Optional.ofNullable(rule.integer("noncurrentExpirationDays", null, 1, 36_500)));
            rule.finish();
            // A rule whose fields did not parse is reported already; checking what is left of it would only add noise.
            if (rule.problems().count() == problemsBefore) {
                rules.add(parsed);
            }
        }
        return rules;
    }

    private static List<Transition> transitions(ConfigNode rule, String key) {
        List<Transition> transitions = new ArrayList<>();
        for (ConfigNode node : rule.objectList(key).orElse(List.of())) {
            Integer days = node.integer("days", null, 0, 36_500);
            if (days == null && !node.has("days")) {
                node.problems().missing(node.key("days"), "is required; days after which objects move (0 or more)");
            }
            Optional<String> classValue = node.requiredString("storageClass", "one of " + storageClasses());
            StorageClass storageClass = node.enumValue("storageClass", StorageClass.class, null, Enum::name);
            node.finish();
            if (days != null && storageClass != null && classValue.isPresent()) {
                transitions.add(new Transition(days, storageClass));
            }
        }
        return transitions;
    }

    private static String storageClasses() {
        return String.join(", ", Arrays.stream(StorageClass.values()).map(Enum::name).toList());
    }
}

package dev.strata.stack;

import dev.strata.cluster.ClusterSettings;
import dev.strata.datalake.DataLakeSettings;
import dev.strata.cost.CostSettings;
import dev.strata.cost.CostSettingsParser;
import dev.strata.config.ConfigNode;
import dev.strata.config.Environment;
import dev.strata.config.NetworkSettings;
import dev.strata.config.StackConfig;
import dev.strata.inference.InferenceSettings;
import dev.strata.monitoring.MonitoringSettings;
import dev.strata.training.TrainingSettings;
import dev.strata.datalake.Zone;

import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.nio.file.Path;
import javax.annotation.Nullable;

/**
 * The one parser of the {@code strata:} config namespace. It serves both the Pulumi CLI run and the
 * offline plan: each hands it the namespace's values as a map (keys without the {@code strata:}
 * prefix). Every problem is collected, then reported once in an {@link InvalidConfigException}.
 */
public final class SettingsParser {
    /** Tag keys Strata sets itself on every resource; config cannot override them. */
    public static final List<String> RESERVED_TAGS = List.of("environment", "component", "tier");

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
        return parse(strataValues, Optional.empty());
    }

    /**
     * {@link #parse(Map)}, also checking the settings that depend on the stack's region ({@code aws:region},
     * when known): the data lake's replicas go to another region.
     */
    public static StrataSettings parse(Map<String, Object> strataValues, Optional<String> awsRegion) {
        Problems problems = new Problems();
        ConfigNode root = ConfigNode.root(strataValues, problems);

        root.requiredString("environment", "one of dev, staging, prod");
        Environment environment = root.enumValue("environment", Environment.class, Environment.DEV, Environment::configValue);
        boolean protect = root.bool("protect", environment.protectsByDefault());
        Map<String, String> tags = tags(root);
        DataLakeSettings dataLake = DataLakeSettings.parse(root.objectOrEmpty("dataLake"));
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
        cluster.ifPresent(c -> checkNamespaceOwners(c, workloads, training, inference, problems));
        cluster.ifPresent(c -> inference.ifPresent(i -> InferenceSettings.checkAgainstCluster(i, c, problems)));
        cluster.ifPresent(c -> S3Mounts.check(c, training, inference, problems));
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
        dataLake.replication().ifPresent(replication -> {
            awsRegion.ifPresent(region -> replication.checkAgainstStackRegion(root.key("dataLake.replication"), region, problems));
            if (replication.modelArchive() && inference.isEmpty()) {
                problems.add(root.key("dataLake.replication.modelArchive"), true, root.key("inference"), "(not set)",
                        "there is no model archive to replicate without inference storage; set modelArchive: false");
            }
        });
        CostSettings cost = CostSettingsParser.parse(root, dataLake, training, inference);
        MonitoringSettings monitoring = root.object("monitoring").map(MonitoringSettings::parse).orElse(MonitoringSettings.defaults());
        root.finish();

        problems.throwIfAny();
        return new StrataSettings(environment, protect, tags, dataLake, network, training, inference, cluster, workloads, cost, monitoring);
    }

    /** {@link StackConfig#read}, throwing every problem of the stack at once (the file's and the settings'). */
    public static StackConfig forStack(Path projectRoot, String stack, @Nullable Path configFile) {
        StackConfig config = StackConfig.read(projectRoot, stack, configFile);
        if (config.problems().isEmpty()) {
            return config;
        }
        List<String> settingsProblems = List.of();
        try {
            parse(config.strataValues(), config.awsRegion());
        } catch (InvalidConfigException settings) {
            settingsProblems = settings.problems();
        }
        throw new InvalidConfigException(config.problemsWith(settingsProblems));
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

    /**
     * On a cluster Strata creates, every namespace Strata puts objects into must be created by the
     * stack (a new cluster has only Kubernetes' own): for a workload identity ({@code createNamespace}) or
     * the training storage ({@code strata:training.createNamespace}), {@link StackNamespaces#created}. An
     * adopted cluster may already have them, so there a namespace nobody creates is taken to exist.
     */
    private static void checkNamespaceOwners(ClusterSettings cluster, List<WorkloadSettings> workloads, Optional<TrainingSettings> training,
                                     Optional<InferenceSettings> inference, Problems problems) {
        if (!cluster.create()) {
            return;
        }
        Set<String> created = StackNamespaces.created("", workloads, training).keySet();
        // The namespace, and the key whose choice leaves it uncreated (the first that names it).
        Map<String, String> needed = new LinkedHashMap<>();
        for (WorkloadSettings workload : workloads) {
            needed.putIfAbsent(workload.namespace(), "strata:workloads." + workload.name() + ".createNamespace");
        }
        training.filter(TrainingSettings::kubernetesObjects).ifPresent(t -> needed.putIfAbsent(t.namespace(), "strata:training.createNamespace"));
        inference.ifPresent(i -> needed.putIfAbsent(i.namespace(), "strata:inference.namespace"));
        needed.forEach((namespace, key) -> {
            if (!created.contains(namespace)) {
                problems.add(key, key.equals("strata:inference.namespace") ? namespace : false,
                        "strata:cluster.create", true, "nothing creates namespace " + namespace + " and a cluster Strata creates "
                                + "has none: set createNamespace: true on a workload in it (strata:workloads.<name>.createNamespace)");
            }
        });
    }
}

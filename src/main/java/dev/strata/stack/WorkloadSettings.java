package dev.strata.stack;

import dev.strata.config.ConfigNode;
import dev.strata.inference.InferenceSettings;
import dev.strata.training.TrainingSettings;
import dev.strata.inference.InferenceStorageArgs;
import dev.strata.core.Problems;
import dev.strata.core.KubernetesValues;
import dev.strata.core.TierName;
import dev.strata.security.Grant;
import dev.strata.security.Grants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One workload identity ({@code strata:workloads.<name>}): a service account, its namespace, and
 * what it may read and write, naming Strata's buckets and data-lake zones.
 *
 * @param name                the workload's name (a DNS-1123 label; it names the identity's resources)
 * @param namespace           the service account's namespace ({@code namespace})
 * @param serviceAccount      the service account ({@code serviceAccount})
 * @param createNamespace     the stack creates the namespace for this workload, one per namespace ({@code createNamespace}; {@link StackNamespaces})
 * @param read                read grants ({@code read}: a list of {@code {bucket|zone, prefix}})
 * @param write               write grants ({@code write})
 * @param cache               connect to the L1 Redis cache ({@code cache})
 * @param describeFileSystems the playbook's {@code fsx:DescribeFileSystems} ({@code describeFileSystems})
 */
public record WorkloadSettings(String name, String namespace, String serviceAccount, boolean createNamespace,
                               List<Access> read, List<Access> write, boolean cache, boolean describeFileSystems) {
    public WorkloadSettings {
        read = List.copyOf(read);
        write = List.copyOf(write);
    }

    /** The bucket of the training tiers ({@code strata:training}): {@code datasets/}, {@code checkpoints/}. */
    public static final String TRAINING_BUCKET = "training";
    /** The training bucket's prefix where jobs write checkpoints and resume from them. */
    public static final String CHECKPOINTS_PREFIX = "checkpoints/";
    /** The L4 model archive of inference storage ({@code strata:inference}). */
    public static final String MODEL_ARCHIVE_BUCKET = TierName.MODEL_ARCHIVE.value();

    /** Access to a bucket or a data-lake zone under a key prefix ({@code ""}: all of it). */
    public record Access(Target target, String name, String prefix) {
        public static Access zone(String zone) {
            return new Access(Target.ZONE, zone, "");
        }

        public static Access bucket(String bucket, String prefix) {
            return new Access(Target.BUCKET, bucket, prefix);
        }
    }

    /** Whether an access names one of Strata's buckets or a data-lake zone. */
    public enum Target { BUCKET, ZONE }

    /** What the rest of the stack offers workloads: the buckets and zones that exist, and the namespaces others own. */
    record Context(boolean training, Optional<TrainingSettings> trainingSettings, Optional<InferenceSettings> inference,
                   List<String> zones) {
        Set<String> buckets() {
            Set<String> buckets = new TreeSet<>();
            if (training) {
                buckets.add(TRAINING_BUCKET);
            }
            inference.ifPresent(i -> buckets.add(MODEL_ARCHIVE_BUCKET));
            return buckets;
        }
    }

    /**
     * The default workloads of the issue: {@code training} reads {@code datasets/} of the training
     * bucket and the processed and feature zones, reads and writes {@code checkpoints/} (to resume from
     * them), writes the model zone;
     * {@code inference} reads the model archive and the model zone (and connects to L1 when Redis is on);
     * {@code data-pipeline} writes raw, reads raw, writes processed and feature. Grants on a bucket or
     * zone the stack does not have are left out.
     */
    static Map<String, WorkloadSettings> defaults(Context context) {
        Map<String, WorkloadSettings> defaults = new LinkedHashMap<>();
        String trainingNamespace = context.trainingSettings().map(TrainingSettings::namespace).orElse(dev.strata.training.TrainingStorageArgs.DEFAULT_NAMESPACE);
        boolean trainingCreates = context.trainingSettings().map(TrainingSettings::createNamespace).orElse(true);
        List<Access> trainingRead = new ArrayList<>();
        List<Access> trainingWrite = new ArrayList<>();
        if (context.training()) {
            trainingRead.add(Access.bucket(TRAINING_BUCKET, "datasets/"));
            // A job resumes from its own checkpoints: it reads and lists what it writes there.
            trainingRead.add(Access.bucket(TRAINING_BUCKET, CHECKPOINTS_PREFIX));
            trainingWrite.add(Access.bucket(TRAINING_BUCKET, CHECKPOINTS_PREFIX));
        }
        trainingRead.addAll(zones(context, "processed", "feature"));
        trainingWrite.addAll(zones(context, "model"));
        defaults.put("training", new WorkloadSettings("training", trainingNamespace, "training-job", trainingCreates,
                trainingRead, trainingWrite, false, context.training()));

        List<Access> inferenceRead = new ArrayList<>();
        context.inference().ifPresent(i -> inferenceRead.add(Access.bucket(MODEL_ARCHIVE_BUCKET, "")));
        inferenceRead.addAll(zones(context, "model"));
        defaults.put("inference", new WorkloadSettings("inference",
                context.inference().map(InferenceSettings::namespace).orElse(InferenceStorageArgs.DEFAULT_NAMESPACE),
                context.inference().map(InferenceSettings::serviceAccount).orElse(InferenceStorageArgs.DEFAULT_SERVICE_ACCOUNT), true,
                inferenceRead, List.of(), context.inference().flatMap(InferenceSettings::redis).isPresent(), false));

        defaults.put("data-pipeline", new WorkloadSettings("data-pipeline", "ml-data", "data-pipeline", true,
                zones(context, "raw"), zones(context, "raw", "processed", "feature"), false, false));
        return defaults;
    }

    private static List<Access> zones(Context context, String... names) {
        List<Access> accesses = new ArrayList<>();
        for (String name : names) {
            if (context.zones().contains(name)) {
                accesses.add(Access.zone(name));
            }
        }
        return accesses;
    }

    /**
     * Parses {@code strata:workloads} (the defaults when unset). A workload named like a default takes
     * the default's values for the keys it does not set. Every key is read; every rule is checked.
     */
    static List<WorkloadSettings> parse(Optional<Map<String, ConfigNode>> nodes, String key, Context context, Problems problems) {
        Map<String, WorkloadSettings> defaults = defaults(context);
        List<WorkloadSettings> workloads = new ArrayList<>();
        if (nodes.isEmpty()) {
            workloads.addAll(defaults.values());
        } else {
            nodes.get().forEach((name, node) -> workloads.add(parseOne(name, node, key + "." + name,
                    Optional.ofNullable(defaults.get(name)), context, problems)));
        }
        checkOwners(workloads, key, problems);
        return workloads;
    }

    private static WorkloadSettings parseOne(String name, ConfigNode node, String key, Optional<WorkloadSettings> fallback,
                                             Context context, Problems problems) {
        String namespace = node.string("namespace", fallback.map(WorkloadSettings::namespace).orElse(name));
        String serviceAccount = node.string("serviceAccount", fallback.map(WorkloadSettings::serviceAccount).orElse(name));
        boolean createNamespace = node.bool("createNamespace", fallback.map(WorkloadSettings::createNamespace).orElse(true));
        Optional<List<ConfigNode>> readNodes = node.objectList("read");
        Optional<List<ConfigNode>> writeNodes = node.objectList("write");
        boolean cache = node.bool("cache", fallback.map(WorkloadSettings::cache).orElse(false));
        boolean describe = node.bool("describeFileSystems", fallback.map(WorkloadSettings::describeFileSystems).orElse(false));
        node.finish();

        if (name.isEmpty() || name.length() > 40 || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            problems.add(key, name, "a workload's name must be 1 to 40 lower-case letters, digits or hyphens (it names the role)");
        }
        if (namespace.isEmpty()) {
            problems.missing(node.key("namespace"), "must not be empty; a DNS-1123 label such as ml-training");
        } else {
            KubernetesValues.checkNamespace(namespace, node.key("namespace"), problems);
        }
        if (serviceAccount.isEmpty()) {
            problems.missing(node.key("serviceAccount"), "must not be empty; a DNS-1123 subdomain such as training-job");
        } else {
            KubernetesValues.checkObjectName(serviceAccount, node.key("serviceAccount"), problems);
        }
        List<Access> read = readNodes.map(list -> accesses(list, node.key("read"), context, problems))
                .orElse(fallback.map(WorkloadSettings::read).orElse(List.of()));
        List<Access> write = writeNodes.map(list -> accesses(list, node.key("write"), context, problems))
                .orElse(fallback.map(WorkloadSettings::write).orElse(List.of()));
        if (cache && context.inference().flatMap(InferenceSettings::redis).isEmpty()) {
            problems.add(node.key("cache"), true, "strata:inference.redis.enabled", false,
                    "there is no L1 Redis cache to connect to");
        }
        if (describe && !context.training()) {
            problems.add(node.key("describeFileSystems"), true, "strata:training", null,
                    "the stack has no FSx for Lustre file systems to describe");
        }
        return new WorkloadSettings(name, namespace, serviceAccount, createNamespace, read, write, cache, describe);
    }

    private static List<Access> accesses(List<ConfigNode> nodes, String key, Context context, Problems problems) {
        List<Access> accesses = new ArrayList<>();
        Map<String, Access> seen = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            ConfigNode item = nodes.get(i);
            Optional<String> bucket = item.optionalString("bucket");
            Optional<String> zone = item.optionalString("zone");
            String prefix = item.string("prefix", "");
            item.finish();
            String itemKey = key + "[" + i + "]";
            Grants.checkPrefix(itemKey + ".prefix", prefix, problems);
            if (bucket.isPresent() == zone.isPresent()) {
                problems.add(itemKey + ".bucket", bucket.orElse(null), itemKey + ".zone", zone.orElse(null),
                        "name exactly one: a bucket (" + String.join(", ", context.buckets()) + ") or a data-lake zone ("
                                + String.join(", ", context.zones()) + ")");
                continue;
            }
            if (bucket.isPresent() && !context.buckets().contains(bucket.get())) {
                problems.add(itemKey + ".bucket", bucket.get(), context.buckets().isEmpty()
                        ? "names no bucket of this stack: it has none besides the data-lake zones (set strata:training or strata:inference)"
                        : "must be one of this stack's buckets: " + String.join(", ", context.buckets()));
                continue;
            }
            if (zone.isPresent() && !context.zones().contains(zone.get())) {
                problems.add(itemKey + ".zone", zone.get(), "must be one of this stack's data-lake zones: "
                        + String.join(", ", context.zones()));
                continue;
            }
            Access access = bucket.map(b -> Access.bucket(b, prefix)).orElseGet(() -> new Access(Target.ZONE, zone.get(), prefix));
            // Each grant becomes an inline policy named after its bucket and prefix: one per name.
            String grantId = Grant.id(access.target().name(), access.name(), access.prefix());
            Access earlier = seen.putIfAbsent(grantId, access);
            if (earlier != null) {
                problems.add(itemKey + ".prefix", prefix, key + "[" + accesses.indexOf(earlier) + "].prefix", earlier.prefix(),
                        "the two grant the same " + access.name() + " prefix; list it once");
                continue;
            }
            accesses.add(access);
        }
        return accesses;
    }

    /** Each namespace has one owner, and each service account one identity. */
    private static void checkOwners(List<WorkloadSettings> workloads, String key, Problems problems) {
        Map<String, String> owners = new HashMap<>();
        Map<String, String> accounts = new HashMap<>();
        for (WorkloadSettings workload : workloads) {
            if (workload.createNamespace()) {
                String owner = owners.putIfAbsent(workload.namespace(), workload.name());
                if (owner != null) {
                    problems.add(key + "." + workload.name() + ".createNamespace", true,
                            key + "." + owner + ".createNamespace", true,
                            "both create namespace " + workload.namespace() + "; a namespace has one owner: set createNamespace: false on one");
                }
            }
            String account = workload.namespace() + "/" + workload.serviceAccount();
            String other = accounts.putIfAbsent(account, workload.name());
            if (other != null) {
                problems.add(key + "." + workload.name() + ".serviceAccount", workload.serviceAccount(),
                        key + "." + other + ".serviceAccount", workload.serviceAccount(),
                        "two identities cannot share the service account " + account);
            }
        }
    }
}

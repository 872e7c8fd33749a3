package dev.strata.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.strata.core.ResourceTypes.EFS_FILE_SYSTEM;
import static dev.strata.core.ResourceTypes.ELASTICACHE_REPLICATION_GROUP;
import static dev.strata.core.ResourceTypes.FSX_ASSOCIATION;
import static dev.strata.core.ResourceTypes.FSX_LUSTRE;
import static dev.strata.core.ResourceTypes.IAM_ROLE_POLICY;
import static dev.strata.core.ResourceTypes.K8S_PVC;
import static dev.strata.core.ResourceTypes.K8S_STORAGE_CLASS;
import static dev.strata.core.ResourceTypes.KMS_KEY;
import static dev.strata.core.ResourceTypes.S3_BUCKET;
import static dev.strata.core.ResourceTypes.S3_ENCRYPTION;
import static dev.strata.core.ResourceTypes.S3_LIFECYCLE;

/**
 * The architecture a plan declares, as a platform engineer would sketch it: each storage component
 * a group of tiers in the order data moves through them (training hot → warm → cold → archive,
 * inference L1 → L4, the data-lake zones), the keys that encrypt each store, and what each workload
 * identity may do with which store. Everything is read from the plan's resources (their types, tier
 * tags, inputs, parents and dependencies), so a component or tier added later appears without new code.
 */
record Architecture(List<Group> groups, List<Edge> edges) {
    /** A box of the sketch: a component with its tiers; a tier may hold sub-tiers (a bucket's lifecycle tiers). */
    record Group(String id, String title, List<Node> nodes) {
    }

    /** One tier (named by {@code tier}), key or identity (no tier). */
    record Node(String id, String tier, String label, Shape shape, List<Node> parts) {
        Node(String id, String tier, String label, Shape shape) {
            this(id, tier, label, shape, List.of());
        }
    }

    enum Shape { STORE, KEY, IDENTITY }

    /** An arrow; {@code dashed} for what is not a path of data (a key encrypting a store). */
    record Edge(String from, String to, String label, boolean dashed) {
    }

    private static final String IDENTITY = "strata:security:WorkloadIdentity";
    private static final String ENCRYPTION_KEY = "strata:security:EncryptionKey";
    private static final String CACHE_LEVEL = "strata:inference:CacheLevel";
    private static final String TRAINING = "strata:training:TrainingStorage";

    /** The stores a tier is drawn as, first match wins: what holds the data, else how pods get a volume. */
    private static final List<String> STORES = List.of(FSX_LUSTRE, EFS_FILE_SYSTEM, ELASTICACHE_REPLICATION_GROUP, S3_BUCKET, K8S_STORAGE_CLASS);
    /** How each store's service reads in the sketch. */
    private static final Map<String, String> SERVICES = Map.of(FSX_LUSTRE, "FSx for Lustre", EFS_FILE_SYSTEM, "EFS",
            ELASTICACHE_REPLICATION_GROUP, "ElastiCache", S3_BUCKET, "S3", K8S_STORAGE_CLASS, "StorageClass");
    /** The tiers of a training stack, in the order data cools; a component's other tiers follow in URN order. */
    private static final List<String> TIER_ORDER = List.of("hot", "per-job", "warm", "cold", "archive",
            "raw", "processed", "feature", "model", "model-archive", "access-logs");
    /** Titles of the known component types; any other component is titled by its type. */
    private static final Map<String, String> TITLES = Map.of(TRAINING, "Training tiers",
            "strata:inference:InferenceStorage", "Inference cache levels (a miss goes down)",
            "strata:datalake:DataLake", "Data lake zones");

    static Architecture of(Plan plan) {
        return new Builder(plan).build();
    }

    private static final class Builder {
        private final Plan plan;
        private final List<Group> groups = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();
        /** The node drawn for each store (and each key), by URN: where edges to that store end. */
        private final Map<String, String> nodeOf = new LinkedHashMap<>();
        /** Node ids: the resources' positions in the plan (sorted by URN), unique and stable. */
        private final Map<String, Integer> positions = new LinkedHashMap<>();

        Builder(Plan plan) {
            this.plan = plan;
            plan.resources().forEach(resource -> positions.put(resource.urn(), positions.size()));
        }

        private String id(PlannedResource resource) {
            return "n" + positions.get(resource.urn());
        }

        Architecture build() {
            List<PlannedResource> roots = plan.resources().stream().filter(r -> r.isComponent()
                    && plan.byUrn(String.valueOf(r.parent())).isEmpty()).toList();
            for (PlannedResource root : roots) {
                if (!root.type().equals(IDENTITY) && !root.type().equals(ENCRYPTION_KEY)) {
                    storage(root).ifPresent(groups::add);
                }
            }
            group("keys", "KMS keys", plan.ofType(ENCRYPTION_KEY), this::key);
            group("identities", "Workload identities", plan.ofType(IDENTITY), this::identity);
            encryption();
            return new Architecture(groups, edges);
        }

        private void group(String id, String title, List<PlannedResource> members,
                           Function<PlannedResource, Node> node) {
            if (!members.isEmpty()) {
                groups.add(new Group(id, title, members.stream().map(node).toList()));
            }
        }

        /** A storage component: one node per tier (its tier components, else its stores), in tier order. */
        private Optional<Group> storage(PlannedResource component) {
            List<Node> nodes = new ArrayList<>();
            List<PlannedResource> tiers = plan.childrenOf(component.urn()).stream()
                    .filter(child -> !descendants(child, r -> STORES.contains(r.type())).isEmpty())
                    .filter(child -> !Boolean.FALSE.equals(child.inputs().get("enabled")))
                    .sorted(Comparator.comparing((PlannedResource tier) -> rank(tierName(tier))).thenComparing(PlannedResource::urn))
                    .toList();
            for (PlannedResource tier : tiers) {
                PlannedResource store = mainStore(tier);
                String id = id(tier);
                String name = tierName(tier);
                List<Node> lifecycle = component.type().equals(TRAINING) && store.type().equals(S3_BUCKET) ? lifecycleTiers(id, store) : List.of();
                if (!lifecycle.isEmpty()) {
                    nodes.add(new Node(id, name, "S3 bucket " + tier.name() + protectedMark(store), Shape.STORE, lifecycle));
                } else {
                    nodes.add(new Node(id, name, name + " · " + service(store) + "<br/>" + tier.name()
                            + protectedMark(store) + facts(store), Shape.STORE));
                }
                descendants(tier, r -> STORES.contains(r.type())).forEach(r -> nodeOf.put(r.urn(), id));
                mounts(tier, id);
            }
            if (nodes.isEmpty()) {
                return Optional.empty();
            }
            chain(component, nodes);
            links(component);
            return Optional.of(new Group(id(component), TITLES.getOrDefault(component.type(), component.type()) + " · "
                    + component.name(), nodes));
        }

        /** The path data takes between a component's tiers: training's tiers cool, a cache miss goes down a level. */
        private void chain(PlannedResource component, List<Node> nodes) {
            boolean levels = plan.childrenOf(component.urn()).stream().anyMatch(c -> c.type().equals(CACHE_LEVEL));
            if (!levels && !component.type().equals(TRAINING)) {
                return;
            }
            // A per-job file system stands beside the hot tier: jobs get one instead of sharing it.
            List<Node> path = nodes.stream().flatMap(node -> node.parts().isEmpty() ? Stream.of(node) : node.parts().stream())
                    .filter(node -> !node.tier().equals("per-job")).toList();
            for (int i = 1; i < path.size(); i++) {
                edges.add(new Edge(path.get(i - 1).id(), path.get(i).id(), levels ? "miss" : "", false));
            }
        }

        /**
         * The hot tier's link to the bucket: FSx imports from and exports to the prefixes its file system
         * (import and export paths) or its data repository associations name.
         */
        private void links(PlannedResource component) {
            Map<List<String>, Set<String>> prefixes = new LinkedHashMap<>();
            for (PlannedResource link : descendants(component, r -> r.type().equals(FSX_LUSTRE) || r.type().equals(FSX_ASSOCIATION))) {
                String from = nodeOf.get(link.type().equals(FSX_LUSTRE) ? link.urn() : descendants(plan.byUrn(String.valueOf(link.parent())).orElseThrow(),
                        r -> r.type().equals(FSX_LUSTRE)).stream().map(PlannedResource::urn).findFirst().orElse(""));
                for (String dependency : link.dependencies()) {
                    String to = plan.byUrn(dependency).filter(r -> r.type().equals(S3_BUCKET)).map(r -> nodeOf.get(r.urn())).orElse(null);
                    if (from != null && to != null) {
                        Set<String> paths = prefixes.computeIfAbsent(List.of(from, to), k -> new TreeSet<>());
                        for (String input : List.of("importPath", "exportPath", "dataRepositoryPath")) {
                            Optional.ofNullable(link.inputs().get(input)).map(p -> p.toString().replaceFirst("^s3://[^/]+/", ""))
                                    .ifPresent(paths::add);
                        }
                    }
                }
            }
            prefixes.forEach((pair, paths) -> edges.add(new Edge(pair.get(0), pair.get(1), "S3 link " + String.join(", ", paths), true)));
        }

        /** A bucket's lifecycle, drawn as its tiers: objects moving to infrequent access are cold, to Glacier archived. */
        private List<Node> lifecycleTiers(String bucketId, PlannedResource bucket) {
            List<Node> parts = new ArrayList<>();
            for (PlannedResource lifecycle : siblings(bucket, S3_LIFECYCLE)) {
                for (Object rule : list(lifecycle.inputs().get("rules"))) {
                    List<?> transitions = list(((Map<?, ?>) rule).get("transitions"));
                    if (transitions.isEmpty()) {
                        continue;
                    }
                    String classes = transitions.stream().map(t -> ((Map<?, ?>) t).get("storageClass") + " at " + ((Map<?, ?>) t).get("days") + " d")
                            .collect(Collectors.joining(", "));
                    boolean archived = transitions.stream().map(t -> String.valueOf(((Map<?, ?>) t).get("storageClass")))
                            .allMatch(c -> c.equals("GLACIER") || c.equals("DEEP_ARCHIVE"));
                    Object prefix = ResourceSummary.path((Map<?, ?>) rule, "filter", "prefix");
                    String tier = archived ? "archive" : "cold";
                    parts.add(new Node(bucketId + "_" + parts.size(), tier, tier + " · S3<br/>"
                            + (prefix == null || prefix.toString().isEmpty() ? "all objects" : prefix) + " → " + classes, Shape.STORE));
                }
            }
            parts.sort(Comparator.comparing(node -> rank(node.tier())));
            return parts;
        }

        /** Workloads in a claim's namespace may mount the tier the claim belongs to. */
        private void mounts(PlannedResource tier, String tierId) {
            for (PlannedResource claim : descendants(tier, r -> r.type().equals(K8S_PVC))) {
                Object namespace = ResourceSummary.path(claim.inputs(), "metadata", "namespace");
                plan.ofType(IDENTITY).stream().filter(identity -> String.valueOf(identity.inputs().get("namespace")).equals(namespace))
                        .forEach(identity -> edges.add(new Edge(id(identity), tierId, "mounts", false)));
            }
        }

        private Node key(PlannedResource key) {
            descendants(key, r -> r.type().equals(KMS_KEY)).forEach(k -> nodeOf.put(k.urn(), id(key)));
            return new Node(id(key), "", "KMS key · " + key.inputs().getOrDefault("purpose", key.name()) + "<br/>" + key.name()
                    + protectedMark(key), Shape.KEY);
        }

        /** An identity and what its role's policies let it do to each store. */
        private Node identity(PlannedResource identity) {
            Map<String, Set<String>> access = new LinkedHashMap<>();
            for (PlannedResource policy : descendants(identity, r -> r.type().equals(IAM_ROLE_POLICY))) {
                Set<String> actions = actions(String.valueOf(policy.inputs().get("policy")));
                for (String dependency : policy.dependencies()) {
                    plan.byUrn(dependency).filter(r -> STORES.contains(r.type())).map(r -> nodeOf.get(r.urn()))
                            .ifPresent(node -> access.computeIfAbsent(node, n -> new TreeSet<>()).addAll(actions));
                }
            }
            access.forEach((node, actions) -> edges.add(new Edge(id(identity), node, String.join(", ", actions), false)));
            return new Node(id(identity), "", "identity · " + identity.name() + "<br/>" + identity.inputs().get("namespace") + "/"
                    + identity.inputs().get("serviceAccountName"), Shape.IDENTITY);
        }

        /** Which key encrypts which store: the store, or its bucket's encryption configuration, takes the key's ARN. */
        private void encryption() {
            Set<List<String>> drawn = new LinkedHashSet<>();
            for (PlannedResource resource : plan.resources()) {
                if (!STORES.contains(resource.type()) && !resource.type().equals(S3_ENCRYPTION)) {
                    continue;
                }
                List<String> keys = resource.dependencies().stream().filter(d -> plan.byUrn(d).filter(r -> r.type().equals(KMS_KEY)).isPresent()).toList();
                String store = resource.type().equals(S3_ENCRYPTION) ? siblings(resource, S3_BUCKET).stream()
                        .map(b -> nodeOf.get(b.urn())).findFirst().orElse(null) : nodeOf.get(resource.urn());
                for (String key : keys) {
                    if (store != null && nodeOf.containsKey(key) && drawn.add(List.of(nodeOf.get(key), store))) {
                        edges.add(new Edge(nodeOf.get(key), store, "encrypts", true));
                    }
                }
            }
        }

        private List<PlannedResource> siblings(PlannedResource resource, String type) {
            return plan.childrenOf(String.valueOf(resource.parent())).stream().filter(r -> r.type().equals(type)).toList();
        }

        private PlannedResource mainStore(PlannedResource tier) {
            List<PlannedResource> stores = descendants(tier, r -> STORES.contains(r.type()));
            return stores.stream().min(Comparator.comparing(r -> STORES.indexOf(r.type()))).orElseThrow();
        }

        private List<PlannedResource> descendants(PlannedResource root, Predicate<PlannedResource> filter) {
            List<PlannedResource> found = new ArrayList<>();
            if (filter.test(root)) {
                found.add(root);
            }
            plan.childrenOf(root.urn()).forEach(child -> found.addAll(descendants(child, filter)));
            return found;
        }

        /** A tier's name: a cache level's number, else the tier tag of its store (or label of its StorageClass). */
        private String tierName(PlannedResource tier) {
            if (tier.inputs().get("level") instanceof Number level) {
                return "L" + level.longValue();
            }
            if (tier.type().equals("strata:training:PerJobScratchTier")) {
                return "per-job";
            }
            PlannedResource store = mainStore(tier);
            Object tag = ResourceSummary.path(store.inputs(), "tags", "tier");
            return String.valueOf(tag != null ? tag : ResourceSummary.path(store.inputs(), "metadata", "labels", "strata.dev/tier"));
        }
    }

    private static String service(PlannedResource store) {
        if (store.type().equals(ELASTICACHE_REPLICATION_GROUP)) {
            return "ElastiCache " + store.inputs().getOrDefault("engine", "");
        }
        if (store.type().equals(K8S_STORAGE_CLASS)) {
            Object provisioner = store.inputs().get("provisioner");
            return "kubernetes.io/no-provisioner".equals(provisioner) ? "local NVMe" : "FSx for Lustre per job";
        }
        return SERVICES.get(store.type());
    }

    /** The few facts of a store worth a glance: size and kind; the table and the JSON have the rest. */
    private static String facts(PlannedResource store) {
        Map<String, Object> in = store.inputs();
        String facts = switch (store.type()) {
            case FSX_LUSTRE -> in.get("deploymentType") + ", " + in.get("storageCapacity") + " GiB";
            case EFS_FILE_SYSTEM -> in.get("throughputMode") + " throughput";
            case ELASTICACHE_REPLICATION_GROUP -> in.get("numCacheClusters") + " × " + in.get("nodeType");
            case K8S_STORAGE_CLASS -> "class " + ResourceSummary.path(in, "metadata", "name");
            default -> "";
        };
        return facts.isEmpty() ? "" : "<br/>" + facts;
    }

    private static String protectedMark(PlannedResource resource) {
        return resource.protect() ? " · protected" : "";
    }

    private static int rank(String tier) {
        int rank = TIER_ORDER.indexOf(tier);
        return rank < 0 ? TIER_ORDER.size() : rank;
    }

    /** What an IAM policy lets its holder do, in words: read, write, connect. */
    private static Set<String> actions(String policy) {
        Set<String> words = new TreeSet<>();
        if (policy.contains("s3:GetObject")) {
            words.add("read");
        }
        if (policy.contains("s3:PutObject")) {
            words.add("write");
        }
        if (policy.contains("elasticache:Connect")) {
            words.add("connect");
        }
        if (policy.contains("elasticfilesystem:Client")) {
            words.add("mount");
        }
        return words;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}

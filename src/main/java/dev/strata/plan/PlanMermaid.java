package dev.strata.plan;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a plan as a mermaid flowchart: each component a box holding its tiers, with the stateful
 * resources (buckets, keys, file systems, caches) that carry the data and the Kubernetes objects pods
 * mount. A model cache's levels are drawn nearest first, linked by the path a cache miss takes.
 * Configuration resources are left out: the table and the JSON list them.
 */
public final class PlanMermaid {
    /** Resources drawn besides components: the ones that hold data or keys. */
    private static final Set<String> STATEFUL = Set.of("aws:s3/bucketV2:BucketV2", "aws:kms/key:Key",
            "aws:efs/fileSystem:FileSystem", "aws:elasticache/replicationGroup:ReplicationGroup",
            // What pods mount: storage classes, volumes and claims.
            "kubernetes:storage.k8s.io/v1:StorageClass", "kubernetes:core/v1:PersistentVolume",
            "kubernetes:core/v1:PersistentVolumeClaim");
    /** Levels of a model cache: drawn nearest first, with the path a cache miss takes from each to the next. */
    private static final String CACHE_LEVEL = "strata:inference:CacheLevel";

    private PlanMermaid() {
    }

    public static String render(Plan plan) {
        // Node ids are the resources' positions in the plan (sorted by URN): unique and stable.
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < plan.resources().size(); i++) {
            ids.put(plan.resources().get(i).urn(), i);
        }
        StringBuilder out = new StringBuilder("flowchart LR\n");
        plan.resources().stream()
                .filter(resource -> plan.byUrn(String.valueOf(resource.parent())).isEmpty())
                .forEach(root -> draw(plan, ids, root, "  ", out));
        return out.toString();
    }

    private static void draw(Plan plan, Map<String, Integer> ids, PlannedResource resource, String indent, StringBuilder out) {
        if (resource.isComponent()) {
            List<PlannedResource> children = plan.childrenOf(resource.urn()).stream()
                    .filter(child -> child.isComponent() || STATEFUL.contains(child.type())).toList();
            out.append(indent).append("subgraph ").append(nodeId(ids, resource)).append("[\"")
                    .append(label(resource)).append("\"]\n");
            children.forEach(child -> draw(plan, ids, child, indent + "  ", out));
            out.append(indent).append("end\n");
            List<PlannedResource> levels = children.stream().filter(child -> child.type().equals(CACHE_LEVEL))
                    .sorted(Comparator.comparing(PlanMermaid::levelNumber)).toList();
            for (int i = 1; i < levels.size(); i++) {
                out.append(indent).append(nodeId(ids, levels.get(i - 1))).append(" -->|miss| ").append(nodeId(ids, levels.get(i))).append('\n');
            }
        } else if (STATEFUL.contains(resource.type())) {
            out.append(indent).append(nodeId(ids, resource)).append("[(\"").append(label(resource)).append("\")]\n");
        }
    }

    private static long levelNumber(PlannedResource level) {
        return level.inputs().get("level") instanceof Number number ? number.longValue() : Long.MAX_VALUE;
    }

    private static String label(PlannedResource resource) {
        String summary = ResourceSummary.of(resource);
        String text = resource.name() + "<br/>" + PlanTable.shortType(resource.type())
                + (resource.protect() ? "<br/>protected" : "")
                + (summary.isEmpty() ? "" : "<br/>" + summary);
        return text.replace("\"", "'");
    }

    private static String nodeId(Map<String, Integer> ids, PlannedResource resource) {
        return "n" + ids.get(resource.urn());
    }
}

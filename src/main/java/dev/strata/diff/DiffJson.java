package dev.strata.diff;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.strata.diff.PlanDiff.Changed;
import dev.strata.diff.PlanDiff.InputChange;
import dev.strata.diff.PlanDocument.Resource;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code strata diff --format json}: the diff as one JSON document (shape in docs/commands.md). */
final class DiffJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private DiffJson() {
    }

    static String render(PlanDiff diff) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("stack", diff.stack());
        document.put("blocking", diff.blocking());
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put("added", diff.added().stream().map(DiffJson::resource).toList());
        resources.put("removed", diff.removed().stream().map(DiffJson::resource).toList());
        resources.put("changed", diff.changed().stream().map(DiffJson::changed).toList());
        document.put("resources", resources);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("beforeUsd", diff.cost().beforeUsd());
        cost.put("afterUsd", diff.cost().afterUsd());
        cost.put("differenceUsd", diff.cost().differenceUsd());
        cost.put("rows", diff.cost().rows().stream().map(row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("component", row.component());
            map.put("tier", row.tier());
            map.put("beforeUsd", row.beforeUsd());
            map.put("afterUsd", row.afterUsd());
            map.put("differenceUsd", row.differenceUsd());
            return map;
        }).toList());
        cost.put("notes", diff.cost().notes());
        document.put("cost", cost);
        Map<String, Object> findings = new LinkedHashMap<>();
        // Records: Gson writes their components in order (policy, resource, message, enforcementLevel).
        findings.put("added", diff.findingsAdded());
        findings.put("resolved", diff.findingsResolved());
        document.put("findings", findings);
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("before", diff.budget().before().orElse(null));
        budget.put("after", diff.budget().after().orElse(null));
        budget.put("crossed", diff.budget().crossedOver() ? "over" : diff.budget().crossedUnder() ? "under" : null);
        document.put("budget", budget);
        return GSON.toJson(document) + "\n";
    }

    private static Map<String, Object> resource(Resource resource) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("urn", resource.urn());
        map.put("type", resource.type());
        map.put("name", resource.name());
        map.put("protect", resource.protect());
        return map;
    }

    private static Map<String, Object> changed(Changed changed) {
        Map<String, Object> map = resource(changed.head());
        map.put("protect", changed.protect());
        if (changed.moved()) {
            map.put("baseUrn", changed.baseUrn());
        }
        map.put("replacement", ReplacementTable.covers(changed.head().type()) ? changed.verdict().words() : null);
        map.put("changes", changed.changes().stream().map(DiffJson::change).toList());
        return map;
    }

    private static Map<String, Object> change(InputChange change) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", change.path());
        map.put("before", change.before());
        map.put("after", change.after());
        map.put("replacement", change.entry().isPresent() ? change.verdict().words() : null);
        change.entry().ifPresent(entry -> {
            map.put("source", entry.source());
            if (!entry.note().isEmpty()) {
                map.put("note", entry.note());
            }
        });
        return map;
    }
}

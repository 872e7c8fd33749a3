package dev.strata.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.strata.cost.CostReport;
import dev.strata.policy.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a plan as the JSON document of the {@code strata plan} contract (DESIGN.md). */
public final class PlanJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private PlanJson() {
    }

    public static String render(Plan plan) {
        return render(plan, CostReport.NONE, List.of());
    }

    /** The document with the policy pack's findings. */
    public static String render(Plan plan, List<Finding> findings) {
        return render(plan, CostReport.NONE, findings);
    }

    /** The document with the cost estimate and the policy pack's findings. */
    public static String render(Plan plan, CostReport cost, List<Finding> findings) {
        return GSON.toJson(document(plan, cost, findings)) + "\n";
    }

    /** The document as maps and lists, in the contract's key order. */
    public static Map<String, Object> document(Plan plan) {
        return document(plan, CostReport.NONE, List.of());
    }

    /** The document as maps and lists, in the contract's key order, with the policy findings. */
    public static Map<String, Object> document(Plan plan, List<Finding> findings) {
        return document(plan, CostReport.NONE, findings);
    }

    /** The document as maps and lists, in the contract's key order, with the cost estimate and the policy findings. */
    public static Map<String, Object> document(Plan plan, CostReport costReport, List<Finding> findings) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("project", plan.project());
        document.put("stack", plan.stack());
        document.put("resources", plan.resources().stream().map(PlanJson::resource).toList());
        document.put("outputs", plan.outputs());
        document.put("cost", costReport.json());
        document.put("findings", findings.stream().map(PlanJson::finding).toList());
        return document;
    }

    private static Map<String, Object> finding(Finding finding) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("policy", finding.policy());
        map.put("resource", finding.resource());
        map.put("message", finding.message());
        map.put("enforcementLevel", finding.enforcementLevel());
        return map;
    }

    private static Map<String, Object> resource(PlannedResource resource) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("urn", resource.urn());
        map.put("type", resource.type());
        map.put("name", resource.name());
        map.put("id", resource.id());
        map.put("parent", resource.parent());
        map.put("protect", resource.protect());
        map.put("retainOnDelete", resource.retainOnDelete());
        map.put("dependencies", resource.dependencies());
        map.put("inputs", resource.inputs());
        // Only a resource the engine would also match by an earlier URN carries them (strata diff
        // reports such a move as a change, not a delete and a create).
        if (!resource.aliases().isEmpty()) {
            map.put("aliases", resource.aliases());
        }
        return map;
    }
}

package dev.strata.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.strata.cost.CostReport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a plan as the JSON document of the {@code strata plan} contract (DESIGN.md). */
public final class PlanJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private PlanJson() {
    }

    public static String render(Plan plan) {
        return render(plan, CostReport.NONE);
    }

    public static String render(Plan plan, CostReport cost) {
        return GSON.toJson(document(plan, cost)) + "\n";
    }

    /** The document as maps and lists, in the contract's key order, with no cost estimate. */
    public static Map<String, Object> document(Plan plan) {
        return document(plan, CostReport.NONE);
    }

    /** The document as maps and lists, in the contract's key order. */
    public static Map<String, Object> document(Plan plan, CostReport costReport) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("project", plan.project());
        document.put("stack", plan.stack());
        document.put("resources", plan.resources().stream().map(PlanJson::resource).toList());
        document.put("outputs", plan.outputs());
        document.put("cost", costReport.json());
        document.put("findings", List.of());
        return document;
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
        map.put("inputs", resource.inputs());
        return map;
    }
}

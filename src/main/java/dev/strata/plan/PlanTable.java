package dev.strata.plan;

import dev.strata.cost.CostReport;
import dev.strata.policy.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a plan for people: resources grouped under their components as a tree, each with its
 * type, protection and the settings a reviewer cares about, then the stack outputs.
 */
public final class PlanTable {
    private PlanTable() {
    }

    /** The table followed by the policy findings, mandatory ones first. */
    public static String render(Plan plan, List<Finding> findings) {
        return render(plan, CostReport.NONE, findings);
    }

    /** The table, its cost section, then the policy findings, mandatory ones first. */
    public static String render(Plan plan, CostReport cost, List<Finding> findings) {
        StringBuilder out = new StringBuilder(render(plan, cost));
        out.append("\nPolicy findings:");
        if (findings.isEmpty()) {
            return out.append(" none\n").toString();
        }
        out.append('\n');
        findings.stream()
                .sorted(Comparator.comparing((Finding f) -> !f.isMandatory()))
                .forEach(f -> out.append("  ").append(pad(f.enforcementLevel().toUpperCase(Locale.ROOT), 9)).append("  ")
                        .append(f.policy()).append(": ").append(f.message()).append('\n'));
        return out.toString();
    }

    public static String render(Plan plan) {
        return render(plan, CostReport.NONE);
    }

    /** The plan with its cost section (lines, total, budget) after the outputs. */
    public static String render(Plan plan, CostReport cost) {
        List<String[]> rows = new ArrayList<>();
        plan.resources().stream()
                .filter(resource -> plan.byUrn(String.valueOf(resource.parent())).isEmpty())
                .forEach(root -> addTree(plan, root, "", rows));
        int nameWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(8);
        int typeWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(4);
        StringBuilder out = new StringBuilder();
        out.append("Strata plan: project ").append(plan.project()).append(", stack ").append(plan.stack())
                .append(" (").append(plan.resources().size()).append(" resources)\n\n");
        out.append(pad("RESOURCE", nameWidth)).append("  ").append(pad("TYPE", typeWidth)).append("  ")
                .append(pad("PROTECT", 7)).append("  SETTINGS\n");
        for (String[] row : rows) {
            out.append(pad(row[0], nameWidth)).append("  ").append(pad(row[1], typeWidth)).append("  ")
                    .append(pad(row[2], 7)).append("  ").append(row[3]).append('\n');
        }
        out.append("\nOutputs:\n");
        for (Map.Entry<String, Object> output : plan.outputs().entrySet()) {
            out.append("  ").append(output.getKey()).append(" = ").append(output.getValue()).append('\n');
        }
        if (cost != CostReport.NONE) {
            out.append('\n').append(cost.table());
        }
        return out.toString();
    }

    private static void addTree(Plan plan, PlannedResource resource, String indent, List<String[]> rows) {
        rows.add(new String[]{indent + resource.name(), shortType(resource.type()),
                resource.protect() ? "yes" : "-", ResourceSummary.of(resource)});
        plan.childrenOf(resource.urn()).forEach(child -> addTree(plan, child, indent + "  ", rows));
    }

    /** {@code aws:s3/bucketV2:BucketV2} reads as {@code aws:s3:BucketV2}. */
    static String shortType(String type) {
        String[] parts = type.split(":");
        if (parts.length != 3) {
            return type;
        }
        String module = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
        return parts[0] + ":" + module + ":" + parts[2];
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}

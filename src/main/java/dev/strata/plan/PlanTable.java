package dev.strata.plan;

import dev.strata.core.TextWrap;
import dev.strata.cost.CostEstimate;
import dev.strata.cost.CostReport;
import dev.strata.cost.Money;
import dev.strata.policy.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a plan for people: resources grouped under their components as a tree, each with its
 * type, protection and the settings a reviewer cares about, then the stack outputs. Every line fits
 * {@link TextWrap#TERMINAL_WIDTH} columns: long settings, outputs and findings wrap onto indented
 * continuation lines (the JSON keeps every value whole).
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
                .forEach(f -> out.append(TextWrap.hanging("  " + pad(f.enforcementLevel().toUpperCase(Locale.ROOT), 9) + "  ",
                        f.policy() + ": " + f.message(), 13, TextWrap.TERMINAL_WIDTH)));
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
            String columns = pad(row[0], nameWidth) + "  " + pad(row[1], typeWidth) + "  " + pad(row[2], 7) + "  ";
            out.append(settings(columns, row[3], indentOf(row[0]) + CONTINUATION));
        }
        out.append("\nOutputs:\n");
        for (Map.Entry<String, Object> output : plan.outputs().entrySet()) {
            Object value = output.getKey().startsWith(CostEstimate.OUTPUT) && output.getValue() instanceof Number amount
                    ? Money.usd(amount.doubleValue()) : output.getValue();
            out.append(TextWrap.hanging("  " + output.getKey() + " = ", String.valueOf(value), 2 + CONTINUATION, TextWrap.TERMINAL_WIDTH));
        }
        if (cost != CostReport.NONE) {
            out.append('\n').append(cost.table());
        }
        return out.toString();
    }

    /** How far continuation lines of a row are indented past its name's own indent. */
    static final int CONTINUATION = 4;

    /**
     * A resource row: {@code columns} then its settings when they fit the terminal; else the settings on
     * the lines below, {@code indent} columns in (under the resource's name), wrapped within the terminal.
     */
    private static String settings(String columns, String settings, int indent) {
        if (columns.length() + settings.length() <= TextWrap.TERMINAL_WIDTH) {
            return (columns + settings).stripTrailing() + "\n";
        }
        return columns.stripTrailing() + "\n" + TextWrap.hanging(" ".repeat(indent), settings, indent, TextWrap.TERMINAL_WIDTH);
    }

    private static int indentOf(String name) {
        return name.length() - name.stripLeading().length();
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

package dev.strata.diff;

import dev.strata.cost.Money;
import dev.strata.diff.PlanDiff.Changed;
import dev.strata.diff.PlanDiff.CostRow;
import dev.strata.diff.PlanDiff.InputChange;
import dev.strata.diff.PlanDocument.Finding;
import dev.strata.diff.PlanDocument.Resource;
import dev.strata.diff.ReplacementTable.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code strata diff --format table} (for a terminal) and {@code --format markdown} (the pull-request
 * comment): one summary line, then what blocks (protected resources replaced or deleted first), the
 * other replacements, a budget crossed and what the estimate leaves out; then the details (changed
 * resources with each input before and after, the cost per component and tier, the findings), which
 * the markdown folds. Nothing changed reads as one line.
 */
final class DiffText {
    private enum Style { TABLE, MARKDOWN }

    private final Style style;
    private final StringBuilder out = new StringBuilder();

    private DiffText(Style style) {
        this.style = style;
    }

    static String table(PlanDiff diff) {
        return new DiffText(Style.TABLE).render(diff);
    }

    static String markdown(PlanDiff diff) {
        return new DiffText(Style.MARKDOWN).render(diff);
    }

    private String render(PlanDiff diff) {
        boolean markdown = style == Style.MARKDOWN;
        List<String> blocking = diff.blocking();
        String title = "stack " + diff.stack() + ": " + summary(diff) + (blocking.isEmpty() ? "" : " - BLOCKING");
        line(markdown ? "#### Strata diff, " + title : "Strata diff, " + title);
        if (diff.isEmpty()) {
            list("Not in the estimate:", diff.cost().notes());
            return out.toString();
        }
        list(blocking.isEmpty() ? "" : "Blocking (strata diff exits 1):", blocking);
        list("Replacements of stateful resources:", replacements(diff));
        if (diff.budget().crossedOver() || diff.budget().crossedUnder()) {
            var budget = diff.budget().after().orElseThrow();
            list("Budget:", List.of((diff.budget().crossedOver() ? "now OVER the " : "now within the ") + budget.enforcement()
                    + " budget of " + Money.usd(budget.monthlyUsd())));
        }
        list("Not in the estimate:", diff.cost().notes());
        List<String> resources = resources(diff);
        fold("Resources: " + counts(diff), resources);
        fold("Monthly cost by component and tier: " + Money.usd(diff.cost().beforeUsd()) + " -> " + Money.usd(diff.cost().afterUsd()),
                costRows(diff));
        List<String> findings = new ArrayList<>();
        diff.findingsAdded().forEach(f -> findings.add("added: " + finding(f)));
        diff.findingsResolved().forEach(f -> findings.add("resolved: " + finding(f)));
        fold("Policy findings: " + diff.findingsAdded().size() + " added, " + diff.findingsResolved().size() + " resolved", findings);
        return out.toString();
    }

    private static String summary(PlanDiff diff) {
        if (diff.isEmpty()) {
            return "no changes; monthly cost " + Money.usd(diff.cost().afterUsd());
        }
        double difference = diff.cost().differenceUsd();
        String change = difference == 0 ? "unchanged" : (difference > 0 ? "+" : "-") + Money.usd(Math.abs(difference));
        return counts(diff) + "; monthly cost " + Money.usd(diff.cost().beforeUsd()) + " -> " + Money.usd(diff.cost().afterUsd())
                + " (" + change + ")";
    }

    private static String counts(PlanDiff diff) {
        return diff.added().size() + " added, " + diff.removed().size() + " removed, " + diff.changed().size() + " changed";
    }

    /** Stateful resources replaced (not protected: those block) or that may be, each with the inputs that decide it. */
    private List<String> replacements(PlanDiff diff) {
        List<String> lines = new ArrayList<>();
        for (Changed change : diff.changed()) {
            Verdict verdict = change.verdict();
            if (verdict == Verdict.UPDATES || change.protect() && verdict == Verdict.REPLACES) {
                continue;
            }
            List<InputChange> deciding = change.replacing(verdict);
            lines.add((change.protect() ? "protected " : "") + change.head().type() + " " + code(change.head().name()) + " "
                    + verdict.words() + ": " + String.join(", ", deciding.stream().map(c -> code(PlanDiff.describe(c))).toList()));
        }
        return lines;
    }

    private List<String> resources(PlanDiff diff) {
        List<String> lines = new ArrayList<>();
        for (Resource resource : diff.removed()) {
            lines.add("- " + resource.type() + " " + code(resource.name()) + (resource.protect() ? " (protected)" : "") + ": deleted");
        }
        for (Resource resource : diff.added()) {
            lines.add("+ " + resource.type() + " " + code(resource.name()) + ": created");
        }
        for (Changed change : diff.changed()) {
            String verdict = ReplacementTable.covers(change.head().type()) ? " (" + change.verdict().words() + ")" : "";
            lines.add("~ " + change.head().type() + " " + code(change.head().name()) + (change.protect() ? " (protected)" : "") + verdict
                    + (change.moved() ? ", moved from " + code(change.baseUrn()) : ""));
            for (InputChange input : change.changes()) {
                String why = input.entry().map(e -> " [" + input.verdict().words() + ": " + e.source()
                        + (e.note().isEmpty() ? "" : "; " + e.note()) + "]").orElse("");
                lines.add("    " + code(input.path()) + ": " + code(DiffValues.brief(input.before())) + " -> "
                        + code(DiffValues.brief(input.after())) + why);
            }
        }
        return lines;
    }

    private List<String> costRows(PlanDiff diff) {
        List<String> lines = new ArrayList<>();
        for (CostRow row : diff.cost().changedRows()) {
            double d = row.differenceUsd();
            lines.add(row.component() + " / " + row.tier() + ": " + Money.usd(row.beforeUsd()) + " -> " + Money.usd(row.afterUsd())
                    + " (" + (d > 0 ? "+" : "-") + Money.usd(Math.abs(d)) + ")");
        }
        return lines;
    }

    private String finding(Finding finding) {
        return finding.enforcementLevel() + " " + finding.policy() + ": " + finding.message() + " (" + code(finding.resource()) + ")";
    }

    /** A value in a code span (markdown; backticks inside become quotes), as is in a terminal. */
    private String code(String text) {
        return style == Style.MARKDOWN ? "`" + text.replace('`', '\'') + "`" : text;
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /** A heading and its items, shown; nothing when there are no items. */
    private void list(String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        boolean markdown = style == Style.MARKDOWN;
        if (!heading.isEmpty()) {
            line(markdown ? "\n**" + heading + "**\n" : "\n" + heading);
        } else if (markdown) {
            line("");
        }
        items.forEach(item -> line(markdown ? "- " + item : "  " + item));
    }

    /** A heading and its items, folded in markdown; nothing when there are no items. */
    private void fold(String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        if (style == Style.TABLE) {
            line("\n" + heading);
            items.forEach(item -> line("  " + item));
            return;
        }
        line("\n<details><summary>" + escapeHtml(heading) + "</summary>\n");
        line("```diff");
        items.forEach(item -> line(item.replace("`", "")));
        line("```\n</details>");
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package dev.strata.cost;


import dev.strata.core.TextWrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A stack's cost estimate against its budget, as {@code strata plan} reports it. */
public record CostReport(CostEstimate estimate, Optional<BudgetSettings> budget) {
    /** No estimate (a plan rendered without one): no lines, a total of zero. */
    public static final CostReport NONE = new CostReport(new CostEstimate("", List.of(), List.of(), List.of()), Optional.empty());

    public double monthlyUsd() {
        return estimate.monthlyUsd();
    }

    /** Whether the estimate is over the budget. */
    public boolean exceeded() {
        return budget.map(b -> b.exceededBy(monthlyUsd())).orElse(false);
    }

    /** Whether the estimate is over a mandatory budget: the plan then exits 1. */
    public boolean mandatoryExceeded() {
        return exceeded() && budget.get().enforcement() == BudgetSettings.Enforcement.MANDATORY;
    }

    /** One sentence on the estimate against the budget, for people. */
    public String budgetSummary() {
        if (budget.isEmpty()) {
            return "no budget (set strata:budget to compare the estimate with one)";
        }
        BudgetSettings b = budget.get();
        String against = Money.usd(monthlyUsd()) + " against the " + b.enforcement().configValue() + " budget of " + Money.usd(b.monthlyUsd());
        return exceeded()
                ? against + ": EXCEEDED by " + Money.usd(monthlyUsd() - b.monthlyUsd())
                : against + ": within budget (" + Money.usd(b.monthlyUsd() - monthlyUsd()) + " to spare)";
    }

    /** Whether any line uses a price the price book has not confirmed. */
    public boolean anyUnconfirmed() {
        return estimate.lines().stream().anyMatch(line -> !line.confirmed());
    }

    /**
     * The {@code cost} object of the plan's JSON contract: {@code monthlyUsd}, {@code lines} (each
     * {@code {component, tier, item, quantity, unit, unitPriceUsd, monthlyUsd}} plus {@code description}, the
     * item in words, and {@code confirmed}, false when the unit price is unconfirmed) and {@code notes}, what
     * the estimate leaves out or assumes (DESIGN.md). The budget verdict is on stderr; the per-tier
     * subtotals are in the stack outputs.
     */
    public Map<String, Object> json() {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("monthlyUsd", monthlyUsd());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (CostLine line : estimate.lines()) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("component", line.component());
            map.put("tier", line.tier());
            map.put("item", line.item());
            map.put("description", line.description());
            map.put("quantity", line.quantity());
            map.put("unit", line.unit());
            map.put("unitPriceUsd", line.unitPriceUsd());
            map.put("monthlyUsd", line.monthlyUsd());
            map.put("confirmed", line.confirmed());
            lines.add(map);
        }
        cost.put("lines", lines);
        cost.put("notes", estimate.notes());
        return cost;
    }

    /** Marks a unit price the price book has not confirmed, in the table. */
    public static final String UNCONFIRMED_MARK = "*";

    /**
     * The cost section of the plan table, within {@link TextWrap#TERMINAL_WIDTH} columns: the lines (items
     * in words, an unconfirmed unit price marked), the total with the notes on what it leaves out, and the
     * budget.
     */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("Estimated monthly cost (").append(estimate.region()).append(", USD, on-demand list prices):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"COMPONENT", "TIER", "ITEM", "QUANTITY", "UNIT", "UNIT PRICE", "MONTHLY"});
        for (CostLine line : estimate.lines()) {
            rows.add(new String[]{line.component(), line.tier(), line.description(), quantity(line.quantity()), line.unit(),
                    Money.unitUsd(line.unitPriceUsd()) + (line.confirmed() ? " " : UNCONFIRMED_MARK), Money.usd(line.monthlyUsd())});
        }
        int[] widths = new int[7];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder text = new StringBuilder(" ");
            for (int i = 0; i < row.length; i++) {
                boolean right = i == 3 || i >= 5;
                text.append(' ').append(right ? padLeft(row[i], widths[i]) : padRight(row[i], widths[i]));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        if (anyUnconfirmed()) {
            out.append(TextWrap.hanging("  " + UNCONFIRMED_MARK + " ", "unconfirmed unit price: the price book could not check it "
                    + "against a copy of AWS's page (its note says so); re-check it before relying on the line", 4, TextWrap.TERMINAL_WIDTH));
        }
        out.append("  Total: ").append(Money.usd(monthlyUsd())).append(" per month")
                .append(estimate.notes().isEmpty() ? "" : ", with " + estimate.notes().size() + " note"
                        + (estimate.notes().size() == 1 ? "" : "s") + " on what it leaves out or assumes:").append('\n');
        for (String note : estimate.notes()) {
            out.append(TextWrap.hanging("    - ", note, 6, TextWrap.TERMINAL_WIDTH));
        }
        out.append(TextWrap.hanging("  Budget: ", budgetSummary(), 4, TextWrap.TERMINAL_WIDTH));
        return out.toString();
    }

    /** A quantity for people: whole numbers with thousands separators, else three decimals. */
    public static String quantity(double quantity) {
        return quantity == Math.rint(quantity) ? String.format(Locale.ROOT, "%,d", (long) quantity)
                : String.format(Locale.ROOT, "%,.3f", quantity);
    }

    private static String padRight(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}

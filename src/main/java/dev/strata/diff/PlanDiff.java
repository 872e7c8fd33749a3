package dev.strata.diff;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.strata.cost.Money;
import dev.strata.diff.PlanDocument.Budget;
import dev.strata.diff.PlanDocument.Finding;
import dev.strata.diff.PlanDocument.Resource;
import dev.strata.diff.ReplacementTable.Verdict;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changes from one plan of a stack (the base) to another (the head): resources added, removed
 * and changed, matched by URN and then by alias (a resource the head moved keeps its identity), each
 * changed input with its value before and after and, for a stateful resource, whether the change
 * replaces it ({@link ReplacementTable}); the cost before and after, per component and tier; the
 * policy findings added and resolved; the budget crossed either way. {@link #blocking()} lists what
 * makes {@code strata diff} exit 1.
 */
public record PlanDiff(String stack, List<Resource> added, List<Resource> removed, List<Changed> changed,
                       CostDiff cost, List<Finding> findingsAdded, List<Finding> findingsResolved, BudgetDiff budget) {

    /** One changed input of a resource. */
    public record InputChange(String path, @Nullable JsonElement before, @Nullable JsonElement after, Verdict verdict,
                              Optional<ReplacementTable.Entry> entry) {
    }

    /**
     * A resource in both plans whose inputs or protection differ, or that moved.
     *
     * @param baseUrn its URN in the base (differs from {@code head.urn()} when it moved, matched by alias)
     * @param protect whether either plan protects it
     * @param changes its changed inputs, in the order of the inputs
     */
    public record Changed(Resource head, String baseUrn, boolean protect, List<InputChange> changes) {
        public boolean moved() {
            return !baseUrn.equals(head.urn());
        }

        /** The strongest verdict among the changes: replaces over may replace over updates. */
        public Verdict verdict() {
            Verdict strongest = Verdict.UPDATES;
            for (InputChange change : changes) {
                if (change.verdict().ordinal() < strongest.ordinal()) {
                    strongest = change.verdict();
                }
            }
            return strongest;
        }

        /** The changes that replace (or may), for the reports' first lines. */
        public List<InputChange> replacing(Verdict verdict) {
            return changes.stream().filter(c -> c.verdict() == verdict).toList();
        }
    }

    /** The monthly cost of one component's tier in both plans. */
    public record CostRow(String component, String tier, double beforeUsd, double afterUsd) {
        public double differenceUsd() {
            return Money.sum(List.of(afterUsd, -beforeUsd));
        }
    }

    /** The monthly cost in both plans, total and per component and tier, and what the head's estimate leaves out. */
    public record CostDiff(double beforeUsd, double afterUsd, List<CostRow> rows, List<String> notes) {
        public double differenceUsd() {
            return Money.sum(List.of(afterUsd, -beforeUsd));
        }

        /** The rows whose cost changed. */
        public List<CostRow> changedRows() {
            return rows.stream().filter(row -> row.differenceUsd() != 0).toList();
        }
    }

    /** Each plan's budget (as that plan recorded it) and whether the head crossed it either way. */
    public record BudgetDiff(Optional<Budget> before, Optional<Budget> after) {
        /** The base was within its budget (or had none) and the head is over its own. */
        public boolean crossedOver() {
            return after.map(Budget::exceeded).orElse(false) && !before.map(Budget::exceeded).orElse(false);
        }

        /** The base was over its budget and the head is within its own. */
        public boolean crossedUnder() {
            return before.map(Budget::exceeded).orElse(false) && after.isPresent() && !after.get().exceeded();
        }
    }

    /** The diff of two plans of one stack. */
    public static PlanDiff of(PlanDocument base, PlanDocument head) {
        Map<String, String> baseUrnOf = new LinkedHashMap<>(); // head URN -> base URN, for resources in both
        for (Resource resource : head.resources().values()) {
            if (base.resources().containsKey(resource.urn())) {
                baseUrnOf.put(resource.urn(), resource.urn());
            }
        }
        Set<String> matchedBase = new HashSet<>(baseUrnOf.values());
        for (Resource resource : head.resources().values()) {
            if (!baseUrnOf.containsKey(resource.urn())) {
                resource.aliases().stream()
                        .filter(alias -> base.resources().containsKey(alias) && !matchedBase.contains(alias))
                        .findFirst()
                        .ifPresent(alias -> {
                            baseUrnOf.put(resource.urn(), alias);
                            matchedBase.add(alias);
                        });
            }
        }
        List<Resource> added = head.resources().values().stream().filter(r -> !baseUrnOf.containsKey(r.urn())).toList();
        List<Resource> removed = base.resources().values().stream().filter(r -> !matchedBase.contains(r.urn())).toList();
        List<Changed> changed = new ArrayList<>();
        for (Resource after : head.resources().values()) {
            String baseUrn = baseUrnOf.get(after.urn());
            if (baseUrn == null) {
                continue;
            }
            Resource before = base.resources().get(baseUrn);
            List<InputChange> changes = new ArrayList<>();
            if (before.protect() != after.protect()) {
                changes.add(new InputChange("(protect)", new JsonPrimitive(before.protect()),
                        new JsonPrimitive(after.protect()), Verdict.UPDATES, Optional.empty()));
            }
            for (InputDiff.Change change : InputDiff.of(before.inputs(), after.inputs())) {
                Optional<ReplacementTable.Entry> entry = ReplacementTable.entry(after.type(), change.path());
                Verdict verdict = entry.map(e -> e.resolve(change.before(), change.after())).orElse(Verdict.UPDATES);
                changes.add(new InputChange(change.path(), change.before(), change.after(), verdict, entry));
            }
            if (!changes.isEmpty() || !baseUrn.equals(after.urn())) {
                changed.add(new Changed(after, baseUrn, before.protect() || after.protect(), changes));
            }
        }
        Map<String, String> headToBase = new HashMap<>(baseUrnOf);
        List<Finding> baseFindings = base.findings();
        List<Finding> headFindings = head.findings();
        Set<String> baseKeys = new HashSet<>();
        baseFindings.forEach(f -> baseKeys.add(key(f, f.resource())));
        Set<String> headKeys = new HashSet<>();
        headFindings.forEach(f -> headKeys.add(key(f, headToBase.getOrDefault(f.resource(), f.resource()))));
        List<Finding> findingsAdded = headFindings.stream()
                .filter(f -> !baseKeys.contains(key(f, headToBase.getOrDefault(f.resource(), f.resource())))).toList();
        List<Finding> findingsResolved = baseFindings.stream().filter(f -> !headKeys.contains(key(f, f.resource()))).toList();
        return new PlanDiff(head.stack(), added, removed, changed, cost(base, head), findingsAdded, findingsResolved,
                new BudgetDiff(base.cost().budget(), head.cost().budget()));
    }

    /** A finding's identity across the two plans: its rule, its resource (by its base URN) and its level. */
    private static String key(Finding finding, String resource) {
        return finding.policy() + "\u0000" + resource + "\u0000" + finding.enforcementLevel();
    }

    private static CostDiff cost(PlanDocument base, PlanDocument head) {
        Map<List<String>, double[]> rows = new LinkedHashMap<>();
        for (PlanDocument.CostLine line : base.cost().lines()) {
            rows.computeIfAbsent(List.of(line.component(), line.tier()), k -> new double[2])[0] += line.monthlyUsd();
        }
        for (PlanDocument.CostLine line : head.cost().lines()) {
            rows.computeIfAbsent(List.of(line.component(), line.tier()), k -> new double[2])[1] += line.monthlyUsd();
        }
        List<CostRow> costRows = new ArrayList<>();
        rows.forEach((k, v) -> costRows.add(new CostRow(k.get(0), k.get(1), Money.sum(List.of(v[0])), Money.sum(List.of(v[1])))));
        return new CostDiff(base.cost().monthlyUsd(), head.cost().monthlyUsd(), costRows, head.cost().notes());
    }

    /** Protected resources the head replaces (a change that replaces) or deletes. */
    public List<String> protectedLosses() {
        List<String> losses = new ArrayList<>();
        for (Resource resource : removed) {
            if (resource.protect()) {
                losses.add("protected " + resource.type() + " " + resource.name() + " would be DELETED (" + resource.urn() + ")");
            }
        }
        for (Changed change : changed) {
            if (change.protect() && change.verdict() == Verdict.REPLACES) {
                losses.add("protected " + change.head().type() + " " + change.head().name() + " would be REPLACED: "
                        + String.join(", ", change.replacing(Verdict.REPLACES).stream().map(PlanDiff::describe).toList()));
            }
        }
        return losses;
    }

    /** Everything that makes the diff exit 1, protected resources first. */
    public List<String> blocking() {
        List<String> blocking = new ArrayList<>(protectedLosses());
        for (Finding finding : findingsAdded) {
            if (finding.mandatory()) {
                blocking.add("new mandatory finding " + finding.policy() + ": " + finding.message() + " (" + finding.resource() + ")");
            }
        }
        if (budget.crossedOver() && budget.after().get().mandatory()) {
            blocking.add("the estimate crosses the mandatory budget of " + Money.usd(budget.after().get().monthlyUsd()) + ": "
                    + Money.usd(cost.beforeUsd()) + " -> " + Money.usd(cost.afterUsd()));
        }
        return blocking;
    }

    /** Whether nothing differs at all. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && findingsAdded.isEmpty() && findingsResolved.isEmpty()
                && cost.differenceUsd() == 0;
    }

    /** A change in words: the input and its values before and after. */
    static String describe(InputChange change) {
        return change.path() + " " + DiffValues.brief(change.before()) + " -> " + DiffValues.brief(change.after());
    }
}

package dev.strata.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monthly cost of a stack: its lines, the tiers they belong to (every tier the stack deploys,
 * including those with no lines), and notes on what the estimate assumed or left out.
 */
public record CostEstimate(String region, List<Tier> tiers, List<CostLine> lines, List<String> notes) {
    /** The stack output holding the total. */
    public static final String OUTPUT = "estimatedMonthlyUsd";

    public CostEstimate {
        tiers = List.copyOf(tiers);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /** The total: the exact sum of the lines. */
    public double monthlyUsd() {
        return Money.sum(lines.stream().map(CostLine::monthlyUsd).toList());
    }

    /** The subtotal of one tier. */
    public double tierUsd(Tier tier) {
        return Money.sum(lines.stream()
                .filter(line -> line.component().equals(tier.component()) && line.tier().equals(tier.tier()))
                .map(CostLine::monthlyUsd).toList());
    }

    /** Every tier with its subtotal, in the order the stack declares them. */
    public Map<Tier, Double> byTier() {
        Map<Tier, Double> subtotals = new LinkedHashMap<>();
        tiers.forEach(tier -> subtotals.put(tier, tierUsd(tier)));
        return subtotals;
    }

    /** Collects the lines of an estimate; a line of an undeclared tier is a bug in its cost function. */
    public static final class Builder {
        private final String region;
        private final List<Tier> tiers = new ArrayList<>();
        private final List<CostLine> lines = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        public Builder(String region) {
            this.region = region;
        }

        public Builder tier(Tier tier) {
            if (!tiers.contains(tier)) {
                tiers.add(tier);
            }
            return this;
        }

        public Builder line(CostLine line) {
            if (!tiers.contains(new Tier(line.component(), line.tier()))) {
                throw new IllegalStateException("cost line of an undeclared tier " + line.component() + "/" + line.tier());
            }
            lines.add(line);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public CostEstimate build() {
            return new CostEstimate(region, tiers, lines, notes);
        }
    }
}

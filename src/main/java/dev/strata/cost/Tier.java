package dev.strata.cost;

/**
 * A tier of a component that the estimate reports a subtotal for, and a stack output
 * ({@code estimatedMonthlyUsd.<component>.<tier>}) exports.
 */
public record Tier(String component, String tier) {
    /** The stack output of this tier's monthly estimate. */
    public String outputName() {
        return CostEstimate.OUTPUT + "." + component + "." + tier;
    }
}

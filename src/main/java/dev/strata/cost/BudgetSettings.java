package dev.strata.cost;

import java.util.Locale;

/**
 * A stack's monthly budget ({@code strata:budget}): {@code strata plan} compares the estimate with it.
 *
 * @param monthlyUsd  the budget in USD per month
 * @param enforcement whether exceeding it only warns ({@code advisory}) or fails the plan ({@code mandatory}, exit 1)
 */
public record BudgetSettings(double monthlyUsd, Enforcement enforcement) {
    /** What exceeding the budget does. */
    public enum Enforcement {
        ADVISORY, MANDATORY;

        /** As written in config: {@code advisory} or {@code mandatory}. */
        public String configValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether an estimate of {@code estimateUsd} per month is over the budget. */
    public boolean exceededBy(double estimateUsd) {
        return estimateUsd > monthlyUsd;
    }
}

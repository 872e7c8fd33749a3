package dev.strata.cost;

import java.util.Optional;

/**
 * What the cost estimate needs besides the deployed settings: the expected usage
 * ({@code strata:usage}) and the stack's budget ({@code strata:budget}, optional).
 */
public record CostSettings(UsageSettings usage, Optional<BudgetSettings> budget) {
    public static final CostSettings NONE = new CostSettings(UsageSettings.NONE, Optional.empty());
}

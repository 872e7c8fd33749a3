package dev.strata.cost;


import java.util.List;

/**
 * The cost of one component of the stack, from its settings and the expected usage. Each component
 * (data lake, training, inference, security) has one, listed in
 * {@link CostEstimator#COMPONENTS}.
 */
public interface ComponentCost {
    /** The tiers the component deploys with these settings (known before any price is looked up). */
    List<Tier> tiers(CostInputs settings);

    /** Adds the component's lines (and notes) to the estimate. */
    void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out);
}

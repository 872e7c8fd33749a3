package dev.strata.cost;


import java.util.ArrayList;
import java.util.List;

/**
 * The monthly cost of a stack, from its settings, its expected usage and the price book: pure Java,
 * no engine. {@code strata plan} renders it; the Pulumi program exports it as stack outputs.
 */
public final class CostEstimator {
    /** One cost function per component, in the order the stack builds them. */
    public static final List<ComponentCost> COMPONENTS = List.of(
            new DataLakeCost(), new TrainingCost(), new InferenceCost(), new SecurityCost(), new ClusterCost(),
            new ReplicationCost(), new MonitoringCost());

    private CostEstimator() {
    }

    /** The estimate of {@code settings} at {@code prices}. */
    public static CostEstimate estimate(CostInputs settings, RegionPrices prices) {
        CostEstimate.Builder out = new CostEstimate.Builder(prices.region());
        for (ComponentCost component : COMPONENTS) {
            component.tiers(settings).forEach(out::tier);
            component.estimate(settings, prices, out);
        }
        return out.build();
    }

    /** The tiers of every component: the stack outputs are declared from these before any price is known. */
    public static List<Tier> tiers(CostInputs settings) {
        List<Tier> tiers = new ArrayList<>();
        COMPONENTS.forEach(component -> component.tiers(settings).stream().filter(t -> !tiers.contains(t)).forEach(tiers::add));
        return tiers;
    }
}

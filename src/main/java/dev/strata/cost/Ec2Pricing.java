package dev.strata.cost;

/**
 * EC2 cost lines: a managed node group's instances at the On-Demand Linux rate of their type
 * ({@code ec2.instance.<type>}, https://aws.amazon.com/ec2/pricing/on-demand/), desired size x 730 hours.
 * A type the price book lacks is invalid config naming the setting that chose it, never a zero.
 */
public final class Ec2Pricing {
    /** The price book items of instance types: {@code ec2.instance.<type>}. */
    public static final String INSTANCE = "ec2.instance.";

    private Ec2Pricing() {
    }

    /**
     * {@code nodes} instances of {@code type} for a month. {@code key} is the full config key that chose
     * the type (e.g. {@code strata:cluster.nodeGroup.instanceType}), named when the book lacks the type.
     */
    public static CostLine instances(RegionPrices prices, String component, String tier, String type, int nodes, String key) {
        return prices.line(component, tier, prices.chosen(INSTANCE, type, key, "instance type"), (double) nodes * prices.hoursPerMonth());
    }
}

package dev.strata.cost;

/** EKS cost lines: cluster-hours for a month, at the standard or the extended support rate. */
public final class EksPricing {
    private EksPricing() {
    }

    public static CostLine clusters(RegionPrices prices, String component, String tier, int clusters, boolean extendedSupport) {
        return prices.line(component, tier, extendedSupport ? "eks.clusterExtendedSupport" : "eks.cluster",
                (double) clusters * prices.hoursPerMonth());
    }
}

package dev.strata.cost;

/** ElastiCache cost lines: on-demand node-hours for a month. */
public final class ElastiCachePricing {
    /** The price book items of node types: {@code elasticache.node.<type>}. */
    public static final String NODE = "elasticache.node.";

    private ElastiCachePricing() {
    }

    /** {@code nodes} nodes of {@code nodeType} (e.g. {@code cache.r6g.large}) running all month. */
    public static CostLine nodes(RegionPrices prices, String component, String tier, String nodeType, int nodes) {
        return prices.line(component, tier, NODE + nodeType, (double) nodes * prices.hoursPerMonth());
    }
}

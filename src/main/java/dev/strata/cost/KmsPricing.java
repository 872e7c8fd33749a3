package dev.strata.cost;

/** KMS cost lines: each customer managed key per month, requests per 10,000. */
public final class KmsPricing {
    private KmsPricing() {
    }

    public static CostLine keys(RegionPrices prices, String component, String tier, int keys) {
        return prices.line(component, tier, "kms.key", keys);
    }

    public static CostLine requests(RegionPrices prices, String component, String tier, double requests) {
        return prices.line(component, tier, "kms.requests", requests / 10_000);
    }
}

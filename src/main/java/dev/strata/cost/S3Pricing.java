package dev.strata.cost;

/**
 * S3 cost lines. Storage is priced per GB-month of the class; requests per 1,000; lifecycle
 * transitions per 1,000 transition requests, by the class objects move to; retrievals per GB read.
 */
public final class S3Pricing {
    private S3Pricing() {
    }

    /** {@code gib} stored in {@code storageClass} (STANDARD or a lifecycle class) for a month. */
    public static CostLine storage(RegionPrices prices, String component, String tier, String storageClass, double gib) {
        return prices.line(component, tier, "s3.storage." + storageClass, gib);
    }

    /** PUT/COPY/POST/LIST requests a month into S3 Standard. */
    public static CostLine putRequests(RegionPrices prices, String component, String tier, double requests) {
        return prices.line(component, tier, "s3.requests.put.STANDARD", requests / 1_000);
    }

    /** GET requests a month on S3 Standard. */
    public static CostLine getRequests(RegionPrices prices, String component, String tier, double requests) {
        return prices.line(component, tier, "s3.requests.get.STANDARD", requests / 1_000);
    }

    /** Lifecycle transition requests a month into {@code targetClass}. */
    public static CostLine transitions(RegionPrices prices, String component, String tier, String targetClass, double requests) {
        return prices.line(component, tier, "s3.lifecycleTransition." + targetClass, requests / 1_000);
    }

    /** GB read back a month from {@code storageClass} (the standard retrieval tier for the Glacier classes). */
    public static CostLine retrieval(RegionPrices prices, String component, String tier, String storageClass, double gib) {
        return prices.line(component, tier, "s3.retrieval." + storageClass, gib);
    }
}

package dev.strata.cost;

import dev.strata.cost.UsageSettings.BucketUsage;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * The lines of one bucket's usage: storage per class (in S3's class order), then PUT and GET
     * requests, then lifecycle transitions per target class. Quantities of zero make no line.
     */
    public static List<CostLine> bucketLines(RegionPrices prices, String component, String tier, BucketUsage usage) {
        List<CostLine> lines = new ArrayList<>();
        for (String storageClass : CostSettingsParser.S3_CLASSES) {
            double gib = usage.storageGiB().getOrDefault(storageClass, 0.0);
            if (gib > 0) {
                lines.add(storage(prices, component, tier, storageClass, gib));
            }
        }
        if (usage.putRequestsPerMonth() > 0) {
            lines.add(putRequests(prices, component, tier, usage.putRequestsPerMonth()));
        }
        if (usage.getRequestsPerMonth() > 0) {
            lines.add(getRequests(prices, component, tier, usage.getRequestsPerMonth()));
        }
        for (String storageClass : CostSettingsParser.S3_CLASSES) {
            double transitions = usage.transitionsPerMonth().getOrDefault(storageClass, 0.0);
            if (transitions > 0) {
                lines.add(transitions(prices, component, tier, storageClass, transitions));
            }
        }
        return lines;
    }
}

package dev.strata.cost;

import dev.strata.datalake.DataLakeSettings;
import dev.strata.cost.UsageSettings.BucketUsage;
import dev.strata.datalake.Zone;
import dev.strata.core.TierName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data lake: one tier per zone (its S3 storage per class, requests and lifecycle transitions,
 * from {@code strata:usage.dataLake.zones.<zone>}) and the access-log bucket when access logs are on.
 * Usage is given per class rather than derived from the lifecycle days: how much data sits past
 * each transition depends on the ingest history, which only the operator knows.
 */
public final class DataLakeCost implements ComponentCost {
    public static final String COMPONENT = "datalake";
    public static final String ACCESS_LOGS_TIER = TierName.ACCESS_LOGS.value();

    @Override
    public List<Tier> tiers(CostInputs settings) {
        DataLakeSettings dataLake = settings.dataLake();
        List<Tier> tiers = new ArrayList<>();
        dataLake.zones().forEach(zone -> tiers.add(new Tier(COMPONENT, zone.name())));
        if (dataLake.accessLogs()) {
            tiers.add(new Tier(COMPONENT, ACCESS_LOGS_TIER));
        }
        return tiers;
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        Map<String, BucketUsage> usage = settings.cost().usage().dataLake().zones();
        for (Zone zone : settings.dataLake().zones()) {
            BucketUsage zoneUsage = usage.get(zone.name());
            if (zoneUsage == null) {
                out.note("strata:usage.dataLake.zones." + zone.name() + " is not set: zone " + zone.name()
                        + "'s storage and requests are estimated at zero");
                continue;
            }
            S3Pricing.bucketLines(prices, COMPONENT, zone.name(), zoneUsage).forEach(out::line);
        }
        if (settings.dataLake().accessLogs()) {
            double logs = settings.cost().usage().dataLake().accessLogsGiB();
            if (logs > 0) {
                out.line(S3Pricing.storage(prices, COMPONENT, ACCESS_LOGS_TIER, "STANDARD", logs));
            } else {
                out.note("strata:usage.dataLake.accessLogsGiB is not set: the access-log bucket is estimated at zero");
            }
        }
    }
}

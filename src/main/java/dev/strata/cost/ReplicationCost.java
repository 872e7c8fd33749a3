package dev.strata.cost;

import dev.strata.cost.UsageSettings.BucketUsage;
import dev.strata.datalake.ReplicationSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-Region replication ({@code strata:dataLake.replication}): one tier per replicated bucket, its
 * replica's storage priced in the destination region (the replica holds what the source holds, per
 * class: the same lifecycle runs on it), and a {@code transfer} tier for the data copied across regions
 * ({@code strata:usage.dataLake.replicatedGiBPerMonth}), priced per GB out of the source region, plus the
 * Replication Time Control charge per GB when RTC is on.
 */
public final class ReplicationCost implements ComponentCost {
    public static final String COMPONENT = "replication";
    public static final String TRANSFER_TIER = "transfer";

    @Override
    public List<Tier> tiers(CostInputs settings) {
        List<Tier> tiers = new ArrayList<>();
        settings.dataLake().replication().ifPresent(replication -> {
            replication.sources().forEach(source -> tiers.add(new Tier(COMPONENT, source)));
            tiers.add(new Tier(COMPONENT, TRANSFER_TIER));
        });
        return tiers;
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        Optional<ReplicationSettings> configured = settings.dataLake().replication();
        if (configured.isEmpty()) {
            return;
        }
        ReplicationSettings replication = configured.get();
        PriceBook book = PriceBook.load();
        if (!book.regions().contains(replication.region())) {
            out.note("the price book has no prices for " + replication.region() + ": the replicas' storage is not estimated");
        } else {
            RegionPrices destination = book.region(replication.region());
            usageBySource(settings, replication).forEach((source, usage) -> {
                if (usage.isEmpty()) {
                    out.note("no storage usage is set for the source of replica " + source + ": its storage is estimated at zero");
                    return;
                }
                for (String storageClass : CostSettingsParser.S3_CLASSES) {
                    double gib = usage.get().storageGiB().getOrDefault(storageClass, 0.0);
                    if (gib > 0) {
                        out.line(S3Pricing.storage(destination, COMPONENT, source, storageClass, gib));
                    }
                }
            });
        }
        double transferred = settings.cost().usage().dataLake().replicatedGiBPerMonth();
        if (transferred <= 0) {
            out.note("strata:usage.dataLake.replicatedGiBPerMonth is not set: replication transfer is estimated at zero");
            return;
        }
        out.line(prices.line(COMPONENT, TRANSFER_TIER, "s3.transfer.interRegion", transferred));
        if (replication.replicationTimeControl()) {
            out.line(prices.line(COMPONENT, TRANSFER_TIER, "s3.replicationTimeControl", transferred));
        }
    }

    private static Map<String, Optional<BucketUsage>> usageBySource(CostInputs settings, ReplicationSettings replication) {
        Map<String, Optional<BucketUsage>> usage = new LinkedHashMap<>();
        replication.zones().forEach(zone -> usage.put(zone, Optional.ofNullable(settings.cost().usage().dataLake().zones().get(zone))));
        if (replication.modelArchive()) {
            usage.put(ReplicationSettings.MODEL_ARCHIVE, settings.cost().usage().inference().flatMap(UsageSettings.InferenceUsage::archive));
        }
        return usage;
    }
}

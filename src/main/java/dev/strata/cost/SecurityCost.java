package dev.strata.cost;

import dev.strata.cluster.ClusterSettings;
import dev.strata.datalake.Replication;
import dev.strata.monitoring.StorageAlarms;

import java.util.List;

/**
 * The stack's customer managed KMS keys, one tier per key purpose (the {@code tier} tag the key
 * carries): the data lake's always, the training and inference tiers' when they are set (as
 * {@code StrataStack} creates them), and the created cluster's secrets key (as {@code ClusterWiring}
 * creates it), and the alarm topic's (as {@code StorageAlarms} creates it). KMS requests ({@code strata:usage.kms}) are counted on the data lake's key.
 */
public final class SecurityCost implements ComponentCost {
    public static final String COMPONENT = "security";

    /** The purposes of the keys {@code StrataStack} creates for these settings. */
    static List<String> keyPurposes(CostInputs settings) {
        List<String> purposes = new java.util.ArrayList<>(List.of("datalake"));
        settings.training().ifPresent(training -> purposes.add("training"));
        settings.inference().ifPresent(inference -> purposes.add("inference"));
        settings.cluster().filter(ClusterSettings::create).ifPresent(cluster -> purposes.add("cluster"));
        purposes.add(StorageAlarms.PURPOSE);
        // In the replicas' region: their key and, with replication metrics, the key of the alarms' topic there.
        settings.dataLake().replication().ifPresent(replication -> {
            purposes.add(Replication.keyPurpose(replication.region()));
            if (replication.metrics()) {
                purposes.add(StorageAlarms.PURPOSE + "-" + replication.region());
            }
        });
        return purposes;
    }

    @Override
    public List<Tier> tiers(CostInputs settings) {
        return keyPurposes(settings).stream().map(purpose -> new Tier(COMPONENT, purpose)).toList();
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        List<String> purposes = keyPurposes(settings);
        for (String purpose : purposes) {
            out.line(KmsPricing.keys(prices, COMPONENT, purpose, 1));
        }
        double requests = settings.cost().usage().kms().requestsPerMonth();
        if (requests > 0) {
            out.line(KmsPricing.requests(prices, COMPONENT, purposes.get(0), requests));
        } else {
            out.note("strata:usage.kms.requestsPerMonth is not set: KMS requests are estimated at zero");
        }
    }
}

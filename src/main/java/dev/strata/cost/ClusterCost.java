package dev.strata.cost;

import dev.strata.cluster.ClusterSettings;

import java.util.List;

/**
 * The EKS cluster Strata creates: its control plane (cluster-hours) and its nodes' encrypted gp3
 * root volumes. An adopted cluster belongs to another team's bill and is not priced here. The
 * nodes' EC2 instance-hours are not in the price book: the estimate says so rather than count them
 * as zero silently.
 */
public final class ClusterCost implements ComponentCost {
    public static final String COMPONENT = "cluster";

    @Override
    public List<Tier> tiers(CostInputs settings) {
        return settings.cluster().filter(ClusterSettings::create)
                .map(cluster -> List.of(new Tier(COMPONENT, "control-plane"), new Tier(COMPONENT, "nodes")))
                .orElse(List.of());
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        settings.cluster().ifPresent(cluster -> {
            if (!cluster.create()) {
                out.note("strata:cluster.create is false: the adopted cluster " + cluster.name().orElse("")
                        + " is not priced here (its owner pays for it)");
                return;
            }
            out.line(EksPricing.clusters(prices, COMPONENT, "control-plane", 1, false));
            ClusterSettings.NodeGroup nodes = cluster.nodeGroup();
            out.line(prices.line(COMPONENT, "nodes", "ebs.gp3.storage", (double) nodes.desiredSize() * nodes.rootVolumeGiB()));
            out.note("the " + nodes.desiredSize() + " " + nodes.instanceType()
                    + " nodes' EC2 instance-hours are not in the price book and not in this estimate");
            out.note("the control-plane logs' CloudWatch Logs ingestion and storage (log group "
                    + dev.strata.cluster.EksCluster.controlPlaneLogGroup(cluster.name().orElse("strata-<stack>")) + ", kept "
                    + cluster.logRetentionDays() + " days) are not in the price book and not in this estimate");
        });
    }
}

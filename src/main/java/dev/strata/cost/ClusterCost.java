package dev.strata.cost;

import dev.strata.cluster.ClusterSettings;

import java.util.List;

/**
 * The EKS cluster Strata creates: its control plane (cluster-hours), its default node group's
 * instances (desired size x 730 h at the On-Demand rate of {@code strata:cluster.nodeGroup.instanceType})
 * and their encrypted gp3 root volumes. An adopted cluster belongs to another team's bill and is not
 * priced here (a note says so).
 */
public final class ClusterCost implements ComponentCost {
    public static final String COMPONENT = "cluster";
    static final String NODE_TYPE = "strata:cluster.nodeGroup.instanceType";

    @Override
    public List<Tier> tiers(CostInputs settings) {
        return settings.cluster().filter(ClusterSettings::create)
                .map(cluster -> List.of(new Tier(COMPONENT, "control-plane"), new Tier(COMPONENT, "nodes")))
                .orElse(List.of());
    }

    /**
     * The lines of a created cluster: one control plane for the month, the node group's desired instances
     * for the month, and their gp3 root volumes.
     */
    public static List<CostLine> createdCluster(RegionPrices prices, ClusterSettings.NodeGroup nodes) {
        return List.of(EksPricing.clusters(prices, COMPONENT, "control-plane", 1, false),
                Ec2Pricing.instances(prices, COMPONENT, "nodes", nodes.instanceType(), nodes.desiredSize(), NODE_TYPE),
                prices.line(COMPONENT, "nodes", "ebs.gp3.storage", (double) nodes.desiredSize() * nodes.rootVolumeGiB()));
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        settings.cluster().ifPresent(cluster -> {
            if (!cluster.create()) {
                out.note("strata:cluster.create is false: the adopted cluster " + cluster.name().orElse("")
                        + " is not priced here (its owner pays for it)");
                return;
            }
            ClusterSettings.NodeGroup nodes = cluster.nodeGroup();
            createdCluster(prices, nodes).forEach(out::line);
            if (nodes.maxSize() > nodes.desiredSize()) {
                out.note("the cluster's nodes are priced at desiredSize " + nodes.desiredSize() + "; up to maxSize "
                        + nodes.maxSize() + " would cost more");
            }
            out.note("the control-plane logs' CloudWatch Logs ingestion and storage (log group "
                    + dev.strata.cluster.EksCluster.controlPlaneLogGroup(cluster.name().orElse("strata-<stack>")) + ", kept "
                    + cluster.logRetentionDays() + " days) are not in the price book and not in this estimate");
        });
    }
}

package dev.strata.cost;

import dev.strata.stack.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.VPC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClusterCostTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", VPC_ID,
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829"),
            "nodeSecurityGroupId", NODE_SECURITY_GROUP_ID);

    private static CostEstimate estimate(Map<String, Object> cluster) {
        return CostEstimator.estimate(SettingsParser.parse(Map.of("environment", "dev", "network", NETWORK, "cluster", cluster)),
                PriceBook.load().region("us-east-1"));
    }

    @Test
    void aCreatedClusterCostsItsControlPlaneAndItsNodesRootVolumes() {
        CostEstimate estimate = estimate(Map.of("nodeGroup", Map.of("desiredSize", 3, "rootVolumeGiB", 50)));
        assertThat(estimate.lines()).filteredOn(line -> line.component().equals("cluster"))
                .extracting(CostLine::tier, CostLine::item, CostLine::quantity, CostLine::monthlyUsd)
                .containsExactly(
                        tuple("control-plane", "eks.cluster", 730.0, 73.00),   // 730 hours x $0.10
                        tuple("nodes", "ebs.gp3.storage", 150.0, 12.00));      // 3 nodes x 50 GiB x $0.08
        assertThat(estimate.tierUsd(new Tier("cluster", "control-plane"))).isEqualTo(73.00);
        assertThat(estimate.notes()).anyMatch(note -> note.contains("EC2 instance-hours are not in the price book"));
        assertThat(estimate.notes()).contains("the control-plane logs' CloudWatch Logs ingestion and storage (log group "
                + "/aws/eks/strata-<stack>/cluster, kept 90 days) are not in the price book and not in this estimate");
        // The secrets key of the created cluster is priced as any customer-managed key.
        assertThat(estimate.lines()).filteredOn(line -> line.component().equals("security") && line.tier().equals("cluster"))
                .extracting(CostLine::item, CostLine::monthlyUsd).containsExactly(tuple("kms.key", 1.00));
    }

    @Test
    void anAdoptedClusterIsNotPricedAndTheEstimateSaysSo() {
        CostEstimate estimate = estimate(Map.of("create", false, "name", "shared-ml"));
        assertThat(estimate.lines()).noneMatch(line -> line.component().equals("cluster"));
        assertThat(estimate.tiers()).noneMatch(tier -> tier.component().equals("cluster"));
        assertThat(estimate.notes()).anyMatch(note -> note.contains("the adopted cluster shared-ml is not priced here"));
        assertThat(estimate.lines()).noneMatch(line -> line.tier().equals("cluster"));
    }
}

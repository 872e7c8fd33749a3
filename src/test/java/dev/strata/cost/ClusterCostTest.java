package dev.strata.cost;

import dev.strata.core.InvalidConfigException;
import dev.strata.stack.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ClusterCostTest {
    private static final Map<String, Object> NETWORK = Map.of(
            "vpcId", "vpc-0abc1234def567890",
            "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829"),
            "nodeSecurityGroupId", "sg-0c3d4e5f607182930");

    private static CostEstimate estimate(Map<String, Object> cluster) {
        return CostEstimator.estimate(SettingsParser.parse(Map.of("environment", "dev", "network", NETWORK, "cluster", cluster)),
                PriceBook.load().region("us-east-1"));
    }

    @Test
    void aCreatedClusterCostsItsControlPlaneItsNodesAndTheirRootVolumes() {
        CostEstimate estimate = estimate(Map.of("nodeGroup", Map.of("desiredSize", 3, "rootVolumeGiB", 50)));
        assertThat(estimate.lines()).filteredOn(line -> line.component().equals("cluster"))
                .extracting(CostLine::tier, CostLine::item, CostLine::quantity, CostLine::unitPriceUsd, CostLine::monthlyUsd)
                .containsExactly(
                        tuple("control-plane", "eks.cluster", 730.0, 0.10, 73.00),               // 730 hours x $0.10
                        tuple("nodes", "ec2.instance.m6i.xlarge", 2_190.0, 0.192, 420.48),     // 3 nodes x 730 h x $0.192 (the default type)
                        tuple("nodes", "ebs.gp3.storage", 150.0, 0.08, 12.00));                // 3 nodes x 50 GiB x $0.08
        assertThat(estimate.tierUsd(new Tier("cluster", "nodes"))).isEqualTo(432.48);
        assertThat(estimate.notes()).noneMatch(note -> note.contains("instance-hours are not"))
                .contains("the cluster's nodes are priced at desiredSize 3; up to maxSize 4 would cost more");
        assertThat(estimate.notes()).contains("the control-plane logs' CloudWatch Logs ingestion and storage (log group "
                + "/aws/eks/strata-<stack>/cluster, kept 90 days) are not in the price book and not in this estimate");
        // The secrets key of the created cluster is priced as any customer-managed key.
        assertThat(estimate.lines()).filteredOn(line -> line.component().equals("security") && line.tier().equals("cluster"))
                .extracting(CostLine::item, CostLine::monthlyUsd).containsExactly(tuple("kms.key", 1.00));
    }

    @Test
    void theNodesArePricedAtTheirInstanceTypeInEachRegionAndAnUnpricedTypeNamesItsKey() {
        Map<String, Object> large = Map.of("nodeGroup", Map.of("instanceType", "m6i.large", "desiredSize", 2, "maxSize", 2));
        for (String region : List.of("us-east-1", "us-west-2")) {
            CostEstimate estimate = CostEstimator.estimate(SettingsParser.parse(Map.of("environment", "dev", "network", NETWORK,
                    "cluster", large)), PriceBook.load().region(region));
            assertThat(estimate.lines()).filteredOn(line -> line.tier().equals("nodes") && line.item().startsWith("ec2."))
                    .extracting(CostLine::item, CostLine::quantity, CostLine::monthlyUsd, CostLine::confirmed)
                    .containsExactly(tuple("ec2.instance.m6i.large", 1_460.0, 140.16, false));   // 2 x 730 h x $0.096, unconfirmed
            assertThat(estimate.notes()).noneMatch(note -> note.contains("maxSize"));
        }
        assertThatThrownBy(() -> estimate(Map.of("nodeGroup", Map.of("instanceType", "x9.huge"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:cluster.nodeGroup.instanceType = \"x9.huge\": the price book has no us-east-1 price "
                        + "for this instance type (it prices ")
                .hasMessageContaining("m6i.xlarge");
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

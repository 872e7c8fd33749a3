package dev.strata.cost;

import dev.strata.core.InvalidConfigException;
import dev.strata.stack.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Replication's cost lines: the replicas' storage in the destination region, the transfer and RTC per GB. */
class ReplicationCostTest {
    private static List<CostLine> lines(boolean rtc, Map<String, Object> dataLakeUsage) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", "prod");
        values.put("dataLake", Map.of("replication", Map.of("region", "us-east-1", "modelArchive", false, "replicationTimeControl", rtc)));
        values.put("usage", Map.of("dataLake", dataLakeUsage));
        CostEstimate estimate = CostEstimator.estimate(SettingsParser.parse(values), PriceBook.load().region("us-west-2"));
        return estimate.lines().stream().filter(line -> line.component().equals(ReplicationCost.COMPONENT)).toList();
    }

    private static final Map<String, Object> USAGE = Map.of(
            "zones", Map.of("model", Map.of("storageGiB", Map.of("STANDARD", 100, "GLACIER", 1000))),
            "replicatedGiBPerMonth", 200);

    @Test
    void theReplicaHoldsWhatTheSourceHoldsAndEachGbCrossesOnce() {
        assertThat(lines(true, USAGE)).extracting(CostLine::tier, CostLine::item, CostLine::quantity, CostLine::monthlyUsd)
                .containsExactly(
                        tuple("model", "s3.storage.STANDARD", 100.0, 2.30),               // 100 x 0.023 (us-east-1)
                        tuple("model", "s3.storage.GLACIER", 1000.0, 3.60),              // 1,000 x 0.0036
                        tuple("transfer", "s3.transfer.interRegion", 200.0, 4.00),       // 200 x 0.02
                        tuple("transfer", "s3.replicationTimeControl", 200.0, 3.00));    // 200 x 0.015
    }

    @Test
    void noRtcChargeWithoutRtc() {
        assertThat(lines(false, USAGE)).extracting(CostLine::item).doesNotContain("s3.replicationTimeControl")
                .contains("s3.transfer.interRegion");
    }

    @Test
    void replicationUsageNeedsReplication() {
        assertThatThrownBy(() -> SettingsParser.parse(Map.of("environment", "dev",
                "usage", Map.of("dataLake", Map.of("replicatedGiBPerMonth", 10)))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:usage.dataLake.replicatedGiBPerMonth = 10.0 and strata:dataLake.replication = \"(not set)\"");
        assertThatThrownBy(() -> lines(false, Map.of("replicatedGiBPerMonth", -1)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:usage.dataLake.replicatedGiBPerMonth");
    }
}

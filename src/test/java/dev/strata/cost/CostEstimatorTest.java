package dev.strata.cost;

import dev.strata.config.SettingsParser;
import dev.strata.config.StrataSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CostEstimatorTest {
    private static StrataSettings settings(Map<String, Object> values) {
        return SettingsParser.parse(values);
    }

    @Test
    void aFixedStackCostsWhatTheArithmeticSays() {
        StrataSettings settings = settings(Map.of(
                "environment", "staging",
                "dataLake", Map.of("accessLogs", true),
                "usage", Map.of(
                        "dataLake", Map.of(
                                "zones", Map.of(
                                        "raw", Map.of(
                                                "storageGiB", Map.of("STANDARD", 1000, "STANDARD_IA", 4000),
                                                "putRequestsPerMonth", 2_000_000,
                                                "getRequestsPerMonth", 10_000_000,
                                                "transitionsPerMonth", Map.of("STANDARD_IA", 100_000)),
                                        "model", Map.of("storageGiB", Map.of("STANDARD", 100, "GLACIER", 500))),
                                "accessLogsGiB", 50),
                        "kms", Map.of("requestsPerMonth", 3_000_000))));

        CostEstimate estimate = CostEstimator.estimate(settings, PriceBook.load().region("us-east-1"));

        assertThat(estimate.lines()).extracting(CostLine::component, CostLine::tier, CostLine::item, CostLine::quantity, CostLine::monthlyUsd)
                .containsExactly(
                        tuple("datalake", "raw", "s3.storage.STANDARD", 1000.0, 23.00),              // 1,000 x 0.023
                        tuple("datalake", "raw", "s3.storage.STANDARD_IA", 4000.0, 50.00),           // 4,000 x 0.0125
                        tuple("datalake", "raw", "s3.requests.put.STANDARD", 2000.0, 10.00),         // 2,000,000 / 1,000 x 0.005
                        tuple("datalake", "raw", "s3.requests.get.STANDARD", 10000.0, 4.00),         // 10,000,000 / 1,000 x 0.0004
                        tuple("datalake", "raw", "s3.lifecycleTransition.STANDARD_IA", 100.0, 1.00), // 100,000 / 1,000 x 0.01
                        tuple("datalake", "model", "s3.storage.STANDARD", 100.0, 2.30),              // 100 x 0.023
                        tuple("datalake", "model", "s3.storage.GLACIER", 500.0, 1.80),               // 500 x 0.0036
                        tuple("datalake", "access-logs", "s3.storage.STANDARD", 50.0, 1.15),         // 50 x 0.023
                        tuple("security", "datalake", "kms.key", 1.0, 1.00),                         // 1 key x $1
                        tuple("security", "datalake", "kms.requests", 300.0, 9.00));                 // 3,000,000 / 10,000 x 0.03
        // 23 + 50 + 10 + 4 + 1 + 2.30 + 1.80 + 1.15 + 1 + 9 = 103.25
        assertThat(estimate.monthlyUsd()).isEqualTo(103.25);
        assertThat(estimate.tierUsd(new Tier("datalake", "raw"))).isEqualTo(88.00);
        assertThat(estimate.tierUsd(new Tier("datalake", "processed"))).isEqualTo(0.0);
        assertThat(estimate.tiers()).extracting(Tier::outputName).containsExactly(
                "estimatedMonthlyUsd.datalake.raw", "estimatedMonthlyUsd.datalake.processed",
                "estimatedMonthlyUsd.datalake.feature", "estimatedMonthlyUsd.datalake.model",
                "estimatedMonthlyUsd.datalake.access-logs", "estimatedMonthlyUsd.security.datalake");
        assertThat(estimate.notes()).containsExactly(
                "strata:usage.dataLake.zones.processed is not set: zone processed's storage and requests are estimated at zero",
                "strata:usage.dataLake.zones.feature is not set: zone feature's storage and requests are estimated at zero");
    }

    @Test
    void withoutUsageOnlyTheKeyIsChargedAndTheEstimateSaysWhatItLeftOut() {
        CostEstimate estimate = CostEstimator.estimate(settings(Map.of("environment", "dev")), PriceBook.load().region("us-west-2"));
        assertThat(estimate.lines()).extracting(CostLine::item).containsExactly("kms.key");
        assertThat(estimate.monthlyUsd()).isEqualTo(1.00);
        assertThat(estimate.notes()).hasSize(5).allMatch(note -> note.contains("is not set"));
    }

    @Test
    void linesAlwaysAddUpToTheTotal() {
        StrataSettings settings = settings(Map.of(
                "environment", "dev",
                "usage", Map.of("dataLake", Map.of("zones", Map.of(
                        "raw", Map.of("storageGiB", Map.of("STANDARD", 333.333, "STANDARD_IA", 777.777),
                                "getRequestsPerMonth", 12_345)),
                        "accessLogsGiB", 0),
                        "kms", Map.of("requestsPerMonth", 12_345))));
        CostEstimate estimate = CostEstimator.estimate(settings, PriceBook.load().region("us-east-1"));
        java.math.BigDecimal sum = estimate.lines().stream().map(line -> java.math.BigDecimal.valueOf(line.monthlyUsd()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertThat(java.math.BigDecimal.valueOf(estimate.monthlyUsd())).isEqualByComparingTo(sum);
        // 333.333 x 0.023 = 7.666659 -> 7.6667
        assertThat(estimate.lines().get(0).monthlyUsd()).isEqualTo(7.6667);
    }

    @Test
    void everyTierOfALineIsDeclaredBeforehand() {
        CostEstimate.Builder builder = new CostEstimate.Builder("us-east-1").tier(new Tier("datalake", "raw"));
        CostLine stray = new CostLine("training", "hot", "fsx.backup", 1, "GB-month", 0.05, 0.05);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.line(stray))
                .hasMessageContaining("undeclared tier training/hot");
        assertThat(CostEstimator.tiers(settings(Map.of("environment", "dev")))).hasSize(5);
        assertThat(List.copyOf(CostEstimator.COMPONENTS)).hasSize(2);
    }
}

package dev.strata.cost;

import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** strata:usage and strata:budget: pairs of valid and invalid config, each problem naming its key. */
class CostSettingsTest {
    private static StrataSettings parse(Map<String, Object> extra) {
        Map<String, Object> values = new java.util.LinkedHashMap<>(extra);
        values.put("environment", "dev");
        return SettingsParser.parse(values);
    }

    @Test
    void aBudgetIsReadWithItsEnforcement() {
        assertThat(parse(Map.of("budget", Map.of("monthlyUsd", 250.5, "enforcement", "mandatory"))).cost().budget())
                .contains(new BudgetSettings(250.5, BudgetSettings.Enforcement.MANDATORY));
        assertThat(parse(Map.of("budget", Map.of("monthlyUsd", "100"))).cost().budget())
                .contains(new BudgetSettings(100, BudgetSettings.Enforcement.ADVISORY));
        assertThat(parse(Map.of()).cost().budget()).isEmpty();
    }

    @Test
    void aBudgetNeedsAPositiveAmountAndAKnownEnforcement() {
        assertThatThrownBy(() -> parse(Map.of("budget", Map.of("enforcement", "mandatory"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:budget.monthlyUsd: is required");
        assertThatThrownBy(() -> parse(Map.of("budget", Map.of("monthlyUsd", -5, "enforcement", "strict", "monthlyUSD", 3))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:budget.monthlyUsd = -5: must be from")
                .hasMessageContaining("strata:budget.enforcement = \"strict\": must be one of advisory, mandatory")
                .hasMessageContaining("strata:budget.monthlyUSD = 3: is not a known setting; did you mean strata:budget.monthlyUsd?");
    }

    @Test
    void usageIsReadPerZoneAndClass() {
        StrataSettings settings = parse(Map.of("usage", Map.of("dataLake", Map.of("zones", Map.of("raw", Map.of(
                "storageGiB", Map.of("STANDARD", 10, "STANDARD_IA", "20.5"), "getRequestsPerMonth", 7))))));
        var raw = settings.cost().usage().dataLake().zones().get("raw");
        assertThat(raw.storageGiB()).containsEntry("STANDARD", 10.0).containsEntry("STANDARD_IA", 20.5);
        assertThat(raw.getRequestsPerMonth()).isEqualTo(7.0);
    }

    @Test
    void usageMustDescribeWhatTheSettingsDeploy() {
        assertThatThrownBy(() -> parse(Map.of("usage", Map.of(
                "dataLake", Map.of(
                        "zones", Map.of(
                                "bronze", Map.of("storageGiB", Map.of("STANDARD", 1)),
                                "feature", Map.of("storageGiB", Map.of("STANDARD_IA", 5, "STANDARD", -1, "STANDRD", 2)),
                                "model", Map.of("transitionsPerMonth", Map.of("DEEP_ARCHIVE", 10))),
                        "accessLogsGiB", 5),
                "kms", Map.of("requests", 3)))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("strata:usage.dataLake.zones.bronze = \"bronze\": is not a zone of strata:dataLake.zones (zones: raw, processed, feature, model)")
                .hasMessageContaining("strata:usage.dataLake.zones.feature.storageGiB.STANDARD_IA = 5.0: zone feature's lifecycle never moves objects to STANDARD_IA (allowed here: STANDARD)")
                .hasMessageContaining("strata:usage.dataLake.zones.feature.storageGiB.STANDARD = -1: must be from 0")
                .hasMessageContaining("strata:usage.dataLake.zones.feature.storageGiB.STANDRD = 2: is not a known setting; did you mean strata:usage.dataLake.zones.feature.storageGiB.STANDARD?")
                .hasMessageContaining("strata:usage.dataLake.zones.model.transitionsPerMonth.DEEP_ARCHIVE = 10.0: zone model's lifecycle never moves objects to DEEP_ARCHIVE (allowed here: STANDARD_IA, GLACIER)")
                .hasMessageContaining("strata:usage.dataLake.accessLogsGiB = 5.0 and strata:dataLake.accessLogs = false")
                .hasMessageContaining("strata:usage.kms.requests = 3: is not a known setting");
    }

    @Test
    void theBucketAndEfsUsageReadersAreReadyForTheTierBranches() {
        dev.strata.core.Problems problems = new dev.strata.core.Problems();
        var root = dev.strata.config.ConfigNode.root(Map.of(
                "cold", Map.of("storageGiB", Map.of("STANDARD_IA", 100, "GLACIER", 5), "getRequestsPerMonth", 1000),
                "warm", Map.of("standardGiB", 10, "readGiBPerMonth", 3, "writeGiBPerMnth", 1)), problems);
        var bucket = dev.strata.cost.CostSettingsParser.bucketUsage(root.objectOrEmpty("cold"), "the cold tier's lifecycle",
                new java.util.LinkedHashSet<>(java.util.List.of("STANDARD", "STANDARD_IA")));
        var efs = dev.strata.cost.CostSettingsParser.efsUsage(root.objectOrEmpty("warm"));
        assertThat(bucket.storageGiB()).containsEntry("STANDARD_IA", 100.0);
        assertThat(efs.standardGiB()).isEqualTo(10.0);
        assertThat(efs.readGiBPerMonth()).isEqualTo(3.0);
        assertThat(problems.messages()).containsExactly(
                "strata:cold.storageGiB.GLACIER = 5.0: the cold tier's lifecycle never moves objects to GLACIER (allowed here: STANDARD, STANDARD_IA)",
                "strata:warm.writeGiBPerMnth = 1: is not a known setting; did you mean strata:warm.writeGiBPerMonth?");
    }
}

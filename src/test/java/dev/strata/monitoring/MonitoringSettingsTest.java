package dev.strata.monitoring;

import dev.strata.core.InvalidConfigException;
import dev.strata.stack.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata:monitoring}: pairs of valid and invalid values, each problem naming its full key. */
class MonitoringSettingsTest {

    private static MonitoringSettings parse(Map<String, Object> monitoring) {
        return SettingsParser.parse(Map.of("environment", "dev", "monitoring", monitoring)).monitoring();
    }

    private static List<String> problems(Map<String, Object> monitoring) {
        try {
            parse(monitoring);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected invalid config");
    }

    @Test
    void unsetMeansNoSubscriptionAndTheArgsDefaults() {
        MonitoringSettings settings = SettingsParser.parse(Map.of("environment", "dev")).monitoring();
        assertThat(settings.emailEndpoints()).isEmpty();
        assertThat(settings.httpsEndpoints()).isEmpty();
        AlarmThresholdsArgs thresholds = settings.thresholds();
        assertThat(List.of(thresholds.fsxFreeStoragePercent(), thresholds.fsxThroughputUtilizationPercent(),
                thresholds.efsBurstCreditBalanceGiB(), thresholds.efsPercentIoLimit(), thresholds.cacheMemoryUsagePercent(),
                thresholds.cacheEvictions(), thresholds.replicationLatencySeconds(), thresholds.replicationFailedOperations()))
                .containsExactly(10, 80, 192, 95, 80, 100, 900, 0);
        assertThat(parse(Map.of()).thresholds().efsPercentIoLimit()).isEqualTo(AlarmThresholdsArgs.DEFAULT_EFS_PERCENT_IO_LIMIT);
    }

    @Test
    void subscriptionsAndThresholdsAreRead() {
        MonitoringSettings settings = parse(Map.of("emailEndpoints", List.of("ml-oncall@example.com"),
                "httpsEndpoints", List.of("https://hooks.example.com/strata"),
                "thresholds", Map.of("efsPercentIoLimit", 90, "cacheEvictions", 0, "replicationLatencySeconds", 60)));
        assertThat(settings.emailEndpoints()).containsExactly("ml-oncall@example.com");
        assertThat(settings.httpsEndpoints()).containsExactly("https://hooks.example.com/strata");
        assertThat(settings.thresholds().efsPercentIoLimit()).isEqualTo(90);
        assertThat(settings.thresholds().cacheEvictions()).isZero();
        assertThat(settings.thresholds().replicationLatencySeconds()).isEqualTo(60);
        assertThat(settings.thresholds().fsxFreeStoragePercent()).isEqualTo(10);
    }

    @Test
    void aThresholdOutOfItsRangeNamesTheFullKeyAndTheRange() {
        assertThat(parse(Map.of("thresholds", Map.of("fsxFreeStoragePercent", 99))).thresholds().fsxFreeStoragePercent()).isEqualTo(99);
        assertThat(problems(Map.of("thresholds", Map.of("fsxFreeStoragePercent", 100)))).containsExactly(
                "strata:monitoring.thresholds.fsxFreeStoragePercent = 100: must be a percent of the capacity from 1 to 99");
        assertThat(parse(Map.of("thresholds", Map.of("efsBurstCreditBalanceGiB", 2150))).thresholds().efsBurstCreditBalanceGiB()).isEqualTo(2150);
        assertThat(problems(Map.of("thresholds", Map.of("efsBurstCreditBalanceGiB", 2151)))).containsExactly(
                "strata:monitoring.thresholds.efsBurstCreditBalanceGiB = 2151: must be GiB of burst credits (EFS starts a file system "
                        + "with 2.1 TiB) from 1 to 2150");
        assertThat(problems(Map.of("thresholds", Map.of("replicationLatencySeconds", 59)))).containsExactly(
                "strata:monitoring.thresholds.replicationLatencySeconds = 59: must be seconds from 60 to 86400");
        assertThat(problems(Map.of("thresholds", Map.of("cacheEvictions", "many")))).singleElement().asString()
                .startsWith("strata:monitoring.thresholds.cacheEvictions = \"many\": must be a whole number");
    }

    @Test
    void endpointsMustBeAddressesAndUrlsWithoutCredentials() {
        assertThat(problems(Map.of("emailEndpoints", List.of("ml-oncall@example.com", "oncall"),
                "httpsEndpoints", List.of("http://hooks.example.com/x", "https://hooks.example.com/x?token=abc")))).containsExactly(
                "strata:monitoring.emailEndpoints[1] = \"oncall\": must be an e-mail address such as ml-oncall@example.com",
                "strata:monitoring.httpsEndpoints[0] = \"http://hooks.example.com/x\": must be an https:// URL with a host",
                "strata:monitoring.httpsEndpoints[1] = \"(not shown)\": must carry no user, password, query or fragment: "
                        + "credentials do not belong in a stack file or a plan");
        assertThat(problems(Map.of("emailEndpoints", List.of("a@example.com", "a@example.com")))).containsExactly(
                "strata:monitoring.emailEndpoints[1] = \"a@example.com\": is listed twice");
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        assertThat(problems(Map.of("email", List.of("a@example.com")))).singleElement().asString()
                .startsWith("strata:monitoring.email = ").contains("emailEndpoints");
    }
}

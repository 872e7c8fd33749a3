package dev.strata.stack;

import dev.strata.core.InvalidConfigException;
import dev.strata.datalake.ReplicationSettings;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** strata:dataLake.replication: each rule with a valid and an invalid case, the message naming the key. */
class ReplicationSettingsTest {
    private static Map<String, Object> stack(Map<String, Object> replication) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environment", "prod");
        values.put("dataLake", Map.of("replication", replication));
        return values;
    }

    private static Map<String, Object> replication(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static ReplicationSettings parsed(Map<String, Object> replication) {
        return SettingsParser.parse(stack(replication), Optional.of("us-west-2")).dataLake().replication().orElseThrow();
    }

    private static List<String> problems(Map<String, Object> replication) {
        try {
            SettingsParser.parse(stack(replication), Optional.of("us-west-2"));
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected invalid config");
    }

    @Test
    void offUnlessSet() {
        assertThat(SettingsParser.parse(Map.of("environment", "prod")).dataLake().replication()).isEmpty();
    }

    @Test
    void defaultsReplicateTheModelZoneWithMetricsAndNoDeleteMarkers() {
        ReplicationSettings settings = parsed(replication("region", "us-east-1", "modelArchive", false));
        assertThat(settings).isEqualTo(new ReplicationSettings("us-east-1", List.of("model"), false, false, true, false));
    }

    @Test
    void theRegionIsARegionCode() {
        assertThat(parsed(replication("region", "eu-central-1", "modelArchive", false)).region()).isEqualTo("eu-central-1");
        assertThat(problems(replication("region", "Frankfurt", "modelArchive", false)))
                .containsExactly("strata:dataLake.replication.region = \"Frankfurt\": must be an AWS Region code such as us-east-2 (the region of the replicas)");
        assertThat(problems(replication("modelArchive", false))).singleElement().asString()
                .startsWith("strata:dataLake.replication.region: is required");
    }

    @Test
    void theRegionIsNotTheStacksOwn() {
        assertThat(problems(replication("region", "us-west-2", "modelArchive", false))).containsExactly(
                "strata:dataLake.replication.region = \"us-west-2\" and aws:region = \"us-west-2\": the replicas go to another region "
                        + "than the stack's; choose a different region");
    }

    @Test
    void zonesAreZonesOfTheDataLakeNamedOnce() {
        assertThat(parsed(replication("region", "us-east-1", "zones", List.of("raw", "model"), "modelArchive", false)).zones())
                .containsExactly("raw", "model");
        assertThat(problems(replication("region", "us-east-1", "zones", List.of("models", "raw", "raw"), "modelArchive", false)))
                .containsExactly(
                        "strata:dataLake.replication.zones[0] = \"models\": must be a zone of strata:dataLake.zones: raw, processed, feature, model",
                        "strata:dataLake.replication.zones[2] = \"raw\": is listed twice; name each zone once");
    }

    @Test
    void somethingIsReplicated() {
        assertThat(parsed(replication("region", "us-east-1", "zones", List.of("feature"), "modelArchive", false)).zones())
                .containsExactly("feature");
        assertThat(problems(replication("region", "us-east-1", "zones", List.of(), "modelArchive", false))).singleElement().asString()
                .startsWith("strata:dataLake.replication.zones = [] and strata:dataLake.replication.modelArchive = false: replication needs something to replicate");
    }

    @Test
    void theModelArchiveNeedsInferenceStorage() {
        assertThat(problems(replication("region", "us-east-1"))).singleElement().asString().startsWith(
                "strata:dataLake.replication.modelArchive = true and strata:inference = \"(not set)\": there is no model archive to replicate");
    }

    @Test
    void replicationTimeControlNeedsMetrics() {
        assertThat(parsed(replication("region", "us-east-1", "modelArchive", false, "replicationTimeControl", true)).replicationTimeControl())
                .isTrue();
        assertThat(problems(replication("region", "us-east-1", "modelArchive", false, "replicationTimeControl", true, "metrics", false)))
                .singleElement().asString().startsWith(
                        "strata:dataLake.replication.replicationTimeControl = true and strata:dataLake.replication.metrics = false");
    }

    @Test
    void anUnknownKeyIsNamed() {
        assertThat(problems(replication("region", "us-east-1", "modelArchive", false, "regoin", "x"))).singleElement().asString()
                .startsWith("strata:dataLake.replication.regoin");
    }
}

package dev.strata.stack;

import dev.strata.config.Environment;
import dev.strata.core.InvalidConfigException;
import dev.strata.datalake.StorageClass;
import dev.strata.datalake.Transition;
import dev.strata.datalake.Zones;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsParserTest {

    private static Map<String, Object> config(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static List<String> problems(Map<String, Object> values) {
        try {
            SettingsParser.parse(values);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected invalid config");
    }

    private static Map<String, Object> zoneWithRule(String zone, Map<String, Object> rule) {
        return config("environment", "dev", "dataLake", config("zones", config(zone, config("lifecycle", List.of(rule)))));
    }

    @Test
    void devDefaultsAreThePlaybookZonesUnprotected() {
        StrataSettings settings = SettingsParser.parse(config("environment", "dev"));
        assertThat(settings.environment()).isEqualTo(Environment.DEV);
        assertThat(settings.protect()).isFalse();
        assertThat(settings.tags()).isEmpty();
        assertThat(settings.dataLake().zones()).isEqualTo(Zones.DEFAULTS);
        assertThat(settings.dataLake().accessLogs()).isFalse();
        assertThat(settings.dataLake().abortIncompleteMultipartUploadDays()).isEqualTo(7);
    }

    @Test
    void prodProtectsByDefaultAndCanBeSwitchedOff() {
        assertThat(SettingsParser.parse(config("environment", "prod")).protect()).isTrue();
        assertThat(SettingsParser.parse(config("environment", "prod", "protect", false)).protect()).isFalse();
        assertThat(SettingsParser.parse(config("environment", "staging")).protect()).isFalse();
    }

    @Test
    void wrongEnvironmentNamesTheKeyAndTheAllowedValues() {
        assertThat(problems(config("environment", "production")))
                .containsExactly("strata:environment = \"production\": must be one of dev, staging, prod");
    }

    @Test
    void missingEnvironmentIsAnError() {
        assertThat(problems(config())).containsExactly("strata:environment: is required; one of dev, staging, prod");
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearestOne() {
        assertThat(problems(config("environment", "dev", "dataLak", Map.of())))
                .containsExactly("strata:dataLak = {}: is not a known setting; did you mean strata:dataLake?");
    }

    @Test
    void unknownNestedKeyIsNamedWithItsFullPath() {
        assertThat(problems(config("environment", "dev", "dataLake", config("accesLogs", true))))
                .containsExactly("strata:dataLake.accesLogs = true: is not a known setting; did you mean strata:dataLake.accessLogs?");
    }

    @Test
    void infrequentAccessTransitionBefore30DaysIsRejected() {
        List<String> problems = problems(zoneWithRule("raw", config("id", "early",
                "transitions", List.of(config("days", 10, "storageClass", "STANDARD_IA")))));
        assertThat(problems).containsExactly("strata:dataLake.zones.raw.lifecycle[0].transitions[0].days = 10: "
                + "STANDARD_IA needs at least 30 days (S3 does not move younger objects to an IA class)");
    }

    @Test
    void infrequentAccessTransitionAt30DaysIsAccepted() {
        StrataSettings settings = SettingsParser.parse(zoneWithRule("raw", config("id", "ok",
                "transitions", List.of(config("days", 30, "storageClass", "STANDARD_IA")))));
        assertThat(settings.dataLake().zones().get(0).lifecycle().get(0).transitions())
                .containsExactly(new Transition(30, StorageClass.STANDARD_IA));
    }

    @Test
    void unknownStorageClassListsTheAllowedOnes() {
        assertThat(problems(zoneWithRule("raw", config("id", "cold",
                "transitions", List.of(config("days", 30, "storageClass", "COLD"))))))
                .containsExactly("strata:dataLake.zones.raw.lifecycle[0].transitions[0].storageClass = \"COLD\": "
                        + "must be one of STANDARD_IA, INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems(config("environment", "qa", "tagz", Map.of(),
                "dataLake", config("zones", config("raw", config("lifecycle", List.of(config("id", "x",
                        "transitions", List.of(config("days", 10, "storageClass", "ONEZONE_IA")))))))));
        assertThat(problems).hasSize(3);
        assertThat(problems).anyMatch(p -> p.startsWith("strata:environment = \"qa\""));
        assertThat(problems).anyMatch(p -> p.startsWith("strata:tagz = {}: is not a known setting; did you mean strata:tags?"));
        assertThat(problems).anyMatch(p -> p.startsWith("strata:dataLake.zones.raw.lifecycle[0].transitions[0].days = 10"));
    }

    @Test
    void engineValuesAsStringsAreAccepted() {
        StrataSettings settings = SettingsParser.parse(config("environment", "prod", "protect", "false",
                "dataLake", config("abortIncompleteMultipartUploadDays", "3", "accessLogs", "true")));
        assertThat(settings.protect()).isFalse();
        assertThat(settings.dataLake().abortIncompleteMultipartUploadDays()).isEqualTo(3);
        assertThat(settings.dataLake().accessLogs()).isTrue();
    }

    @Test
    void notABooleanIsRejected() {
        assertThat(problems(config("environment", "dev", "protect", "yes")))
                .containsExactly("strata:protect = \"yes\": must be true or false");
    }

    @Test
    void tagsAreKeptAndReservedKeysRejected() {
        assertThat(SettingsParser.parse(config("environment", "dev", "tags", config("cost-center", "ml"))).tags())
                .containsExactlyEntriesOf(Map.of("cost-center", "ml"));
        assertThat(problems(config("environment", "dev", "tags", config("tier", "gold"))))
                .containsExactly("strata:tags.tier = \"gold\": is set by Strata itself; reserved tag keys: environment, component, tier");
        assertThat(problems(config("environment", "dev", "tags", config("aws:owner", "me"))))
                .containsExactly("strata:tags.aws:owner = \"me\": a tag key must be 1 to 128 letters, digits, spaces or _.:/=+-@ and must not start with aws:");
    }

    @Test
    void namedZonesReplaceTheDefaultsAndKeepTheirPlaybookRules() {
        StrataSettings settings = SettingsParser.parse(config("environment", "dev",
                "dataLake", config("zones", config("raw", Map.of(), "scratch", config("versioning", false)))));
        assertThat(settings.dataLake().zones()).extracting(zone -> zone.name()).containsExactly("raw", "scratch");
        assertThat(settings.dataLake().zones().get(0)).isEqualTo(Zones.RAW);
        assertThat(settings.dataLake().zones().get(1).versioning()).isFalse();
        assertThat(settings.dataLake().zones().get(1).lifecycle()).isEmpty();
    }

    @Test
    void zoneNamesMustBeBucketSafe() {
        assertThat(problems(config("environment", "dev", "dataLake", config("zones", config("Raw_Zone", Map.of())))))
                .containsExactly("strata:dataLake.zones.Raw_Zone = \"Raw_Zone\": a zone name must be 1 to 20 lower-case "
                        + "letters, digits or hyphens, starting and ending with a letter or digit");
    }

    @Test
    void lifecycleRuleFieldsAreTypedAndUnknownOnesRejected() {
        assertThat(problems(zoneWithRule("raw", config("id", "r", "expirationDay", 30))))
                .contains("strata:dataLake.zones.raw.lifecycle[0].expirationDay = 30: is not a known setting; "
                        + "did you mean strata:dataLake.zones.raw.lifecycle[0].expirationDays?");
        assertThat(problems(zoneWithRule("raw", config("id", "r", "expirationDays", "soon"))))
                .containsExactly("strata:dataLake.zones.raw.lifecycle[0].expirationDays = \"soon\": must be a whole number from 1 to 36500");
    }
}

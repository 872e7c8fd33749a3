package dev.strata.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stack files read as Pulumi (go-yaml v3) reads them. */
class PulumiYamlTest {

    private static PulumiYaml.Document read(String yaml) {
        return PulumiYaml.read(yaml, PulumiYaml.KeyNames.STACK_FILE);
    }

    @SuppressWarnings("unchecked")
    private static Object configValue(String scalar) {
        PulumiYaml.Document document = read("config:\n  strata:x: " + scalar + "\n");
        assertThat(document.problems()).isEmpty();
        return ((Map<String, Object>) ((Map<String, Object>) document.value()).get("config")).get("strata:x");
    }

    /** What go-yaml v3's resolve.go makes of each plain scalar (and what YAML 1.1 readers made of some). */
    static Stream<Arguments> scalars() {
        return Stream.of(
                // YAML 1.1 forms that are strings in YAML 1.2 and in Pulumi
                Arguments.of("20:00", "20:00"),
                Arguments.of("1:30:00", "1:30:00"),
                Arguments.of("yes", "yes"),
                Arguments.of("no", "no"),
                Arguments.of("on", "on"),
                Arguments.of("off", "off"),
                Arguments.of("y", "y"),
                Arguments.of("tRUE", "tRUE"),
                // booleans and null by exact spelling
                Arguments.of("true", true),
                Arguments.of("True", true),
                Arguments.of("FALSE", false),
                Arguments.of("~", null),
                Arguments.of("null", null),
                Arguments.of("Null", null),
                Arguments.of("", null),
                // integers: YAML 1.2 prefixes, and yaml.v3's compatibility forms
                Arguments.of("1200", 1200L),
                Arguments.of("+12", 12L),
                Arguments.of("-7", -7L),
                Arguments.of("0o14", 12L),
                Arguments.of("014", 12L),
                Arguments.of("0x1F", 31L),
                Arguments.of("0b101", 5L),
                Arguments.of("1_000", 1000L),
                Arguments.of("08", 8.0),
                Arguments.of("18446744073709551615", new BigInteger("18446744073709551615")),
                // floats
                Arguments.of("1.5", 1.5),
                Arguments.of("1e3", 1000.0),
                Arguments.of(".5", 0.5),
                Arguments.of("1.", 1.0),
                Arguments.of(".inf", Double.POSITIVE_INFINITY),
                Arguments.of("-.Inf", Double.NEGATIVE_INFINITY),
                // strings
                Arguments.of("0x", "0x"),
                Arguments.of("1.2.3", "1.2.3"),
                Arguments.of("us-east-1", "us-east-1"),
                Arguments.of("'1200'", "1200"),
                Arguments.of("\"true\"", "true"),
                Arguments.of("!!str 12", "12"),
                Arguments.of("!!float 12", 12.0),
                Arguments.of("!custom 12", "12"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("scalars")
    void plainScalarsResolveAsPulumiResolvesThem(String scalar, Object expected) {
        assertThat(configValue(scalar)).isEqualTo(expected);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheKeyAndBothLines() {
        PulumiYaml.Document document = read("""
                config:
                  strata:environment: dev
                  aws:region: us-east-1
                  strata:environment: prod
                  strata:training:
                    hot:
                      storageGiB: 3600
                      storageGiB: 1200
                """);
        assertThat(document.problems()).containsExactly(
                "strata:environment: is given twice, on lines 2 and 4; Pulumi refuses a key given twice (keep one)",
                "strata:training.hot.storageGiB: is given twice, on lines 7 and 8; Pulumi refuses a key given twice (keep one)");
    }

    @Test
    void keysThatResolveToTheSameTextAreDuplicates() {
        assertThat(read("config:\n  strata:tags:\n    a: 1\n    'a': 2\n").problems())
                .singleElement().asString().startsWith("strata:tags.a: is given twice, on lines 3 and 4");
    }

    @Test
    void anAliasOfAValueThatContainsItIsRefusedNamingTheKey() {
        PulumiYaml.Document document = read("config:\n  strata:tags: &t {owner: [*t]}\n");
        assertThat(document.problems()).singleElement().asString()
                .startsWith("strata:tags.owner[0]: the alias *t (line 2) refers to a value that contains it");
    }

    @Test
    void aliasesExpandToCopiesWithinABound() {
        PulumiYaml.Document ok = read("config:\n  strata:a: &a {x: 1}\n  strata:b: *a\n");
        assertThat(ok.problems()).isEmpty();
        StringBuilder laughs = new StringBuilder("config:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            laughs.append("  l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                laughs.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            laughs.append("]\n");
        }
        assertThat(read(laughs.toString()).problems()).anySatisfy(p ->
                assertThat(p).contains("expands (aliases included) to more than " + PulumiYaml.MAX_VALUES + " values"));
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() {
        String deep = "config:\n  strata:x: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        assertThat(read(deep).problems()).singleElement().asString().contains("nests deeper than " + PulumiYaml.MAX_DEPTH + " levels");
    }

    @Test
    void mergeKeysAddWhatTheMappingDoesNotSet() {
        assertThat(configValue("{<<: {a: 1, b: 2}, b: 3}")).isEqualTo(Map.of("a", 1L, "b", 3L));
    }

    @Test
    void unquotedDatesAreReportedBecausePulumiRewritesThem() {
        assertThat(read("config:\n  strata:tags:\n    created: 2024-01-31\n").problems()).singleElement().asString()
                .startsWith("strata:tags.created: = \"2024-01-31\" is read by Pulumi as a timestamp");
        assertThat(configValue("'2024-01-31'")).isEqualTo("2024-01-31");
        assertThat(configValue("2024-13-45")).isEqualTo("2024-13-45");
    }

    @Test
    void keysThatAreNotTextAreRefused() {
        assertThat(read("config:\n  strata:tags:\n    true: x\n").problems()).singleElement().asString()
                .isEqualTo("strata:tags: line 3: the key true is read as a boolean, not as text; quote it");
        assertThat(configValue("{1: x}")).isEqualTo(Map.of("1", "x"));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThat(read("config:\n  strata:x: [unclosed\n").problems()).singleElement().asString()
                .startsWith("is not valid YAML: line 3");
    }

    @Test
    void onlyTheFirstDocumentIsRead() {
        PulumiYaml.Document document = read("config:\n  strata:x: 1\n---\nconfig:\n  strata:x: 2\n");
        assertThat(document.value()).isEqualTo(Map.of("config", Map.of("strata:x", 1L)));
        assertThat(document.warnings()).singleElement().asString().contains("Pulumi reads only the first");
    }

    @Test
    void listsKeepTheirOrderAndNulls() {
        assertThat(configValue("[b, ~, a]")).isEqualTo(java.util.Arrays.asList("b", null, "a"));
        assertThat(configValue("[]")).isEqualTo(List.of());
    }
}

package dev.strata.config;

import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pulumi.yaml's project config, merged under a stack's as the Pulumi CLI merges it (stack value over project value). */
class ProjectConfigTest {
    private static final String PROJECT = """
            name: strata
            runtime: java
            config:
              aws:region: eu-west-1
              strata:environment:
                type: string
              strata:protect:
                type: boolean
              strata:tags:
                type: object
                default: {team: platform}
              owner:
                type: string
                default: ml-platform
              strata:budget:
                type: object
                default: {unset: true}
              strata:zones:
                type: array
                items:
                  type: integer
                default: []
            """;

    private static Path project(Path root, String stack) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), PROJECT);
        return Files.writeString(root.resolve("Pulumi.dev.yaml"), stack);
    }

    @Test
    void theStackValueWinsAndTheProjectFillsWhatTheStackLeavesOut(@TempDir Path root) throws IOException {
        project(root, "config:\n  strata:environment: dev\n  strata:protect: false\n  strata:owner: data-team\n  strata:zones: [1, 2]\n");
        StackConfig config = SettingsParser.forStack(root, "dev", null);
        // Project value (aws:region), project default (tags), a key without namespace (owner is strata:owner), the stack's own values.
        assertThat(config.awsRegion()).contains("eu-west-1");
        assertThat(config.strataValues()).containsExactlyInAnyOrderEntriesOf(Map.of("environment", "dev", "protect", false,
                "owner", "data-team", "zones", List.of(1L, 2L), "tags", Map.of("team", "platform")));

        project(root, "config:\n  aws:region: us-east-2\n  strata:environment: dev\n  strata:protect: true\n  strata:tags: {cost-center: ml}\n");
        config = SettingsParser.forStack(root, "dev", null);
        assertThat(config.awsRegion()).contains("us-east-2");
        // A stack's object replaces the project's whole, as in the CLI (no deep merge).
        assertThat(config.strataValues()).containsEntry("tags", Map.of("cost-center", "ml")).containsEntry("owner", "ml-platform");
    }

    @Test
    void theUnsetDefaultIsNoValue(@TempDir Path root) throws IOException {
        project(root, "config:\n  strata:environment: dev\n  strata:protect: false\n");
        StackConfig config = SettingsParser.forStack(root, "dev", null);
        assertThat(config.values()).containsEntry("strata:budget", ProjectConfig.UNSET);
        assertThat(config.strataValues()).doesNotContainKey("budget");
        // The engine hands the program the same default as JSON text; it reads as no value too.
        assertThat(StackConfig.fromPulumiEngine("{\"strata:budget\":\"{\\\"unset\\\":true}\",\"strata:environment\":\"dev\"}")
                .strataValues()).containsOnlyKeys("environment");
    }

    @Test
    void aProjectKeyWithoutDefaultIsRequiredInEveryStackFile(@TempDir Path root) throws IOException {
        Path file = project(root, "config:\n  aws:region: us-east-1\n");
        assertThatThrownBy(() -> ProjectConfig.load(root).merge(StackConfig.load(file), "dev", file)).isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactly(
                        "strata:environment: is required: Pulumi.yaml declares it without a default, so every stack sets it; "
                                + file + " (stack dev) does not",
                        "strata:protect: is required: Pulumi.yaml declares it without a default, so every stack sets it; "
                                + file + " (stack dev) does not"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheKeyTheTypeAndTheFile(@TempDir Path root) throws IOException {
        Path file = project(root, "config:\n  strata:environment: dev\n  strata:protect: maybe\n  strata:tags: [a]\n  strata:zones: [1, x]\n");
        assertThatThrownBy(() -> ProjectConfig.load(root).merge(StackConfig.load(file), "dev", file)).isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactly(
                        "strata:protect = \"maybe\": must be of type boolean (declared in Pulumi.yaml; set in " + file + ")",
                        "strata:tags = [a]: must be of type object (declared in Pulumi.yaml; set in " + file + ")",
                        "strata:zones = [1, x]: must be of type array of integer (declared in Pulumi.yaml; set in " + file + ")"));
        // Scalars may come as their text, as the engine passes them.
        project(root, "config:\n  strata:environment: 7\n  strata:protect: 'true'\n  strata:zones: ['3']\n");
        assertThat(SettingsParser.forStack(root, "dev", null).strataValues()).containsEntry("protect", "true");
    }

    @Test
    void strataPlanListsTheSettingsOwnProblemsWithTheProjectsOnce(@TempDir Path root) throws IOException {
        // pulumi up stops at the project's problems; strata plan lists every problem at once, each key once.
        Files.writeString(root.resolve("Pulumi.yaml"), Files.readString(Path.of("Pulumi.yaml")));
        Path file = Files.writeString(root.resolve("Pulumi.dev.yaml"),
                "config:\n  strata:environment: dev\n  strata:tags: [a]\n  strata:dataLake: {accessLogs: maybe}\n");
        assertThatThrownBy(() -> SettingsParser.forStack(root, "dev", null)).isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactly(
                        "strata:protect: is required: Pulumi.yaml declares it without a default, so every stack sets it; "
                                + file + " (stack dev) does not",
                        "strata:tags = [a]: must be of type object (declared in Pulumi.yaml; set in " + file + ")",
                        "strata:dataLake.accessLogs = \"maybe\": must be true or false"));
    }

    @Test
    void aMalformedDeclarationIsReportedAsThePulumiCliReportsIt(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), """
                name: strata
                runtime: java
                config:
                  aws:region:
                    type: string
                  strata:zones:
                    type: array
                  strata:size:
                    type: number
                  strata:mode:
                    type: string
                    required: true
                  strata:count:
                    type: integer
                    default: many
                """);
        Path file = root.resolve("Pulumi.yaml");
        assertThatThrownBy(() -> ProjectConfig.load(root)).isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactlyInAnyOrder(
                        file + ": config.aws:region.type = \"string\": only the project's own keys (strata:...) take a type; "
                                + "another namespace's key takes a value",
                        file + ": config.strata:zones.items: is required: an array declares the type of its items",
                                file + ": config.strata:size.type = \"number\": one of [string, integer, boolean, array, object]",
                        file + ": config.strata:mode.required = true: not a config attribute; a structured value is written under value: "
                                + "(attributes: [type, items, description, secret, default, value])",
                        file + ": config.strata:count.default = \"many\": must be of the declared type integer"));
    }

    @Test
    void aProjectWithoutPulumiYamlHasNoProjectConfig(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  strata:environment: dev\n");
        assertThat(SettingsParser.forStack(root, "dev", null).values()).containsOnlyKeys("strata:environment");
    }

    // Strata's own Pulumi.yaml.

    @SuppressWarnings("unchecked")
    private static Map<String, Object> declared() throws IOException {
        Map<String, Object> project = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(Path.of("Pulumi.yaml")));
        return (Map<String, Object>) project.get("config");
    }

    /** The top-level keys SettingsParser reads, as its "known settings" message lists them. */
    private static Set<String> settingsTheParserReads() {
        try {
            SettingsParser.parse(Map.of("environment", "dev", "zzzzzzzzzzzzzzzzzzzz", 1));
        } catch (InvalidConfigException e) {
            Matcher known = Pattern.compile("strata:zzzzzzzzzzzzzzzzzzzz = 1: is not a known setting; known settings here: (.*)")
                    .matcher(String.join("\n", e.problems()));
            assertThat(known.find()).as(e.getMessage()).isTrue();
            return new TreeSet<>(Arrays.asList(known.group(1).split(", ")));
        }
        throw new AssertionError("an unknown setting was accepted");
    }

    @Test
    void everySettingIsDeclaredWithAType() throws IOException {
        Map<String, Object> declared = declared();
        Set<String> keys = new TreeSet<>();
        declared.keySet().forEach(key -> keys.add(key.substring("strata:".length())));
        assertThat(keys).isEqualTo(settingsTheParserReads());
        declared.forEach((key, declaration) -> assertThat(((Map<?, ?>) declaration).get("type")).as(key)
                .isIn("string", "boolean", "object"));
        assertThat(ProjectConfig.load(Path.of("")).declarations()).hasSameSizeAs(declared);
    }

    @Test
    void eachDefaultMeansWhatNoValueMeans() throws IOException {
        // The default in Pulumi.yaml must not become a second owner of a default: for every stack file
        // of the project, leaving a key out reads the same as setting it to its declared default.
        for (String stack : List.of("dev", "staging", "prod")) {
            Map<String, Object> values = StackConfig.load(Path.of("Pulumi." + stack + ".yaml")).strataValues();
            StrataSettings expected = SettingsParser.parse(values);
            declared().forEach((key, declaration) -> {
                Object defaultValue = ((Map<?, ?>) declaration).get("default");
                String name = key.substring("strata:".length());
                if (defaultValue == null) {
                    assertThat(name).as("a key without a default is required").isIn("environment", "protect");
                    assertThat(values).as(stack + " sets " + key).containsKey(name);
                    return;
                }
                Map<String, Object> without = new LinkedHashMap<>(values);
                without.remove(name);
                Map<String, Object> defaulted = new StackConfig(prefixed(without, key, defaultValue)).strataValues();
                assertThat(outcome(defaulted)).as(stack + " without " + key + " and with its default").isEqualTo(outcome(without));
            });
            assertThat(SettingsParser.parse(SettingsParser.forStack(Path.of(""), stack, null).strataValues())).isEqualTo(expected);
        }
    }

    /** The settings, or the problems (a stack without its network is invalid, with or without the default). */
    private static Object outcome(Map<String, Object> strataValues) {
        try {
            return SettingsParser.parse(strataValues);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
    }

    private static Map<String, Object> prefixed(Map<String, Object> strataValues, String key, Object value) {
        Map<String, Object> all = new LinkedHashMap<>();
        strataValues.forEach((name, v) -> all.put("strata:" + name, v));
        all.put(key, value);
        return all;
    }

    @Test
    void keysWithoutAStaticDefaultDefaultToUnset() throws IOException {
        Map<String, Object> declared = declared();
        for (String key : List.of("network", "training", "inference", "budget", "cluster", "workloads")) {
            assertThat(((Map<?, ?>) declared.get("strata:" + key)).get("default")).as(key).isEqualTo(ProjectConfig.UNSET);
        }
        assertThat(Optional.ofNullable(((Map<?, ?>) declared.get("strata:environment")).get("default"))).isEmpty();
    }
}

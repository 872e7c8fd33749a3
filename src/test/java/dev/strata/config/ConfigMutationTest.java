package dev.strata.config;

import dev.strata.stack.SettingsParser;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.strata.App;
import dev.strata.policy.PolicyRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated test: every key Pulumi.yaml declares gets one mutation of each kind (wrong type, no
 * value, out of range, an unknown sibling, given twice), applied to the prod stack file, and each
 * mutated file must be refused by {@code strata plan}: exit 2, the key named, nothing on stdout, no
 * stack trace, an existing --out file untouched. Out-of-range mutations also walk every number inside
 * a structured setting. A key declared later is covered without a new test.
 */
class ConfigMutationTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    private static final byte[] OLD = "{\"the\": \"previous plan\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    /** The config keys Pulumi.yaml declares, with their declared scalar type (null for structured settings). */
    @SuppressWarnings("unchecked")
    static Map<String, String> declaredKeys() throws IOException {
        PulumiYaml.Document project = PulumiYaml.read(Files.readString(PROJECT.resolve("Pulumi.yaml")), (parent, key) ->
                parent.isEmpty() ? key : parent + "." + key);
        assertThat(project.problems()).isEmpty();
        Map<String, Object> config = (Map<String, Object>) ((Map<String, Object>) project.value()).get("config");
        Map<String, String> declared = new LinkedHashMap<>();
        // An object setting (type: object) is structured: its number leaves are mutated one by one.
        config.forEach((key, declaration) -> declared.put(key, declaration instanceof Map<?, ?> d && !"object".equals(d.get("type"))
                ? (String) d.get("type") : null));
        return declared;
    }

    /** The parser reads exactly the strata: keys Pulumi.yaml declares (one list, checked against the other). */
    @Test
    void everyDeclaredKeyIsASettingAndEverySettingIsDeclared() throws IOException {
        assertThat(declaredKeys().keySet()).containsExactlyInAnyOrderElementsOf(
                StackConfig.STRATA_KEYS.stream().map(key -> "strata:" + key).toList());
    }

    private static Map<String, Object> base() {
        StackConfig prod = StackConfig.load(PROJECT.resolve("Pulumi.prod.yaml"));
        assertThat(prod.problems()).isEmpty();
        return new LinkedHashMap<>(prod.values());
    }

    /** A stack file of {@code entries} (keys may repeat) with JSON flow values: JSON is YAML 1.2. */
    private static String stackFile(List<Map.Entry<String, Object>> entries) {
        StringBuilder yaml = new StringBuilder("config:\n");
        entries.forEach(e -> yaml.append("  ").append(GSON.toJson(e.getKey())).append(": ").append(GSON.toJson(e.getValue())).append('\n'));
        return yaml.toString();
    }

    private static List<Map.Entry<String, Object>> entries(Map<String, Object> values) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>();
        values.forEach((k, v) -> entries.add(new java.util.AbstractMap.SimpleEntry<>(k, v)));
        return entries;
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private record Mutation(String name, String yaml, String expectedKey) {
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> everyDeclaredKeyRefusesEveryMutation() throws IOException {
        Map<String, Object> base = base();
        List<Mutation> mutations = new ArrayList<>();
        for (Map.Entry<String, String> declared : declaredKeys().entrySet()) {
            String key = declared.getKey();
            String type = declared.getValue();
            Object present = base.get(key);
            Object example = present != null ? present : type == null ? Map.of() : type.equals("boolean") ? (Object) true : "dev";

            Object wrongType = type == null ? "not-an-object" : type.equals("boolean") ? Map.of("a", 1) : List.of(1);
            mutations.add(new Mutation(key + ": wrong type", stackFile(entries(with(base, key, wrongType))), key));
            mutations.add(new Mutation(key + ": no value", stackFile(entries(with(base, key, null))), key));
            if (type != null) {
                Object outOfRange = type.equals("boolean") ? "yes" : "x".repeat(300);
                mutations.add(new Mutation(key + ": out of range", stackFile(entries(with(base, key, outOfRange))), key));
            } else {
                numberLeaves(example, key, (path, replace) -> {
                    for (Object bad : List.of(-1, 1_000_000_000_000_000L)) {
                        mutations.add(new Mutation(path + " = " + bad + ": out of range",
                                stackFile(entries(with(base, key, replace.apply(bad)))), path));
                    }
                });
            }
            mutations.add(new Mutation(key + ": unknown sibling", stackFile(entries(with(with(base, key, example), key + "X", example))),
                    key + "X"));
            if (example instanceof Map<?, ?> object && !key.equals("strata:tags") && !key.equals("strata:workloads")) {
                Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) object);
                child.put("notASetting", 1);
                mutations.add(new Mutation(key + ": unknown child", stackFile(entries(with(base, key, child))), key + ".notASetting"));
            }
            List<Map.Entry<String, Object>> twice = entries(with(base, key, example));
            twice.add(new java.util.AbstractMap.SimpleEntry<>(key, example));
            mutations.add(new Mutation(key + ": given twice", stackFile(twice), key + ": is given twice, on lines"));
        }
        assertThat(mutations).hasSizeGreaterThan(5 * declaredKeys().size());
        return mutations.stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> assertRefused(m)));
    }

    private static void assertRefused(Mutation mutation) throws IOException {
        Path file = Files.writeString(dir.resolve("Pulumi.mutated.yaml"), mutation.yaml());
        Path out = Files.write(dir.resolve("plan.json"), OLD);
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        // A runner with no pack: a mutation that got past validation would exit 4, never 2.
        int exit = App.run(new String[]{"plan", "--stack", "mutated", "--config-file", file.toString(), "--format", "json",
                        "--out", out.toString()}, PROJECT, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), new PolicyRunner(dir.resolve("no-pack"), "node"));
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err).isEqualTo(2);
        assertThat(err).contains(mutation.expectedKey()).doesNotContain("Exception", "\tat ");
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out).hasBinaryContent(OLD);
    }

    /** Calls {@code visit} with the key path of every number inside {@code value} and a copy of it with that number replaced. */
    private static void numberLeaves(Object value, String path, LeafVisitor visit) {
        walk(value, path, UnaryOperator.identity(), visit);
    }

    interface LeafVisitor {
        void leaf(String path, java.util.function.Function<Object, Object> replace);
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object value, String path, java.util.function.Function<Object, Object> rebuild, LeafVisitor visit) {
        if (value instanceof Number) {
            visit.leaf(path, rebuild);
        } else if (value instanceof Map<?, ?> map) {
            for (Object k : map.keySet()) {
                walk(map.get(k), path + "." + k, replacement -> {
                    Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                    copy.put((String) k, replacement);
                    return rebuild.apply(copy);
                }, visit);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                walk(list.get(i), path + "[" + i + "]", replacement -> {
                    List<Object> copy = new ArrayList<>(list);
                    copy.set(index, replacement);
                    return rebuild.apply(copy);
                }, visit);
            }
        }
    }
}

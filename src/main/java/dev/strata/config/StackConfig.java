package dev.strata.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.core.InvalidConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import javax.annotation.Nullable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's config as the Pulumi CLI keeps it in {@code Pulumi.<stack>.yaml}: namespaced keys
 * ({@code strata:environment}, {@code aws:region}) under {@code config:}. The offline plan reads it
 * from the file; the Pulumi CLI run gets the same keys from the engine ({@link #fromPulumiEngine}).
 *
 * @param values every config key with its namespace, e.g. {@code strata:environment}
 */
public record StackConfig(Map<String, Object> values) {
    private static final String NAMESPACE = "strata:";

    public StackConfig {
        values = Map.copyOf(values);
    }

    /**
     * The values of the {@code strata:} namespace, keyed without the prefix. A value that is the
     * project's "not set" default ({@link ProjectConfig#UNSET}) is left out: Strata's own default applies.
     */
    public Map<String, Object> strataValues() {
        Map<String, Object> strata = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(NAMESPACE) && !ProjectConfig.UNSET.equals(value)) {
                strata.put(key.substring(NAMESPACE.length()), value);
            }
        });
        return strata;
    }

    /** The AWS region of the stack ({@code aws:region}), if set. */
    public Optional<String> awsRegion() {
        return Optional.ofNullable(values.get("aws:region")).map(String::valueOf);
    }

    /**
     * The stack file of {@code stack}, where the Pulumi CLI reads it: {@code Pulumi.<stack>.yaml}
     * beside {@code Pulumi.yaml} (or in its {@code stackConfigDir}). Two files that could serve the
     * stack are an error naming both ({@link ProjectConfig#stackFile}).
     */
    public static Path locate(Path projectRoot, String stack) {
        return ProjectConfig.load(projectRoot).stackFile(projectRoot, stack);
    }

    /**
     * Stack {@code stack}'s config as {@code pulumi up} sees it: its stack file ({@code configFile} when
     * given, as {@code --config-file} does for the CLI, else {@link #locate}) over the project-level
     * config of {@code Pulumi.yaml} ({@link ProjectConfig#merge}).
     */
    public static StackConfig forStack(Path projectRoot, String stack, @Nullable Path configFile) {
        ProjectConfig project = ProjectConfig.load(projectRoot);
        Path file = configFile != null ? configFile : project.stackFile(projectRoot, stack);
        if (configFile == null && !Files.isRegularFile(file)) {
            throw new InvalidConfigException(List.of(file + ": no such stack file; the Pulumi CLI keeps stack " + stack
                    + "'s config there (pulumi stack init and pulumi config set write it); pass --config-file to read another"));
        }
        ProjectConfig.Merged merged = project.mergeCollecting(load(file), stack, file);
        if (merged.problems().isEmpty()) {
            return merged.config();
        }
        // pulumi up stops here, before the program runs; strata plan lists the settings' own problems
        // with these (every problem at once), leaving out those about a key already named.
        List<String> problems = new ArrayList<>(merged.problems());
        try {
            SettingsParser.parse(merged.config().strataValues());
        } catch (InvalidConfigException settings) {
            settings.problems().stream()
                    .filter(problem -> merged.problems().stream().noneMatch(named -> sameKey(named, problem)))
                    .forEach(problems::add);
        }
        throw new InvalidConfigException(problems);
    }

    /** Whether two problems name the same setting: both start with its key, then " = " or ":". */
    private static boolean sameKey(String problem, String other) {
        String key = problem.split(" = |: ", 2)[0];
        return other.startsWith(key + " = ") || other.startsWith(key + ": ") || other.startsWith(key + ".");
    }

    /** Reads a stack file. A missing or malformed file is reported as invalid config, naming the file. */
    public static StackConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(List.of(file + ": no such stack file (looked for Pulumi.<stack>.yaml "
                    + "in the project root and in stacks/; pass --config-file to name another)"));
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException | YAMLException e) {
            throw new InvalidConfigException(List.of(file + ": cannot be read as YAML: " + firstLine(e.getMessage())));
        }
        if (document == null) {
            return new StackConfig(Map.of());
        }
        Object configSection = document instanceof Map<?, ?> top ? top.get("config") : null;
        if (configSection == null && document instanceof Map<?, ?>) {
            configSection = Map.of();
        }
        if (!(configSection instanceof Map<?, ?> config)) {
            throw new InvalidConfigException(List.of(file + ": a stack file holds a 'config:' map of namespaced keys"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        config.forEach((key, value) -> values.put(String.valueOf(key), value));
        return new StackConfig(values);
    }

    /**
     * The config the Pulumi engine hands the program: the language host passes every key as JSON in
     * the {@code PULUMI_CONFIG} environment variable (keys {@code ns:key}, or {@code ns:config:key} in
     * older engines; objects and lists as JSON text), so the parser can see the keys it does not know.
     */
    public static StackConfig fromPulumiEngine(String pulumiConfigJson) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (pulumiConfigJson == null || pulumiConfigJson.isBlank()) {
            return new StackConfig(values);
        }
        JsonObject object = JsonParser.parseString(pulumiConfigJson).getAsJsonObject();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String key = entry.getKey().replaceFirst("^([^:]+):config:", "$1:");
            String text = entry.getValue().getAsString();
            values.put(key, parseStructured(text));
        }
        return new StackConfig(values);
    }

    /** Structured config reaches the program as JSON text; scalars stay strings (the parser reads both). */
    private static Object parseStructured(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return new Yaml(new SafeConstructor(new LoaderOptions())).load(trimmed);
            } catch (YAMLException e) {
                return text;
            }
        }
        return text;
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}

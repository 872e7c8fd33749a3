package dev.strata.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.strata.core.FileErrors;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stack's config as the Pulumi CLI keeps it in {@code Pulumi.<stack>.yaml}: namespaced keys
 * ({@code strata:environment}, {@code aws:region}) under {@code config:}. The offline plan reads it
 * from the file ({@link PulumiYaml}: as Pulumi reads it); the Pulumi CLI run gets the same keys from
 * the engine ({@link #fromPulumiEngine}).
 *
 * @param values   every config key with its namespace, e.g. {@code strata:environment}; a key written
 *                 with no value ({@code strata:tags:}, {@code aws:region: ~}) maps to null
 * @param problems what Pulumi refuses in the file (a key given twice, a key without a namespace, an
 *                 alias of itself...) or would hand the program rewritten; reported with the settings' problems
 * @param warnings what Pulumi accepts but no package of this program reads (a misspelt namespace or
 *                 top-level key), each naming the nearest key that is read
 */
public record StackConfig(Map<String, Object> values, List<String> problems, List<String> warnings) {
    private static final String NAMESPACE = "strata:";
    /** The region key of the AWS provider. */
    public static final String REGION = "aws:region";
    /**
     * Config namespaces the packages of this program read: Strata's own, the AWS and Kubernetes
     * providers' (aws:region, kubernetes:...), and Pulumi's (pulumi:tags, pulumi:disable-default-providers).
     */
    public static final List<String> READ_NAMESPACES = List.of("strata", "aws", "kubernetes", "pulumi");
    /**
     * The settings of the {@code strata:} namespace, each read by the stack's settings parser
     * (dev.strata.stack.SettingsParser; a test checks them against what it reads and against
     * Pulumi.yaml's declarations). Typo suggestions for a stack file's keys come from this list.
     */
    public static final List<String> STRATA_KEYS = List.of("environment", "protect", "tags", "dataLake", "network", "training",
            "inference", "cluster", "workloads", "usage", "budget", "monitoring");

    /**
     * The top-level keys of a stack file: pulumi/pulumi {@code sdk/go/common/workspace/project.go}
     * {@code ProjectStack} (Pulumi ignores any other top-level key).
     */
    public static final List<String> STACK_FILE_KEYS = List.of("secretsprovider", "encryptedkey", "encryptionsalt", "config", "environment");
    /** A stack file is a few KB; anything near this is not one. */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    public StackConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Config values with nothing to report about how they were written. */
    public StackConfig(Map<String, Object> values) {
        this(values, List.of(), List.of());
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

    /** The AWS region of the stack ({@code aws:region}), if set to a value. */
    public Optional<String> awsRegion() {
        return Optional.ofNullable(values.get(REGION)).map(String::valueOf);
    }

    /**
     * The AWS region, or a problem naming {@code aws:region}: missing, empty, or not text. (Whether
     * the price book has the region is the plan's question: the Pulumi program needs no prices.)
     */
    public Optional<String> awsRegion(Problems problems) {
        Object region = values.get(REGION);
        if (region == null) {
            problems.missing(REGION, values.containsKey(REGION) ? "has no value; the AWS region of the stack, e.g. us-east-1"
                    : "is required; the AWS region of the stack, e.g. us-east-1");
            return Optional.empty();
        }
        if (!(region instanceof String text) || text.isBlank()) {
            problems.add(REGION, region, "must be the name of an AWS region, e.g. us-east-1");
            return Optional.empty();
        }
        return Optional.of(text);
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
     * config of {@code Pulumi.yaml} ({@link ProjectConfig#merge}). What Pulumi would refuse, in the
     * file or merging it, is in {@link #problems()}; a file that cannot be read at all throws.
     */
    public static StackConfig read(Path projectRoot, String stack, @Nullable Path configFile) {
        ProjectConfig project = ProjectConfig.load(projectRoot);
        Path file = configFile != null ? configFile : project.stackFile(projectRoot, stack);
        if (configFile == null && !Files.isRegularFile(file)) {
            throw new InvalidConfigException(List.of(file + ": no such stack file; the Pulumi CLI keeps stack " + stack
                    + "'s config there (pulumi stack init and pulumi config set write it); pass --config-file to read another"));
        }
        ProjectConfig.Merged merged = project.mergeCollecting(load(file), stack, file);
        List<String> problems = new ArrayList<>(merged.config().problems());
        problems.addAll(merged.problems());
        return new StackConfig(merged.config().values(), problems, merged.config().warnings());
    }

    /**
     * This config's problems followed by {@code others} (the settings' own), leaving out those about a
     * key already named: pulumi up stops on the former before the program runs; strata plan lists both.
     */
    public List<String> problemsWith(List<String> others) {
        List<String> all = new ArrayList<>(problems);
        others.stream().filter(problem -> problems.stream().noneMatch(named -> sameKey(named, problem))).forEach(all::add);
        return all;
    }

    /** Whether two problems name the same setting: both start with its key, then " = " or ":". */
    private static boolean sameKey(String problem, String other) {
        String key = problem.split(" = |: ", 2)[0];
        return other.startsWith(key + " = ") || other.startsWith(key + ": ") || other.startsWith(key + ".");
    }

    /**
     * Reads a stack file as Pulumi reads it. A file that cannot be read (missing, a directory,
     * permission denied: the operating system's reason is given) or is not YAML is invalid config
     * naming the file; everything else Pulumi would refuse is in {@link #problems()}.
     */
    public static StackConfig load(Path file) {
        String name = Problems.bounded(file.toString());
        if (!Files.exists(file)) {
            throw new InvalidConfigException(List.of(name + ": no such stack file"));
        }
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidConfigException(List.of(name + ": cannot be read: is a directory"));
            }
            if (!Files.isRegularFile(file)) {
                // A device or a pipe (/dev/zero, a FIFO) could be read forever.
                throw new InvalidConfigException(List.of(name + ": cannot be read: not a regular file"));
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidConfigException(List.of(name + ": cannot be read: larger than " + MAX_FILE_BYTES / (1024 * 1024)
                        + " MiB (a stack file holds a few KB)"));
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidConfigException(List.of(name + ": cannot be read: not UTF-8 text"));
        } catch (IOException e) {
            throw new InvalidConfigException(List.of(name + ": cannot be read: " + FileErrors.reason(e)));
        }
        // Pulumi strips a UTF-8 byte-order mark (workspace/loaders.go readFileStripUTF8BOM).
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        PulumiYaml.Document document = PulumiYaml.read(text, PulumiYaml.KeyNames.STACK_FILE);
        if (document.value() == null && !document.problems().isEmpty()) {
            throw new InvalidConfigException(document.problems().stream().map(p -> name + ": " + p).toList());
        }
        List<String> problems = new ArrayList<>(document.problems());
        List<String> warnings = new ArrayList<>(document.warnings().stream().map(w -> name + " " + w).toList());
        Object top = document.value();
        if (top == null) {
            return new StackConfig(Map.of(), problems, warnings);
        }
        if (!(top instanceof Map<?, ?> topMap)) {
            throw new InvalidConfigException(List.of(name + ": a stack file is a map with a 'config:' map of namespaced keys"));
        }
        topMap.keySet().stream().map(String::valueOf).filter(key -> !STACK_FILE_KEYS.contains(key)).forEach(key ->
                warnings.add(name + ": the top-level key " + Problems.bounded(key) + " is ignored by Pulumi"
                        + nearest(key, STACK_FILE_KEYS).map(k -> "; did you mean " + k + "?").orElse("")));
        if (topMap.get("environment") != null) {
            warnings.add(name + ": environment: Pulumi ESC environments are not read by the offline plan; "
                    + "settings they provide are missing here");
        }
        Object configSection = topMap.get("config");
        if (configSection == null) {
            return new StackConfig(Map.of(), problems, warnings);
        }
        if (!(configSection instanceof Map<?, ?> config)) {
            throw new InvalidConfigException(List.of(name + ": a stack file holds a 'config:' map of namespaced keys"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        config.forEach((key, value) -> {
            String written = String.valueOf(key);
            Optional<String> namespaced = namespacedKey(written);
            if (namespaced.isEmpty()) {
                problems.add(Problems.bounded(written) + ": is not a config key: Pulumi refuses keys that are not "
                        + "<namespace>:<name>" + nearestKey(written).map(k -> "; did you mean " + k + "?").orElse(""));
                return;
            }
            values.put(namespaced.get(), value);
        });
        warnings.addAll(namespaceWarnings(values.keySet()));
        return new StackConfig(values, problems, warnings);
    }

    /** A warning for each key in a namespace no package of this program reads, naming the nearest key that is read. */
    static List<String> namespaceWarnings(java.util.Collection<String> keys) {
        return keys.stream().filter(key -> !READ_NAMESPACES.contains(key.substring(0, Math.max(0, key.indexOf(':'))))).map(key ->
                Problems.bounded(key) + ": no package of this program reads the namespace "
                        + Problems.bounded(key.substring(0, Math.max(0, key.indexOf(':')))) + ", so this setting has no effect"
                        + nearestKey(key).map(k -> "; did you mean " + k + "?").orElse("")).toList();
    }

    /**
     * A config key as Pulumi parses it (pulumi/pulumi {@code sdk/go/common/resource/config/key.go}
     * {@code ParseKey}): {@code <namespace>:<name>}, or the old {@code <namespace>:config:<name>}.
     */
    static Optional<String> namespacedKey(String key) {
        String[] parts = key.split(":", -1);
        if (parts.length == 2) {
            return Optional.of(key);
        }
        if (parts.length == 3 && parts[1].equals("config") && !parts[0].isEmpty() && !parts[2].isEmpty()) {
            return Optional.of(parts[0] + ":" + parts[2]);
        }
        return Optional.empty();
    }

    /** The nearest key a package of this program reads: {@code aws:region} or a {@code strata:} setting. */
    static Optional<String> nearestKey(String key) {
        List<String> known = new ArrayList<>();
        known.add(REGION);
        STRATA_KEYS.forEach(k -> known.add(NAMESPACE + k));
        // A key without a namespace is compared with the setting names alone: "protect" means strata:protect.
        if (!key.contains(":")) {
            return nearest(key, STRATA_KEYS).map(k -> NAMESPACE + k);
        }
        return nearest(key, known);
    }

    private static Optional<String> nearest(String key, List<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        return known.stream()
                .min(Comparator.comparingInt(k -> ConfigNode.distance(lower, k.toLowerCase(Locale.ROOT))))
                .filter(k -> ConfigNode.distance(lower, k.toLowerCase(Locale.ROOT)) <= Math.max(2, k.length() / 3));
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
            if (entry.getValue().isJsonNull()) {
                values.put(key, null);
                continue;
            }
            values.put(key, parseStructured(entry.getValue().getAsString()));
        }
        return new StackConfig(values, List.of(), namespaceWarnings(values.keySet()));
    }

    /** Structured config reaches the program as JSON text; scalars stay strings (the parser reads both). */
    private static Object parseStructured(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return fromJson(JsonParser.parseString(trimmed));
            } catch (JsonParseException e) {
                return text;
            }
        }
        return text;
    }

    private static Object fromJson(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), fromJson(e.getValue())));
            return map;
        }
        if (element.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            element.getAsJsonArray().forEach(item -> list.add(fromJson(item)));
            return list;
        }
        var primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            BigDecimal number = primitive.getAsBigDecimal();
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return number.doubleValue();
            }
        }
        return primitive.getAsString();
    }

}

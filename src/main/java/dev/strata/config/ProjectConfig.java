package dev.strata.config;

import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The project file, {@code Pulumi.yaml}, as the Pulumi CLI reads it for a stack: where the stack
 * files live ({@code stackConfigDir}, else beside {@code Pulumi.yaml}) and the project-level
 * config merged under each stack's own values. {@code strata plan} applies it exactly as
 * {@code pulumi up} does, so that both read the same values:
 * <ul>
 *   <li>a key the stack file sets keeps the stack's value;</li>
 *   <li>a key it does not set takes the project's {@code default}, else its {@code value};</li>
 *   <li>a key of the project's own namespace ({@code strata:}) declared with neither is required:
 *       every stack file must set it;</li>
 *   <li>a value of a typed key must have that type ({@code string}, {@code integer},
 *       {@code boolean}, {@code array} with {@code items}, {@code object}).</li>
 * </ul>
 * Pulumi's rules: https://www.pulumi.com/docs/iac/concepts/projects/project-file/#config-options and
 * {@code mergeConfig} in https://github.com/pulumi/pulumi/blob/master/sdk/go/common/workspace/config.go;
 * {@code type: object} since Pulumi 3.186 (https://github.com/pulumi/pulumi/pull/20132).
 *
 * @param name           the project name: the namespace a key without one belongs to
 * @param stackConfigDir where the stack files are, relative to the project root, if not beside {@code Pulumi.yaml}
 * @param declarations   the {@code config:} entries by full key ({@code strata:protect}, {@code aws:region})
 */
public record ProjectConfig(String name, Optional<String> stackConfigDir, Map<String, Declaration> declarations) {
    /** The project file's name. */
    public static final String FILE = "Pulumi.yaml";

    /**
     * The default of an object setting whose absence Strata fills in per stack (what to build, which
     * workloads): Pulumi requires a default for every declared key a stack may leave out, and a
     * default cannot depend on the stack. {@link StackConfig#strataValues()} reads it as "not set".
     */
    public static final Map<String, Object> UNSET = Map.of("unset", true);

    /** The stack files of a layout Strata once used; a file there is reported, never read silently. */
    static final String LEGACY_STACK_DIR = "stacks";

    private static final List<String> TYPES = List.of("string", "integer", "boolean", "array", "object");
    private static final List<String> ATTRIBUTES = List.of("type", "items", "description", "secret", "default", "value");

    public ProjectConfig {
        // Sorted by key, as the CLI checks them: problems come in the same order every time.
        declarations = Collections.unmodifiableMap(new TreeMap<>(declarations));
    }

    /**
     * One {@code config:} entry of the project file: a type declaration (project keys only) or a value.
     *
     * @param key          the full key, {@code namespace:name}
     * @param type         the declared type, if any
     * @param items        the declared type of an array's items ({@code {type: ..., items: ...}})
     * @param defaultValue the declared default, or null
     * @param value        the project-level value, or null
     */
    public record Declaration(String key, Optional<String> type, Optional<Map<?, ?>> items, Object defaultValue, Object value) {
        String namespace() {
            return key.substring(0, key.indexOf(':'));
        }
    }

    /** The project of {@code projectRoot}; a project without {@code Pulumi.yaml} has no project-level config. */
    public static ProjectConfig load(Path projectRoot) {
        Path file = projectRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new ProjectConfig("", Optional.empty(), Map.of());
        }
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException | YAMLException e) {
            throw new InvalidConfigException(List.of(file + ": cannot be read as YAML: " + firstLine(e.getMessage())));
        }
        if (!(document instanceof Map<?, ?> project) || !(project.get("name") instanceof String name) || name.isBlank()) {
            throw new InvalidConfigException(List.of(file + ": a project file names its project (name: ...)"));
        }
        Problems problems = new Problems();
        Optional<String> stackConfigDir = Optional.ofNullable(project.get("stackConfigDir")).map(String::valueOf);
        Map<String, Declaration> declarations = new TreeMap<>();
        Object config = project.get("config");
        if (config != null && !(config instanceof Map<?, ?>)) {
            problems.add(file + ": config", config, "a map of config keys to values or declarations");
        } else if (config instanceof Map<?, ?> entries) {
            entries.forEach((rawKey, entry) -> {
                String key = String.valueOf(rawKey).contains(":") ? String.valueOf(rawKey) : name + ":" + rawKey;
                declaration(file, name, key, entry, problems).ifPresent(d -> declarations.put(key, d));
            });
        }
        problems.throwIfAny();
        return new ProjectConfig(name, stackConfigDir, declarations);
    }

    private static Optional<Declaration> declaration(Path file, String project, String key, Object entry, Problems problems) {
        String where = file + ": config." + key;
        if (!(entry instanceof Map<?, ?> attributes)) {
            return Optional.of(new Declaration(key, Optional.empty(), Optional.empty(), null, entry));
        }
        int before = problems.count();
        attributes.keySet().stream().map(String::valueOf).filter(attribute -> !ATTRIBUTES.contains(attribute))
                .forEach(attribute -> problems.add(where + "." + attribute, attributes.get(attribute),
                        "not a config attribute; a structured value is written under value: (attributes: " + ATTRIBUTES + ")"));
        Optional<String> type = Optional.ofNullable(attributes.get("type")).map(String::valueOf);
        type.filter(t -> !TYPES.contains(t)).ifPresent(t -> problems.add(where + ".type", t, "one of " + TYPES));
        if (type.isPresent() && !key.startsWith(project + ":")) {
            problems.add(where + ".type", type.get(), "only the project's own keys (" + project + ":...) take a type; "
                    + "another namespace's key takes a value");
        }
        Optional<Map<?, ?>> items = attributes.get("items") instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty();
        if (type.filter("array"::equals).isPresent() && items.isEmpty()) {
            problems.missing(where + ".items", "is required: an array declares the type of its items");
        }
        Declaration declaration = new Declaration(key, type, items, attributes.get("default"), attributes.get("value"));
        if (declaration.defaultValue() != null && type.isPresent() && !hasType(type.get(), items, declaration.defaultValue())) {
            problems.add(where + ".default", declaration.defaultValue(), "must be of the declared type " + type.get());
        }
        return problems.count() == before ? Optional.of(declaration) : Optional.empty();
    }

    /**
     * The file the Pulumi CLI reads stack {@code stack}'s config from: {@code Pulumi.<stack>.yaml} in
     * {@code stackConfigDir}, else beside {@code Pulumi.yaml}. Another file that could be taken for it
     * is an error naming both: in the project root when {@code stackConfigDir} is set, or in
     * {@code stacks/}, where Strata once kept staging and prod (the CLI never reads it without
     * {@code --config-file}, so {@code strata plan} does not either).
     */
    public Path stackFile(Path projectRoot, String stack) {
        String fileName = "Pulumi." + stack + ".yaml";
        Path expected = stackConfigDir.map(projectRoot::resolve).orElse(projectRoot).resolve(fileName);
        List<Path> candidates = new ArrayList<>(List.of(projectRoot.resolve(fileName), projectRoot.resolve(LEGACY_STACK_DIR).resolve(fileName)));
        List<Path> others = candidates.stream()
                .filter(path -> !path.normalize().equals(expected.normalize()) && Files.exists(path)).toList();
        if (others.isEmpty()) {
            return expected;
        }
        String where = stackConfigDir.map(dir -> "in " + dir + "/ (stackConfigDir in " + FILE + ")").orElse("beside " + FILE);
        if (Files.exists(expected)) {
            throw new InvalidConfigException(List.of("stack " + stack + ": two files could serve it, " + expected + " and "
                    + others.get(0) + "; the Pulumi CLI reads " + expected + " (" + where + "): keep one"));
        }
        throw new InvalidConfigException(List.of(others.get(0) + ": the Pulumi CLI does not read this file for stack " + stack
                + "; it reads " + expected + " (" + where + "): move it there, or pass --config-file " + others.get(0)
                + " to strata plan and pulumi alike"));
    }

    /**
     * Stack {@code stack}'s config as the Pulumi CLI hands it to the program: the stack file's values
     * over the project's (see the class comment). Problems name the key and the stack file; the CLI
     * stops on them before it runs the program.
     */
    public StackConfig merge(StackConfig stackConfig, String stack, Path stackFile) {
        Merged merged = mergeCollecting(stackConfig, stack, stackFile);
        if (!merged.problems().isEmpty()) {
            throw new InvalidConfigException(merged.problems());
        }
        return merged.config();
    }

    /**
     * The merged config and the problems found merging it: a required key no file sets, a value of
     * the wrong type. The config holds every value that merged cleanly.
     */
    public record Merged(StackConfig config, List<String> problems) {
        public Merged {
            problems = List.copyOf(problems);
        }
    }

    /** {@link #merge}, without throwing: the caller reports the problems with its own. */
    public Merged mergeCollecting(StackConfig stackConfig, String stack, Path stackFile) {
        Map<String, Object> values = new LinkedHashMap<>(stackConfig.values());
        Problems problems = new Problems();
        for (Declaration declaration : declarations.values()) {
            boolean set = values.containsKey(declaration.key());
            if (!set && declaration.defaultValue() == null && declaration.value() == null && declaration.namespace().equals(name)) {
                problems.missing(declaration.key(), "is required: " + FILE + " declares it without a default, so every stack sets it; "
                        + stackFile + " (stack " + stack + ") does not");
            } else if (!set) {
                values.put(declaration.key(), declaration.defaultValue() != null ? declaration.defaultValue() : declaration.value());
            } else if (declaration.type().isPresent() && values.get(declaration.key()) != null
                    && !hasType(declaration.type().get(), declaration.items(), values.get(declaration.key()))) {
                problems.add(declaration.key(), values.get(declaration.key()), "must be of type " + typeName(declaration)
                        + " (declared in " + FILE + "; set in " + stackFile + ")");
                values.remove(declaration.key());
            }
        }
        return new Merged(new StackConfig(values, stackConfig.problems(), stackConfig.warnings()), problems.messages());
    }

    /** Whether {@code value} has {@code type}, as the CLI checks it: scalars may be written as their text. */
    static boolean hasType(String type, Optional<Map<?, ?>> items, Object value) {
        return switch (type) {
            case "string" -> value instanceof String || value instanceof Number || value instanceof Boolean;
            case "boolean" -> value instanceof Boolean || "true".equals(value) || "false".equals(value);
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof BigInteger
                    || (value instanceof String s && s.matches("-?\\d+"));
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?> list && list.stream().allMatch(item -> items
                    .map(i -> hasType(String.valueOf(i.get("type")),
                            i.get("items") instanceof Map<?, ?> m ? Optional.of(m) : Optional.empty(), item))
                    .orElse(true));
            default -> false;
        };
    }

    private static String typeName(Declaration declaration) {
        return declaration.type().orElseThrow() + declaration.items().map(i -> " of " + i.get("type")).orElse("");
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}

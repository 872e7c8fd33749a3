package dev.strata.delivery;

import com.pulumi.core.Output;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.PulumiTest;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.training.WarmTierArgs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.strata.testing.LibraryClasses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every Args class of the library, built from its defaults alone ({@code builder().build()}), gets the
 * defaults its Javadoc documents: each field's {@code Default:} is read from the source and compared with
 * what the field's getter returns, so the documentation and the code cannot drift apart (issue #17: a
 * documented default the Args never applied).
 *
 * <p>The Javadoc forms compared: {@code {@value #CONSTANT}} and {@code {@link Type#CONSTANT}} (the constant's
 * value), {@code {@code text}} (that text; {@code [a, b]} a list), a bare number or word, and the
 * words of an absent value ({@code none}, {@code never}, {@code unset}, {@code no ...}): an empty Optional,
 * collection or map, or null. A default written in prose must be listed in {@link #PROSE} with the value it
 * stands for.
 */
class ArgsDefaultsTest {
    /** The hand-written sources, and those ArgsGenerator writes from the {@code *Args.yaml} declarations. */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("target/generated-sources/annotations"));
    private static final Pattern FIELD = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*@Import\\(name = \"(\\w+)\"[^)]*\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*(?:private )?[^;]+? (\\w+);", Pattern.DOTALL);
    private static final Pattern DEFAULT = Pattern.compile("Default:\\s*(.*?)(?:\\.\\s|\\.$|$)");
    private static final Pattern ABSENT = Pattern.compile("(none|never|unset|no .*|EKS's default for the Kubernetes version|the whole bucket)(\\s*\\(.*\\))?");

    /** Defaults written in prose: {@code Class.field} and the value the getter must return. */
    private static final Map<String, Object> PROSE = Map.of(
            // The driver's pinned version, chosen by the component from the (required) driver: unset in the Args.
            "CsiDriverArgs.addonVersion", Absent.VALUE,
            "DataLakeArgs.zones", List.of("raw", "processed", "feature", "model"),
            "EfsFileSystemArgs.options", "generalPurpose/elastic/-/-/false",
            "InferenceStorageArgs.modelFileSystem", "generalPurpose/elastic/-/-/false",
            // Unset: the alarms go to the stack's own region.
            "MonitoredResourceArgs.metricsRegion", Absent.VALUE,
            // Every threshold at its own documented default (checked for AlarmThresholdsArgs itself).
            "StorageAlarmsArgs.thresholds", dev.strata.monitoring.AlarmThresholdsArgs.builder().build(),
            "WarmTierArgs.efs", "generalPurpose/elastic/30/-/false");

    /** How a default written in prose is compared (an EFS options object by its fields). */
    private static Object comparable(Object value) {
        if (value instanceof EfsOptionsArgs efs) {
            return efs.performanceMode() + "/" + efs.throughputMode() + "/" + efs.transitionToIaDays().map(String::valueOf).orElse("-")
                    + "/" + efs.transitionToArchiveDays().map(String::valueOf).orElse("-") + "/" + efs.backup();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof dev.strata.datalake.DataLakeZoneArgs) {
            return list.stream().map(zone -> ((dev.strata.datalake.DataLakeZoneArgs) zone).toZone("zone", new dev.strata.core.Problems()).name()).toList();
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof dev.strata.datalake.LifecycleRuleArgs) {
            return list.stream().map(rule -> ((dev.strata.datalake.LifecycleRuleArgs) rule).toRule("rule", new dev.strata.core.Problems())).toList();
        }
        return value;
    }

    record Documented(Class<?> args, String field, String text) {
        String key() {
            return args.getSimpleName() + "." + field;
        }
    }

    @Test
    void everyArgsClassBuiltFromItsDefaultsGetsTheDocumentedDefaults() throws ReflectiveOperationException {
        List<Documented> documented = new ArrayList<>();
        for (Class<?> args : argsClasses()) {
            documented.addAll(documentedDefaults(args));
        }
        // Every Args class with a builder is covered, and the inherited tags/protect through each subclass.
        assertThat(documented).extracting(Documented::key).contains("SecureBucketArgs.protect", "EksClusterArgs.tags",
                "EksClusterArgs.desiredSize", "NetworkArgs.allowedCidrs", "EncryptionKeyArgs.deletionWindowInDays",
                "InferenceNodeGroupArgs.rootVolumeGiB", "WarmTierArgs.efs", "RedisCacheArgs.replicas");
        List<String> drift = new ArrayList<>();
        for (Documented d : documented) {
            Object built = d.args().getMethod("builder").invoke(null);
            Object args = built.getClass().getMethod("build").invoke(built);
            Object actual = unwrap(read(args, d.field()));
            Object expected = comparable(PROSE.containsKey(d.key()) ? PROSE.get(d.key()) : expected(d));
            actual = comparable(actual);
            if (!matches(expected, actual)) {
                drift.add(d.key() + ": documented \"" + d.text() + "\" (" + expected + "), the getter returns " + actual);
            }
        }
        assertThat(drift).as("documented defaults that the Args do not apply").isEmpty();
    }

    /** The documented default comparer refuses a wrong default: it is no test that cannot fail. */
    @Test
    void aDefaultThatDiffersFromItsDocumentationIsCaught() throws Exception {
        Documented replicas = documentedDefaults(dev.strata.inference.RedisCacheArgs.class).stream()
                .filter(d -> d.field().equals("replicas")).findFirst().orElseThrow();
        assertThat(matches(expected(replicas), 1)).isEqualTo(dev.strata.inference.RedisCacheArgs.DEFAULT_REPLICAS == 1);
        assertThat(matches(expected(replicas), 99)).isFalse();
        Documented days = new Documented(dev.strata.security.EncryptionKeyArgs.class, "deletionWindowInDays", "30");
        assertThat(matches(expected(days), 30)).isTrue();
        assertThat(matches(expected(days), 7)).isFalse();
        Documented absent = new Documented(dev.strata.core.NetworkArgs.class, "allowedCidrs", "none");
        assertThat(matches(expected(absent), List.of())).isTrue();
        assertThat(matches(expected(absent), List.of("10.0.0.0/8"))).isFalse();
        Documented prose = new Documented(WarmTierArgs.class, "efs", "every option's own default");
        assertThat(ABSENT.matcher(prose.text()).matches()).isFalse();
    }

    private static boolean matches(Object expected, Object actual) {
        if (expected == Absent.VALUE) {
            return actual == null || actual instanceof Optional<?> o && o.isEmpty() || actual instanceof Collection<?> c && c.isEmpty()
                    || actual instanceof Map<?, ?> m && m.isEmpty();
        }
        if (expected instanceof Number e && actual instanceof Number a) {
            return e.doubleValue() == a.doubleValue();
        }
        return String.valueOf(expected).equals(String.valueOf(actual));
    }

    private enum Absent { VALUE }

    /** The value a {@code Default:} text stands for. */
    private static Object expected(Documented d) {
        String text = d.text().trim();
        Matcher value = Pattern.compile("^\\{@(?:value|link) ([\\w.]*)#(\\w+)}").matcher(text);
        if (value.find()) {
            return constant(value.group(1).isEmpty() ? d.args() : resolve(d.args(), value.group(1)), value.group(2));
        }
        Matcher code = Pattern.compile("^\\{@code ([^}]*)}").matcher(text);
        String literal = code.find() ? code.group(1) : text.replaceFirst("\\s*\\(.*$", "");
        if (literal.equals(text.replaceFirst("\\s*\\(.*$", "")) && ABSENT.matcher(text).matches()) {
            return Absent.VALUE;
        }
        if (literal.startsWith("[") && literal.endsWith("]")) {
            return Arrays.stream(literal.substring(1, literal.length() - 1).split(",\\s*")).toList();
        }
        if (literal.matches("-?\\d+") && !text.startsWith("{@code")) {
            return Long.parseLong(literal);
        }
        if (literal.matches("\\S+")) {
            return literal;
        }
        fail(d.key() + ": the default \"" + text + "\" is prose; list it in PROSE with the value it stands for");
        return null;
    }

    /** Optional and Output values unwrapped, so that a documented value compares with what they hold. */
    private static Object unwrap(Object value) {
        if (value instanceof Optional<?> optional && optional.isPresent()) {
            return unwrap(optional.get());
        }
        if (value instanceof Output<?> output) {
            return PulumiTest.extractValue(output);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value;
    }

    /** {@code name} as the Javadoc of {@code from} resolves it: in its package, nested in it, or imported by its source file. */
    private static Class<?> resolve(Class<?> from, String name) {
        List<String> candidates = new ArrayList<>(List.of(from.getPackageName() + "." + name,
                from.getPackageName() + "." + name.replace('.', '$'), from.getName() + "$" + name));
        Class<?> top = from;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        try {
            Matcher imported = Pattern.compile("(?m)^import ([\\w.]+\\." + Pattern.quote(name) + ");")
                    .matcher(Files.readString(source(top)));
            if (imported.find()) {
                candidates.add(imported.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate);
            } catch (ClassNotFoundException e) {
                // try the next
            }
        }
        throw new AssertionError(from.getSimpleName() + ": cannot resolve " + name);
    }

    private static Object constant(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            assertThat(Modifier.isStatic(field.getModifiers())).as(type.getSimpleName() + "." + name).isTrue();
            return unwrap(field.get(null));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " has no public constant " + name, e);
        }
    }

    /** Accessors of the typed value an Args without getters turns into, where the name differs from the field. */
    private static final Map<String, String> TYPED_ACCESSOR = Map.of("lifecycleRules", "lifecycle");

    /**
     * The field's value as the Args apply it: its getter, or, for an Args that has none (it turns into a
     * typed value: {@code DataLakeZoneArgs.toZone}, {@code NvmeNodeArgs.toNode}), that value's accessor.
     */
    private static Object read(Object args, String field) throws ReflectiveOperationException {
        try {
            return args.getClass().getMethod(field).invoke(args);
        } catch (NoSuchMethodException noGetter) {
            Method typed = Arrays.stream(args.getClass().getMethods())
                    .filter(m -> m.getReturnType().isRecord() && !Modifier.isStatic(m.getModifiers()))
                    .filter(m -> m.getParameterCount() == 0 || m.getParameterCount() == 2 && m.getParameterTypes()[0] == String.class
                            && m.getParameterTypes()[1] == dev.strata.core.Problems.class)
                    .findFirst().orElseThrow(() -> new AssertionError(args.getClass().getSimpleName() + " has no getter " + field));
            Object value = typed.getParameterCount() == 0 ? typed.invoke(args) : typed.invoke(args, "args", new dev.strata.core.Problems());
            return value.getClass().getMethod(TYPED_ACCESSOR.getOrDefault(field, field)).invoke(value);
        }
    }

    /** The documented defaults of an Args class: its own fields' and its superclasses'. */
    static List<Documented> documentedDefaults(Class<?> args) {
        List<Documented> found = new ArrayList<>();
        for (Class<?> c = args; c != null && c != ResourceArgs.class; c = c.getSuperclass()) {
            Map<String, String> docs = javadocs(c);
            docs.forEach((field, doc) -> {
                Matcher d = DEFAULT.matcher(doc);
                if (d.find()) {
                    found.add(new Documented(args, field, d.group(1)));
                }
            });
        }
        return found;
    }

    /** Each {@code @Import} field's Javadoc, on one line, from the class's source file. */
    private static Map<String, String> javadocs(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path source = source(top);
        try {
            Map<String, String> docs = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(Files.readString(source));
            while (m.find()) {
                docs.put(m.group(3), m.group(1).replaceAll("\\s*\\n\\s*\\*\\s?", " ").trim());
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source file of a top-level class: hand-written or generated. */
    private static Path source(Class<?> top) {
        String file = top.getName().replace('.', '/') + ".java";
        return SOURCES.stream().map(root -> root.resolve(file)).filter(Files::exists).findFirst()
                .orElseThrow(() -> new AssertionError("no source of " + top.getName() + " under " + SOURCES));
    }

    /** Every public Args class of the library with a {@code builder()}: found in the compiled classes, not listed by hand. */
    static List<Class<?>> argsClasses() {
        return LibraryClasses.concrete(ResourceArgs.class).stream()
                .filter(c -> Arrays.stream(c.getMethods()).anyMatch(m -> m.getName().equals("builder") && Modifier.isStatic(m.getModifiers())))
                .<Class<?>>map(c -> c)
                .toList();
    }
}

package dev.strata.delivery;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.plan.PlanCommand;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import dev.strata.policy.PolicyRunner;
import dev.strata.provider.StrataProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import picocli.CommandLine;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet and stack-file example in the README and docs/ is compiled and run, or planned:
 * a whole stack file (it starts with {@code config:}) is planned as it is; a fragment (indented
 * {@code strata:} keys) is planned inside the stack file an HTML comment above it names
 * ({@code <!-- fragment of Pulumi.prod.yaml -->}), replacing that file's keys of the same name; a
 * Pulumi YAML program using the component package is checked against the package's schema.
 */
class DocsExamplesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern BLOCK = Pattern.compile("(?m)^```(\\w+)\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern FRAGMENT_OF = Pattern.compile("<!-- fragment of (Pulumi\\.\\w+\\.yaml) -->\\s*$");
    private static final Yaml YAML = new Yaml(new SafeConstructor(new LoaderOptions()));

    /** A fenced block: where it is, its language, its text and the text before it. */
    private record Example(String where, String language, String text, String before) {
    }

    private static List<Example> examples(String language) throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                if (block.group(1).equals(language)) {
                    int line = text.substring(0, block.start()).split("\n", -1).length;
                    examples.add(new Example(ROOT.relativize(file) + ":" + line, language, block.group(2), text.substring(0, block.start())));
                }
            }
        }
        return examples;
    }

    private static int plan(Path stackFile, ByteArrayOutputStream stderr, Path out) {
        return new CommandLine(new PlanCommand(ROOT, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), PolicyRunner.forProject(ROOT)))
                .execute("--stack", "docs", "--config-file", stackFile.toString(), "--format", "json", "--out", out.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyStackFileExamplePlans(@TempDir Path dir) throws IOException {
        int stackFiles = 0;
        int fragments = 0;
        for (Example example : examples("yaml")) {
            String text = example.text();
            Map<String, Object> stack;
            if (text.startsWith("config:")) {
                stackFiles++;
                stack = YAML.load(text);
            } else if (text.startsWith("  strata:")) {
                fragments++;
                Matcher base = FRAGMENT_OF.matcher(example.before());
                assertThat(base.find()).as(example.where() + ": a fragment names the stack file it belongs to, "
                        + "<!-- fragment of Pulumi.<stack>.yaml --> above it").isTrue();
                stack = YAML.load(Files.readString(ROOT.resolve(base.group(1))));
                ((Map<String, Object>) stack.get("config")).putAll((Map<String, Object>) YAML.<Map<String, Object>>load("config:\n" + text).get("config"));
            } else if (text.startsWith("name:")) {
                continue; // a Pulumi YAML program: everyComponentPackageProgramMatchesTheSchema
            } else if (text.startsWith("# src/main/java/") && text.contains("Args.yaml (excerpt)")) {
                // An excerpt of an Args declaration: each input it shows is the declaration's own.
                Map<String, Object> excerpt = YAML.load(text);
                Map<String, Object> declaration = YAML.load(Files.readString(ROOT.resolve(text.substring(2, text.indexOf(" (excerpt)")))));
                assertThat(excerpt.get("extends")).as(example.where()).isEqualTo(declaration.get("extends"));
                Map<String, Object> inputs = (Map<String, Object>) declaration.get("inputs");
                ((Map<String, Object>) excerpt.get("inputs")).forEach((name, input) ->
                        assertThat(input).as(example.where() + ": input " + name).isEqualTo(inputs.get(name)));
                continue;
            } else {
                throw new AssertionError(example.where() + ": a YAML example that is neither a stack file, a fragment of one, nor a program");
            }
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Path file = Files.writeString(dir.resolve("Pulumi.docs.yaml"), new Yaml(new Representer(options), options).dump(stack));
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            int exit = plan(file, stderr, dir.resolve("docs.json"));
            assertThat(exit).as(example.where() + "\n" + stderr.toString(StandardCharsets.UTF_8)).isEqualTo(PlanCommand.PLANNED);
        }
        assertThat(stackFiles).isGreaterThanOrEqualTo(3);
        assertThat(fragments).isGreaterThanOrEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyComponentPackageProgramMatchesTheSchema() throws IOException {
        JsonObject resources = JsonParser.parseString(new com.google.gson.Gson().toJson(new StrataProvider("0").schema()))
                .getAsJsonObject().getAsJsonObject("resources");
        int programs = 0;
        for (Example example : examples("yaml")) {
            if (!example.text().startsWith("name:")) {
                continue;
            }
            programs++;
            Map<String, Object> program = YAML.load(example.text());
            ((Map<String, Map<String, Object>>) program.get("resources")).forEach((name, resource) -> {
                if (!String.valueOf(resource.get("type")).startsWith(StrataProvider.PACKAGE + ":")) {
                    return; // another package's resource (an awsx VPC whose outputs the example passes)
                }
                JsonObject schema = resources.getAsJsonObject(String.valueOf(resource.get("type")));
                assertThat(schema).as(example.where() + ": " + resource.get("type")).isNotNull();
                assertThat(schema.getAsJsonObject("inputProperties").keySet()).as(example.where() + ": " + name)
                        .containsAll(((Map<String, Object>) resource.getOrDefault("properties", Map.of())).keySet());
            });
        }
        assertThat(programs).isPositive();
    }

    @Test
    void everyJavaSnippetCompilesAndRunsUnderTheRecordingEngine(@TempDir Path dir) throws Exception {
        List<Example> snippets = examples("java");
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 0; i < snippets.size(); i++) {
            Example snippet = snippets.get(i);
            String name = "Snippet" + i;
            Path source = dir.resolve(name + ".java");
            Files.writeString(source, harness(name, snippet.text()));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int compiled = javac.run(null, errors, errors, "-classpath", classPath(), "-d", dir.toString(), source.toString());
            assertThat(compiled).as(snippet.where() + "\n" + errors.toString(StandardCharsets.UTF_8)).isZero();
            try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader())) {
                Method run = loader.loadClass(name).getMethod("run");
                PlanRunner.run("docs", new RecordingMocks("us-west-2"), ctx -> {
                    try {
                        run.invoke(null);
                    } catch (InvocationTargetException e) {
                        throw new AssertionError(snippet.where(), e.getCause());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }

    /** The test class path as the compiler needs it (surefire hands the JVM a manifest-only jar). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * A class around a snippet: the library's packages imported, and the values a snippet takes
     * from its surroundings ({@code key}, a program's key; {@code k8sProvider}, the cluster's
     * Kubernetes provider) as fields a snippet may also declare itself.
     */
    private static String harness(String name, String snippet) {
        Map<String, String> imports = new LinkedHashMap<>();
        for (String pkg : List.of("dev.strata.core", "dev.strata.datalake", "dev.strata.security", "dev.strata.efs",
                "dev.strata.training", "dev.strata.inference", "dev.strata.cluster", "com.pulumi.resources", "java.util")) {
            imports.put(pkg, "import " + pkg + ".*;");
        }
        return String.join("\n", imports.values()) + "\n"
                + "public class " + name + " {\n"
                + "    static EncryptionKey key;\n"
                + "    static com.pulumi.kubernetes.Provider k8sProvider;\n"
                + "    public static void run() {\n"
                + "        key = new EncryptionKey(\"docs-key\", EncryptionKeyArgs.builder().purpose(\"docs\").services(List.of(\"s3\")).build(), null);\n"
                + "        k8sProvider = new com.pulumi.kubernetes.Provider(\"docs-k8s\");\n"
                + "        snippet();\n"
                + "    }\n"
                + "    static void snippet() {\n"
                + snippet
                + "    }\n"
                + "}\n";
    }
}

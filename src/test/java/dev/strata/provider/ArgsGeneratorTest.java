package dev.strata.provider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ArgsGenerator turns an {@code XArgs.yaml} declaration into the Args' fields, getters and builder: what it
 * writes (compiled and run here, with javac and the processor as the build uses them), how it refuses a
 * malformed declaration, and that every Args input of the library is declared this way and no other.
 */
class ArgsGeneratorTest {
    private static final String DECLARATION = """
            extends: ResourceArgs
            doc: The cache of a test.
            inputs:
              name:
                type: String
                required: true
                doc: The name. Required.
              replicas:
                type: Integer
                default: '2'
                doc: 'Replicas. Default: 2.'
              zones:
                type: List<String>
                default: 'List.of()'
              labels:
                type: Map<String, String>
              bucket:
                type: Output<String>
              mode:
                type: String
                annotations: ['@OneOf(value = Mode.class, spelled = "spelling")']
            imports:
              - dev.strata.core.OneOf
            """;

    private static final java.util.regex.Pattern IMPORT_FIELD = java.util.regex.Pattern.compile("(?m)^\\s*@Import\\(");

    @TempDir
    Path sources;

    @Test
    @SuppressWarnings("unchecked")
    void aDeclarationBecomesFieldsGettersAndABuilderThatApplyTheDefaults() throws Exception {
        write("p/CacheArgs.yaml", DECLARATION);
        write("p/Mode.java", """
                package p;
                public enum Mode { FAST; public String spelling() { return "fast"; } }
                """);
        write("p/Use.java", """
                package p;
                import java.util.*;
                public final class Use {
                    public static List<Object> defaults() {
                        CacheArgs a = CacheArgs.builder().name("n").build();
                        return List.of(a.name(), a.replicas(), a.zones(), a.labels(), a.bucket(), a.mode());
                    }
                    public static List<Object> set() {
                        Map<String, String> labels = new LinkedHashMap<>();
                        labels.put("b", "2");
                        labels.put("a", "1");
                        List<String> zones = new ArrayList<>(List.of("z"));
                        CacheArgs a = CacheArgs.builder().name("n").replicas(3).zones(zones).labels(labels).bucket("b").mode(Mode.FAST).build();
                        zones.add("changed after build");
                        return List.of(a.replicas(), a.zones(), new ArrayList<>(a.labels().orElseThrow().keySet()), a.bucket().isPresent(), a.mode().orElseThrow());
                    }
                }
                """);
        Compiled compiled = compile();
        assertThat(compiled.errors()).isEmpty();
        String java = compiled.generated("p/CacheArgs.java");
        assertThat(java).contains("public final class CacheArgs extends ResourceArgs {",
                "    /** The name. Required. */\n    @Import(name = \"name\", required = true)\n    private String name;",
                "    @Import(name = \"replicas\")\n    @Nullable\n    private Integer replicas;",
                "    @Import(name = \"mode\")\n    @Nullable\n    @OneOf(value = Mode.class, spelled = \"spelling\")\n    private String mode;",
                "    public int replicas() {\n        return Optional.ofNullable(replicas).orElse(2);\n    }",
                "    public Optional<Output<String>> bucket() {");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{compiled.classes().toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> use = loader.loadClass("p.Use");
            assertThat((List<Object>) use.getMethod("defaults").invoke(null))
                    .containsExactly("n", 2, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
            // Collections are copied (maps in the caller's order); an Output input also takes a plain value; a choice takes its enum.
            assertThat((List<Object>) use.getMethod("set").invoke(null))
                    .containsExactly(3, List.of("z"), List.of("b", "a"), true, "fast");
        }
    }

    @Test
    void besideAHandWrittenArgsClassTheGeneratedClassIsItsBase() throws Exception {
        write("p/CacheArgs.yaml", "inputs:\n  name:\n    type: String\n    default: 'CacheArgs.DEFAULT_NAME'\n    doc: 'Default: {@value #DEFAULT_NAME}; see {@link #validate} and {@link #name}.'\n");
        write("p/CacheArgs.java", """
                package p;
                public final class CacheArgs extends CacheArgsBase {
                    public static final String DEFAULT_NAME = "cache";
                    public void validate() { }
                }
                """);
        Compiled compiled = compile();
        assertThat(compiled.errors()).isEmpty();
        String java = compiled.generated("p/CacheArgsBase.java");
        assertThat(java).contains("public abstract class CacheArgsBase extends ResourceArgs {",
                "Builder extends ArgsBuilder<CacheArgs, Builder>", "super(new CacheArgs());",
                // References to the hand-written class's own members are qualified; those to inputs stay.
                "Default: {@value CacheArgs#DEFAULT_NAME}; see {@link CacheArgs#validate} and {@link #name}.");
    }

    @Test
    void aMalformedDeclarationFailsTheBuildNamingTheFileAndTheKey() throws IOException {
        write("p/CacheArgs.yaml", "inputs:\n  name:\n    type: String\n    defualt: 'x'\n");
        write("q/OtherArgs.yaml", "inputs:\n  size: {}\n");
        write("r/TwiceArgs.yaml", "inputs:\n  size:\n    type: int\n  size:\n    type: long\n");
        List<String> errors = compile().errors();
        assertThat(errors).hasSize(3);
        assertThat(errors.get(2)).as("a key given twice")
                .startsWith("ArgsGenerator: " + Path.of("r/TwiceArgs.yaml") + ": ").contains("found duplicate key size");
        assertThat(errors.subList(0, 2)).containsExactly(
                "ArgsGenerator: " + Path.of("p/CacheArgs.yaml") + ": input name has an unknown key defualt (known: [annotations, default, doc, get, "
                        + "getterAnnotations, getterDoc, required, returns, setterDoc, setterType, type])",
                "ArgsGenerator: " + Path.of("q/OtherArgs.yaml") + ": input size has no type");
    }

    @Test
    void aDeclarationIsReadStrictly() {
        assertThatThrownBy(() -> ArgsGenerator.Declaration.of("XArgs", false, Map.of("inputs", List.of("a"))))
                .hasMessage("inputs must be a mapping of input names");
        assertThatThrownBy(() -> ArgsGenerator.Declaration.of("XArgs", false, Map.of("input", Map.of())))
                .hasMessageStartingWith("the declaration has an unknown key input");
        assertThatThrownBy(() -> ArgsGenerator.Input.of("a", Map.of("type", "String", "get", "maybe")))
                .hasMessage("input a: get must be false or field, not maybe");
    }

    /**
     * One way to declare an input: every {@code @Import} field of the library's Args is in a declaration,
     * save the three bases every Args shares (tags, protect, key and network) and the inputs of a cache
     * level (a child component the library alone builds, by its constructor), and every declaration
     * belongs to an Args class.
     */
    @Test
    void everyArgsInputIsDeclaredInAYamlDeclaration() throws IOException, ClassNotFoundException {
        Path main = Path.of("src/main/java");
        List<String> handWrittenImports = new ArrayList<>();
        List<Path> declarations;
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (IMPORT_FIELD.matcher(Files.readString(file)).find()) {
                    handWrittenImports.add(main.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        try (Stream<Path> files = Files.walk(main)) {
            declarations = files.filter(f -> f.toString().endsWith("Args.yaml")).toList();
        }
        assertThat(handWrittenImports).containsExactlyInAnyOrder("dev/strata/inference/CacheLevel.java", "dev/strata/core/TaggedArgs.java",
                "dev/strata/core/StatefulArgs.java", "dev/strata/core/StorageArgs.java");
        assertThat(declarations).hasSizeGreaterThan(25);
        for (Path declaration : declarations) {
            String name = main.relativize(declaration).toString().replace('\\', '/').replaceFirst("\\.yaml$", "").replace('/', '.');
            assertThat(Class.forName(name).getSuperclass().getName()).as(name)
                    .isIn(name + "Base", "com.pulumi.resources.ResourceArgs", "dev.strata.core.TaggedArgs",
                            "dev.strata.core.StatefulArgs", "dev.strata.core.StorageArgs");
        }
    }

    private void write(String file, String text) throws IOException {
        Path path = sources.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    record Compiled(List<String> errors, Path generated, Path classes) {
        String generated(String file) throws IOException {
            return Files.readString(generated.resolve(file));
        }
    }

    /** javac over the sources, with ArgsGenerator as the build runs it. */
    private Compiled compile() throws IOException {
        Path generated = Files.createDirectories(sources.resolveSibling(sources.getFileName() + "-generated"));
        Path classes = Files.createDirectories(sources.resolveSibling(sources.getFileName() + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<Path> javaFiles;
        try (Stream<Path> files = Files.walk(sources)) {
            javaFiles = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of("-implicit:class", "-classpath", System.getProperty("java.class.path"),
                    "-s", generated.toString(), "-d", classes.toString(), "-A" + ArgsGenerator.SOURCES + "=" + sources);
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(javaFiles.isEmpty() ? List.of(placeholder()) : javaFiles));
            task.setProcessors(List.of(new ArgsGenerator()));
            task.call();
        }
        List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null)).toList();
        return new Compiled(errors, generated, classes);
    }

    private Path placeholder() throws IOException {
        Path file = sources.resolve("Placeholder.java");
        Files.writeString(file, "class Placeholder { }\n");
        return file;
    }
}

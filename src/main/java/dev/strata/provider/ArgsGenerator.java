package dev.strata.provider;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A compile step that keeps each Args input declared once: every {@code XArgs.yaml} beside the sources
 * declares the inputs of {@code XArgs} (type, whether required, default, Javadoc), and this processor
 * writes what follows from them, the {@code @Import} fields, the getters that apply the defaults and the
 * builder, as Java that javac compiles with the rest. When a hand-written {@code XArgs.java} stands beside
 * the declaration (for validation, typed views and constants), the generated class is its base
 * {@code XArgsBase}; otherwise it is {@code XArgs} itself. The keys of a declaration are in
 * docs/architecture.md ("Args declarations"); an unknown key or a malformed file fails the build.
 *
 * <p>Runs before {@link DescriptionProcessor} in the same javac call (pom.xml, {@code default-compile}),
 * which thus reads the generated Javadoc too; option {@code strata.sources}: the source root to scan.
 */
@SupportedAnnotationTypes("*")
@SupportedOptions(ArgsGenerator.SOURCES)
public final class ArgsGenerator extends AbstractProcessor {
    static final String SOURCES = "strata.sources";
    private static final Set<String> CLASS_KEYS = Set.of("extends", "doc", "builder", "imports", "inputs");
    private static final Set<String> INPUT_KEYS = Set.of("type", "required", "default", "returns", "get", "getterDoc",
            "getterAnnotations", "setterType", "setterDoc", "annotations", "doc");
    private static final Map<String, String> UNBOXED = Map.of("Integer", "int", "Boolean", "boolean", "Double", "double", "Long", "long");
    private static final Pattern SIMPLE = Pattern.compile("[\\w.]+|\"[^\"]*\"|(List|Map)\\.of\\(\\)");
    private static final Pattern ONE_OF = Pattern.compile("@OneOf\\((?:value = )?([\\w.]+)\\.class(?:.*spelled = \"(\\w+)\")?.*\\)");
    private static final Pattern OWN_REFERENCE = Pattern.compile("\\{@(link|linkplain|value) #(\\w+)");

    private boolean done;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done) {
            return false;
        }
        done = true;
        String sources = processingEnv.getOptions().get(SOURCES);
        if (sources == null) {
            error("option -A" + SOURCES + " (the source root holding the *Args.yaml declarations) is not set");
            return false;
        }
        Path root = Path.of(sources);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Args.yaml")).sorted().toList()) {
                generate(root, file);
            }
        } catch (IOException e) {
            error("cannot read the Args declarations under " + root + ": " + e);
        }
        return false;
    }

    private void generate(Path root, Path file) throws IOException {
        String args = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        String packageName = root.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
        boolean handWritten = Files.exists(file.resolveSibling(args + ".java"));
        Declaration declaration;
        try {
            LoaderOptions strict = new LoaderOptions();
            strict.setAllowDuplicateKeys(false);
            declaration = Declaration.of(args, handWritten, new Yaml(new SafeConstructor(strict)).load(Files.readString(file)));
        } catch (RuntimeException e) {
            error(root.relativize(file) + ": " + e.getMessage());
            return;
        }
        String name = handWritten ? args + "Base" : args;
        try (Writer out = processingEnv.getFiler().createSourceFile(packageName + "." + name).openWriter()) {
            out.write(declaration.java(packageName, name, root.relativize(file).toString()));
        }
    }

    private void error(String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "ArgsGenerator: " + message);
    }

    /** One input of an Args class, as its declaration gives it. */
    record Input(String name, String type, boolean required, String defaultValue, String returns, String get,
                 List<String> doc, List<String> getterDoc, List<String> getterAnnotations, String setterType,
                 List<String> setterDoc, List<String> annotations) {

        static Input of(String name, Map<String, Object> map) {
            unknownKeys("input " + name, map, INPUT_KEYS);
            String type = text(map, "type", null);
            if (type == null) {
                throw new IllegalArgumentException("input " + name + " has no type");
            }
            String get = text(map, "get", "auto");
            if (!List.of("auto", "false", "field").contains(get)) {
                throw new IllegalArgumentException("input " + name + ": get must be false or field, not " + get);
            }
            return new Input(name, type, Boolean.TRUE.equals(map.get("required")), text(map, "default", null),
                    text(map, "returns", null), get, lines(map, "doc"), lines(map, "getterDoc"),
                    list(map, "getterAnnotations"), text(map, "setterType", null), lines(map, "setterDoc"), list(map, "annotations"));
        }

        String unboxed() {
            return UNBOXED.getOrDefault(type, type);
        }

        /** The Output's value type, or null when the input is not an Output. */
        String outputOf() {
            return type.startsWith("Output<") ? type.substring("Output<".length(), type.length() - 1) : null;
        }
    }

    /** The declaration of one Args class. */
    record Declaration(String args, boolean handWritten, String parent, List<String> doc, boolean builder,
                       List<String> imports, List<Input> inputs) {

        @SuppressWarnings("unchecked")
        static Declaration of(String args, boolean handWritten, Object yaml) {
            if (!(yaml instanceof Map<?, ?> top)) {
                throw new IllegalArgumentException("the declaration is not a mapping");
            }
            Map<String, Object> map = (Map<String, Object>) top;
            unknownKeys("the declaration", map, CLASS_KEYS);
            Object inputs = map.get("inputs");
            if (!(inputs instanceof Map<?, ?> inputMap)) {
                throw new IllegalArgumentException("inputs must be a mapping of input names");
            }
            List<Input> parsed = new ArrayList<>();
            ((Map<String, Object>) inputMap).forEach((name, input) -> {
                if (!(input instanceof Map<?, ?> inputFields)) {
                    throw new IllegalArgumentException("input " + name + " must be a mapping");
                }
                parsed.add(Input.of(name, (Map<String, Object>) inputFields));
            });
            return new Declaration(args, handWritten, text(map, "extends", "ResourceArgs"), lines(map, "doc"),
                    !Boolean.FALSE.equals(map.get("builder")), list(map, "imports"), parsed);
        }

        String java(String packageName, String name, String source) {
            StringBuilder java = new StringBuilder("package ").append(packageName).append(";\n\n");
            List<String> imports = new ArrayList<>(List.of("com.pulumi.core.Output", "com.pulumi.core.annotations.Import",
                    "com.pulumi.resources.ResourceArgs", "dev.strata.core.ArgsBuilder", "dev.strata.core.StatefulArgs",
                    "dev.strata.core.StorageArgs", "dev.strata.core.TaggedArgs", "javax.annotation.Nullable",
                    "javax.annotation.processing.Generated", "java.util.Collections", "java.util.LinkedHashMap",
                    "java.util.List", "java.util.Map", "java.util.Optional"));
            imports.addAll(this.imports);
            imports.stream().distinct().sorted().forEach(i -> java.append("import ").append(i).append(";\n"));
            java.append('\n');
            javadoc(java, "", handWritten ? List.of("The inputs of {@link " + args + "}, declared in {@code " + source
                    + "}: fields, getters with their defaults, and the builder.") : doc);
            java.append("@Generated(\"").append(ArgsGenerator.class.getName()).append("\")\n");
            java.append("public ").append(handWritten ? "abstract " : "final ").append("class ").append(name)
                    .append(" extends ").append(parent).append(" {\n");
            String access = handWritten ? "" : "private ";
            for (Input input : inputs) {
                javadoc(java, "    ", own(input.doc()));
                java.append("    @Import(name = \"").append(input.name()).append('"').append(input.required() ? ", required = true" : "").append(")\n");
                if (!input.required()) {
                    java.append("    @Nullable\n");
                }
                input.annotations().forEach(a -> java.append("    ").append(a).append('\n'));
                java.append("    ").append(access).append(input.type()).append(' ').append(input.name()).append(";\n\n");
            }
            if (handWritten) {
                java.append("    ").append(name).append("() {\n    }\n\n");
            }
            for (Input input : inputs) {
                getter(java, input);
            }
            if (builder) {
                builder(java);
            }
            return java.append("}\n").toString();
        }

        private void getter(StringBuilder java, Input input) {
            if (input.get().equals("false")) {
                return;
            }
            javadoc(java, "    ", own(input.getterDoc()));
            input.getterAnnotations().forEach(a -> java.append("    ").append(a).append('\n'));
            String returns;
            String value;
            String field = input.name();
            if (input.defaultValue() != null) {
                returns = input.returns() != null ? input.returns() : input.unboxed();
                value = SIMPLE.matcher(input.defaultValue()).matches()
                        ? "Optional.ofNullable(" + field + ").orElse(" + input.defaultValue() + ")"
                        : "Optional.ofNullable(" + field + ").orElseGet(() -> " + input.defaultValue() + ")";
            } else if (input.required() || input.get().equals("field")) {
                returns = input.type();
                value = field;
            } else {
                returns = "Optional<" + input.type() + ">";
                value = "Optional.ofNullable(" + field + ")";
            }
            java.append("    public ").append(returns).append(' ').append(field).append("() {\n        return ")
                    .append(value).append(";\n    }\n\n");
        }

        private void builder(StringBuilder java) {
            String parentBuilder = parent.equals("ResourceArgs") ? "ArgsBuilder" : parent + ".Builder";
            java.append("    public static Builder builder() {\n        return new Builder();\n    }\n\n");
            java.append("    public static final class Builder extends ").append(parentBuilder).append('<').append(args)
                    .append(", Builder> {\n        private Builder() {\n            super(new ").append(args).append("());\n        }\n");
            for (Input input : inputs) {
                String type = input.setterType() != null ? input.setterType() : input.unboxed();
                String field = input.name();
                String value = type.endsWith("...") ? "List.of(" + field + ")" : copy(input.type(), field);
                java.append('\n');
                javadoc(java, "        ", own(input.setterDoc()));
                java.append("        public Builder ").append(field).append('(').append(type).append(' ').append(field)
                        .append(") {\n            args.").append(field).append(" = ").append(value)
                        .append(";\n            return this;\n        }\n");
                if (input.type().equals("String")) {
                    for (String annotation : input.annotations()) {
                        Matcher oneOf = ONE_OF.matcher(annotation);
                        if (oneOf.matches()) {
                            String spelled = oneOf.group(2) == null ? "name" : oneOf.group(2);
                            java.append("\n        public Builder ").append(field).append('(').append(oneOf.group(1)).append(' ').append(field)
                                    .append(") {\n            return ").append(field).append('(').append(field).append('.').append(spelled)
                                    .append("());\n        }\n");
                        }
                    }
                }
                String of = input.outputOf();
                if (of != null) {
                    java.append("\n        public Builder ").append(field).append("(@Nullable ").append(of).append(' ').append(field)
                            .append(") {\n            return ").append(field).append('(').append(field).append(" == null ? null : Output.of(")
                            .append(copy(of, field)).append("));\n        }\n");
                }
            }
            java.append("    }\n");
        }

        /** A copy of a collection the caller hands over: lists immutable, maps in the caller's order. */
        private static String copy(String type, String value) {
            if (type.startsWith("List<")) {
                return "List.copyOf(" + value + ")";
            }
            if (type.startsWith("Map<")) {
                return "Collections.unmodifiableMap(new LinkedHashMap<>(" + value + "))";
            }
            return value;
        }

        /** Javadoc references to members of the Args class that are not inputs, qualified for the generated base. */
        private List<String> own(List<String> lines) {
            if (!handWritten) {
                return lines;
            }
            Set<String> names = new java.util.HashSet<>();
            inputs.forEach(i -> names.add(i.name()));
            return lines.stream().map(line -> {
                Matcher m = OWN_REFERENCE.matcher(line);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(names.contains(m.group(2)) ? m.group()
                            : "{@" + m.group(1) + " " + args + "#" + m.group(2)));
                }
                return m.appendTail(out).toString();
            }).toList();
        }
    }

    private static void javadoc(StringBuilder java, String indent, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        if (lines.size() == 1) {
            java.append(indent).append("/** ").append(lines.get(0)).append(" */\n");
            return;
        }
        java.append(indent).append("/**\n");
        lines.forEach(line -> java.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n'));
        java.append(indent).append(" */\n");
    }

    private static void unknownKeys(String what, Map<String, Object> map, Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(what + " has an unknown key " + key + " (known: " + new java.util.TreeSet<>(known) + ")");
            }
        }
    }

    private static String text(Map<String, Object> map, String key, String fallback) {
        Object value = map.get(key);
        return value == null ? fallback : String.valueOf(value);
    }

    private static List<String> lines(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : List.of(String.valueOf(value).split("\n", -1));
    }

    private static List<String> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException(key + " must be a list");
        }
        return items.stream().map(String::valueOf).toList();
    }
}

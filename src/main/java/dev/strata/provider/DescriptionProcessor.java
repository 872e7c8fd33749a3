package dev.strata.provider;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A compile step that keeps the Javadoc the one source of the package schema's descriptions: javac
 * runs it over Strata's sources (pom.xml, the {@code default-compile} execution) and it writes the
 * Javadoc of every class, field and enum constant, as Markdown, to {@link Descriptions#RESOURCE} in
 * the class output, which {@link Descriptions} reads. The schema is thus described by the Javadoc of
 * the very classes it is inferred from, with no copy to go stale. Keys: the class's binary name, and
 * {@code Class#member} for a field or an enum constant.
 */
@SupportedAnnotationTypes("*")
public final class DescriptionProcessor extends AbstractProcessor {
    private final TreeMap<String, String> docs = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                collect(type);
            }
        }
        if (round.processingOver()) {
            write();
        }
        return false;
    }

    private void collect(TypeElement type) {
        String name = processingEnv.getElementUtils().getBinaryName(type).toString();
        put(name, type, type);
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.ENUM_CONSTANT) {
                put(name + "#" + member.getSimpleName(), member, type);
            } else if (member instanceof TypeElement nested) {
                collect(nested);
            }
        }
    }

    private void put(String key, Element element, TypeElement context) {
        String comment = processingEnv.getElementUtils().getDocComment(element);
        String markdown = comment == null ? "" : Descriptions.markdown(comment, reference -> constant(reference, context));
        if (!markdown.isEmpty()) {
            docs.put(key, markdown);
        }
    }

    /** The value of the constant {@code {@value Type#NAME}} names, seen from {@code context} (its class, package or a full name). */
    private Optional<String> constant(String reference, TypeElement context) {
        int hash = reference.indexOf('#');
        String typeName = hash < 0 ? "" : reference.substring(0, hash);
        String member = reference.substring(hash + 1);
        Elements elements = processingEnv.getElementUtils();
        String packageName = elements.getPackageOf(context).getQualifiedName().toString();
        TypeElement type = typeName.isEmpty() ? context : Stream.of(typeName, packageName + "." + typeName,
                        context.getQualifiedName() + "." + typeName)
                .map(elements::getTypeElement).filter(Objects::nonNull).findFirst().orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        return type.getEnclosedElements().stream()
                .filter(e -> e instanceof VariableElement && e.getSimpleName().contentEquals(member))
                .map(e -> ((VariableElement) e).getConstantValue()).filter(Objects::nonNull).map(String::valueOf).findFirst();
    }

    private void write() {
        StringBuilder text = new StringBuilder("# Javadoc of Strata's classes, for the component package schema (DescriptionProcessor)\n");
        docs.forEach((key, doc) -> text.append(key).append('=').append(escape(doc)).append('\n'));
        try (OutputStream out = processingEnv.getFiler()
                .createResource(StandardLocation.CLASS_OUTPUT, "", Descriptions.RESOURCE).openOutputStream()) {
            out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + Descriptions.RESOURCE + ": " + e);
        }
    }

    /** A value as {@link java.util.Properties#load(java.io.InputStream)} reads it back: ASCII, escapes for the rest. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                default -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}

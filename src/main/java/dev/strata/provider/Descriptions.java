package dev.strata.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of Strata's classes, fields and enum constants as Markdown: what the package schema
 * says of each component, property and type. {@link DescriptionProcessor} writes it when the sources
 * compile; this reads it back.
 */
final class Descriptions {
    /** Where the class output holds the descriptions. */
    static final String RESOURCE = "dev/strata/provider/descriptions.properties";

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s*");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(param|return|throws|see|since|deprecated)\\b");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    private final Properties docs;

    private Descriptions(Properties docs) {
        this.docs = docs;
    }

    /** The descriptions the build wrote; fails when it wrote none (the build ran without the processor). */
    static Descriptions load() {
        Properties docs = new Properties();
        try (InputStream in = Descriptions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: compile with pom.xml's DescriptionProcessor (mvn compile)");
            }
            docs.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Descriptions(docs);
    }

    /** The class's Javadoc. */
    Optional<String> of(Class<?> type) {
        return Optional.ofNullable(docs.getProperty(type.getName()));
    }

    /** The field's (or enum constant's) Javadoc. */
    Optional<String> of(Field field) {
        return of(field.getDeclaringClass(), field.getName());
    }

    /** The Javadoc of {@code type}'s field or enum constant {@code member}. */
    Optional<String> of(Class<?> type, String member) {
        return Optional.ofNullable(docs.getProperty(type.getName() + "#" + member));
    }

    /**
     * A Javadoc comment (as javac hands it over: no leading stars) as Markdown: block tags dropped,
     * {@code {@code x}} as {@code `x`}, links as their label or member, paragraphs and list items kept,
     * other HTML dropped, lines of a paragraph joined; {@code {@value X#Y}} is the constant's value as
     * {@code values} gives it (else the reference).
     */
    static String markdown(String comment, Function<String, Optional<String>> values) {
        Matcher block = BLOCK_TAG.matcher(comment);
        String text = block.find() ? comment.substring(0, block.start()) : comment;
        text = inlineTags(text, values);
        text = text.replaceAll("(?i)<p>", "\n\n").replaceAll("(?i)<li>", "\n\n- ").replaceAll("(?i)</?(ul|ol)>", "\n\n");
        text = HTML_TAG.matcher(text).replaceAll("").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        StringBuilder markdown = new StringBuilder();
        boolean item = false;
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String joined = paragraph.strip().replaceAll("\\s+", " ");
            if (!joined.isEmpty()) {
                // Items of one list on consecutive lines; a blank line around the list.
                boolean nextItem = joined.startsWith("- ");
                markdown.append(markdown.length() == 0 ? "" : item && nextItem ? "\n" : "\n\n").append(joined);
                item = nextItem;
            }
        }
        return markdown.toString();
    }

    /** Replaces each inline tag (braces balanced, as in {@code {@code Map.of()}}) with its Markdown. */
    private static String inlineTags(String text, Function<String, Optional<String>> values) {
        StringBuilder out = new StringBuilder();
        Matcher tag = INLINE_TAG.matcher(text);
        int at = 0;
        while (tag.find(at)) {
            out.append(text, at, tag.start());
            int depth = 1;
            int end = tag.end();
            while (end < text.length() && depth > 0) {
                char c = text.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            String body = text.substring(tag.end(), depth == 0 ? end - 1 : end).strip();
            out.append(switch (tag.group(1)) {
                // Literal text: escaped here, so that dropping HTML keeps it (unescaped after).
                case "code" -> "`" + literal(body) + "`";
                case "literal" -> literal(body);
                case "value" -> values.apply(body).map(value -> "`" + literal(value) + "`").orElseGet(() -> link(body));
                default -> link(body);
            });
            at = end;
        }
        return out.append(text.substring(at)).toString();
    }

    private static String literal(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A link's label, else its target as {@code `Type.member`} (a member of this class: {@code `member`}). */
    private static String link(String body) {
        String[] parts = body.split("\\s+", 2);
        if (parts.length == 2) {
            return parts[1];
        }
        String target = parts[0].replaceAll("\\(.*\\)$", "");
        target = target.startsWith("#") ? target.substring(1) : target.substring(target.lastIndexOf('.', target.contains("#")
                ? target.indexOf('#') : target.length()) + 1).replace('#', '.');
        return target.isEmpty() ? "" : "`" + target + "`";
    }
}

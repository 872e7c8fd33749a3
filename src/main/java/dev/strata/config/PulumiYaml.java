package dev.strata.config;

import dev.strata.core.Problems;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a YAML document as Pulumi reads stack files, so that {@code strata plan} sees the values
 * {@code pulumi up} hands the program.
 *
 * <p>Pulumi decodes stack files with Go's {@code gopkg.in/yaml.v3}
 * (pulumi/pulumi {@code sdk/go/common/encoding/marshal.go}), a YAML 1.2 reader that
 * <ul>
 *   <li>refuses a mapping key given twice ({@code mapping key "x" already defined at line N},
 *       go-yaml v3 {@code decode.go}); so does this reader, naming the key and both lines;</li>
 *   <li>resolves plain scalars with the YAML 1.2 core schema's forms ({@code true/True/TRUE},
 *       {@code null/~}, {@code 0o14} octal, {@code 0x1F}, {@code .inf}; {@code yes}, {@code on} and
 *       {@code 20:00} are strings), plus three forms kept from YAML 1.1 for compatibility: a leading
 *       {@code 0} is octal ({@code 014} is 12), {@code _} separates digits, {@code 0b} is binary
 *       (go-yaml v3 {@code resolve.go}); this reader resolves exactly those forms;</li>
 *   <li>reads an unquoted date as a timestamp, which Pulumi then hands the program as Go prints it
 *       ({@code 2024-01-01 00:00:00 +0000 UTC}); this reader reports such a value, asking for quotes;</li>
 *   <li>refuses an alias of a value that contains it ({@code anchor 't' value contains itself}) and
 *       bounds what aliases expand to; so does this reader;</li>
 *   <li>merges {@code <<} keys, as this reader does.</li>
 * </ul>
 * Only the first document of a stream is read, as yaml.v3's {@code Unmarshal} does. The parser is
 * snakeyaml-engine's event parser (YAML 1.2, no recursion); the tree is built from its events
 * ({@code YamlNode}), without recursion deeper than {@link #MAX_DEPTH}.
 *
 * <p>Values come out as {@code Map<String, Object>} (in document order), {@code List<Object>},
 * {@code String}, {@code Long}, {@code BigInteger} (beyond a long), {@code Double}, {@code Boolean}
 * or null. Problems name the key as the stack file's user knows it ({@code strata:tags.owner}).
 */
public final class PulumiYaml {
    /** Nesting deeper than this is refused (a stack file nests a handful of levels). */
    public static final int MAX_DEPTH = 64;
    /** Values a document may expand to, aliases included (yaml.v3 bounds alias expansion too). */
    public static final int MAX_VALUES = 100_000;
    /** Characters a document may hold. */
    public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

    /**
     * A document read.
     *
     * @param value    the first document's value (null for an empty stream)
     * @param problems what Pulumi would refuse, or what would reach the program differently than written
     * @param warnings what Pulumi accepts but is likely a mistake
     */
    public record Document(Object value, List<String> problems, List<String> warnings) {
        public Document {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /** The key path of a value: {@code config} children are named by the config key itself. */
    @FunctionalInterface
    public interface KeyNames {
        String child(String parentPath, String key);

        /** Stack files: {@code config.strata:tags} is called {@code strata:tags}, then {@code strata:tags.owner}. */
        KeyNames STACK_FILE = (parent, key) -> parent.isEmpty() ? key : parent.equals("config") ? key : parent + "." + key;
    }

    private PulumiYaml() {
    }

    /** Reads {@code text}; syntax errors are problems too (then the value is null). */
    public static Document read(String text, KeyNames names) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            problems.add("the file has more than " + MAX_CODE_POINTS + " characters; a stack file holds a few thousand");
            return new Document(null, problems, warnings);
        }
        YamlNode root;
        try {
            root = YamlNode.compose(text, problems, warnings);
        } catch (MarkedYamlEngineException e) {
            problems.add("is not valid YAML: " + describe(e));
            return new Document(null, problems, warnings);
        } catch (YamlEngineException e) {
            problems.add("is not valid YAML: " + Problems.bounded(firstLine(e.getMessage())));
            return new Document(null, problems, warnings);
        }
        if (!problems.isEmpty() || root == null) {
            return new Document(null, problems, warnings);
        }
        Object value = new YamlValues(names, problems).value(root, "", 0);
        return new Document(value, problems, warnings);
    }

    private static String describe(MarkedYamlEngineException e) {
        Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
        String where = mark.map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ").orElse("");
        String what = e.getProblem() != null ? e.getProblem() : e.getContext();
        return where + Problems.bounded(firstLine(what));
    }

    private static String firstLine(String message) {
        return message == null ? "unknown error" : message.lines().findFirst().orElse(message);
    }
}

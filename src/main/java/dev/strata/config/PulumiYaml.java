package dev.strata.config;

import dev.strata.core.Problems;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * snakeyaml-engine's event parser (YAML 1.2, no recursion); the tree is built here, without
 * recursion deeper than {@link #MAX_DEPTH}.
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

    private static final String TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(([Tt]|[ ])[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?(Z|[+-][0-9]{2}:[0-9]{2})?)?");
    private static final Map<String, Object> SPECIAL = special();

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
        Node root;
        try {
            root = compose(text, problems, warnings);
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
        Builder builder = new Builder(names, problems);
        Object value = builder.value(root, "", 0);
        return new Document(value, problems, warnings);
    }

    // ---- composing: events to nodes, with anchors and aliases, without recursion ----

    /** A node of the document, with the line (1-based) it starts on. */
    private abstract static class Node {
        final int line;
        final Optional<String> tag;

        Node(int line, Optional<String> tag) {
            this.line = line;
            this.tag = tag;
        }
    }

    private static final class Scalar extends Node {
        final String value;
        final boolean plain;

        Scalar(int line, Optional<String> tag, String value, boolean plain) {
            super(line, tag);
            this.value = value;
            this.plain = plain;
        }
    }

    private static final class Sequence extends Node {
        final List<Node> items = new ArrayList<>();

        Sequence(int line, Optional<String> tag) {
            super(line, tag);
        }
    }

    private static final class Mapping extends Node {
        final List<Node> keys = new ArrayList<>();
        final List<Node> values = new ArrayList<>();
        Node pendingKey;

        Mapping(int line, Optional<String> tag) {
            super(line, tag);
        }

        void add(Node node) {
            if (pendingKey == null) {
                pendingKey = node;
            } else {
                keys.add(pendingKey);
                values.add(node);
                pendingKey = null;
            }
        }
    }

    private static final class Alias extends Node {
        final String anchor;
        final Node target;

        Alias(int line, String anchor, Node target) {
            super(line, Optional.empty());
            this.anchor = anchor;
            this.target = target;
        }
    }

    private static Node compose(String text, List<String> problems, List<String> warnings) {
        LoadSettings settings = LoadSettings.builder().setCodePointLimit(MAX_CODE_POINTS + 1).build();
        Map<String, Node> anchors = new HashMap<>();
        Deque<Node> open = new ArrayDeque<>();
        Node root = null;
        int documents = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case DocumentStart -> {
                    documents++;
                    if (documents == 2) {
                        warnings.add("holds more than one YAML document (---); Pulumi reads only the first");
                    }
                }
                case Scalar, SequenceStart, MappingStart, Alias -> {
                    if (documents > 1) {
                        continue;
                    }
                    int line = line(event);
                    Node node;
                    if (event instanceof AliasEvent alias) {
                        String name = alias.getAlias().getValue();
                        Node target = anchors.get(name);
                        if (target == null) {
                            problems.add("line " + line + ": the alias *" + Problems.bounded(name) + " names no anchor (&" + Problems.bounded(name) + ") before it");
                            return null;
                        }
                        node = new Alias(line, name, target);
                    } else if (event instanceof ScalarEvent scalar) {
                        node = new Scalar(line, scalar.getTag(), scalar.getValue(), scalar.isPlain());
                    } else if (event.getEventId() == Event.ID.SequenceStart) {
                        node = new Sequence(line, ((CollectionStartEvent) event).getTag());
                    } else {
                        node = new Mapping(line, ((CollectionStartEvent) event).getTag());
                    }
                    if (event instanceof NodeEvent nodeEvent && !(event instanceof AliasEvent)) {
                        nodeEvent.getAnchor().ifPresent(anchor -> anchors.put(anchor.getValue(), node));
                    }
                    Node parent = open.peek();
                    if (parent == null) {
                        root = node;
                    } else if (parent instanceof Sequence sequence) {
                        sequence.items.add(node);
                    } else {
                        ((Mapping) parent).add(node);
                    }
                    if (node instanceof Sequence || node instanceof Mapping) {
                        open.push(node);
                        if (open.size() > MAX_DEPTH) {
                            problems.add("line " + line + ": nests deeper than " + MAX_DEPTH + " levels");
                            return null;
                        }
                    }
                }
                case SequenceEnd, MappingEnd -> {
                    if (documents <= 1) {
                        open.pop();
                    }
                }
                default -> {
                    // stream start and end, document end, comments
                }
            }
        }
        return root;
    }

    private static int line(Event event) {
        return event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
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

    // ---- building values: scalars resolved as yaml.v3 resolves them ----

    private static final class Builder {
        private final KeyNames names;
        private final List<String> problems;
        private final Set<Node> path = Collections.newSetFromMap(new IdentityHashMap<>());
        private int values;
        private boolean tooMany;

        Builder(KeyNames names, List<String> problems) {
            this.names = names;
            this.problems = problems;
        }

        Object value(Node node, String key, int depth) {
            if (++values > MAX_VALUES) {
                if (!tooMany) {
                    tooMany = true;
                    problems.add(where(key) + "the document expands (aliases included) to more than " + MAX_VALUES + " values");
                }
                return null;
            }
            if (depth > MAX_DEPTH) {
                problems.add(where(key) + "nests deeper than " + MAX_DEPTH + " levels");
                return null;
            }
            if (node instanceof Alias alias) {
                if (path.contains(alias.target)) {
                    problems.add(where(key) + "the alias *" + Problems.bounded(alias.anchor) + " (line " + alias.line
                            + ") refers to a value that contains it; Pulumi refuses a value that contains itself");
                    return null;
                }
                return value(alias.target, key, depth + 1);
            }
            if (node instanceof Scalar scalar) {
                return scalar(scalar, key);
            }
            path.add(node);
            try {
                if (node instanceof Sequence sequence) {
                    List<Object> list = new ArrayList<>(sequence.items.size());
                    for (int i = 0; i < sequence.items.size(); i++) {
                        list.add(value(sequence.items.get(i), key + "[" + i + "]", depth + 1));
                    }
                    return list;
                }
                return mapping((Mapping) node, key, depth);
            } finally {
                path.remove(node);
            }
        }

        private Map<String, Object> mapping(Mapping mapping, String key, int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            List<Node> merges = new ArrayList<>();
            for (int i = 0; i < mapping.keys.size(); i++) {
                Node keyNode = mapping.keys.get(i);
                if (keyNode instanceof Scalar s && s.plain && s.value.equals("<<") && s.tag.isEmpty()) {
                    merges.add(mapping.values.get(i));
                    continue;
                }
                Optional<String> name = keyName(keyNode, key);
                if (name.isEmpty()) {
                    continue;
                }
                String child = names.child(key, name.get());
                Integer earlier = lines.putIfAbsent(name.get(), keyNode.line);
                if (earlier != null) {
                    problems.add(Problems.bounded(child) + ": is given twice, on lines " + earlier + " and " + keyNode.line
                            + "; Pulumi refuses a key given twice (keep one)");
                    continue;
                }
                map.put(name.get(), value(mapping.values.get(i), child, depth + 1));
            }
            // A merge key (<<) adds the keys of a map, or of each map of a list, that the mapping does not set itself.
            for (Node merge : merges) {
                Node target = merge instanceof Alias alias && !path.contains(alias.target) ? alias.target : merge;
                List<Node> sources = target instanceof Sequence sequence ? sequence.items : List.of(merge);
                for (Node source : sources) {
                    Object merged = value(source, key, depth + 1);
                    if (merged instanceof Map<?, ?> other) {
                        other.forEach((k, v) -> map.putIfAbsent((String) k, v));
                    } else if (merged != null || !(source instanceof Alias)) {
                        problems.add(where(key) + "a merge key (<<) must name a map or a list of maps");
                    }
                }
            }
            return map;
        }

        /** A mapping key as Pulumi's program sees it; keys that would reach it changed are refused. */
        private Optional<String> keyName(Node keyNode, String parent) {
            Node node = keyNode instanceof Alias alias ? alias.target : keyNode;
            if (!(node instanceof Scalar scalar)) {
                problems.add(where(parent) + "line " + keyNode.line + ": a key must be a plain value, not a list or a map");
                return Optional.empty();
            }
            if (!scalar.plain || isStringTag(scalar.tag)) {
                return Optional.of(scalar.value);
            }
            Object resolved = resolve(scalar, parent);
            if (resolved instanceof String s) {
                return Optional.of(s);
            }
            if (resolved instanceof Long || resolved instanceof BigInteger) {
                return Optional.of(resolved.toString());
            }
            problems.add(where(parent) + "line " + keyNode.line + ": the key " + Problems.bounded(scalar.value)
                    + " is read as a " + kind(resolved) + ", not as text; quote it");
            return Optional.empty();
        }

        private Object scalar(Scalar scalar, String key) {
            if (!scalar.plain && scalar.tag.isEmpty() || isStringTag(scalar.tag)) {
                return scalar.value;
            }
            return resolve(scalar, key);
        }

        private Object resolve(Scalar scalar, String key) {
            String tag = scalar.tag.map(t -> t.startsWith(TAG_PREFIX) ? "!!" + t.substring(TAG_PREFIX.length()) : t).orElse("");
            if (tag.equals("!!binary")) {
                try {
                    return new String(Base64.getMimeDecoder().decode(scalar.value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    problems.add(where(key) + "a !!binary value must be base64");
                    return null;
                }
            }
            if (!List.of("", "!", "!!int", "!!float", "!!bool", "!!null", "!!timestamp").contains(tag)) {
                return scalar.value; // a tag yaml.v3 cannot resolve leaves the text as it is
            }
            if (tag.equals("!")) {
                return scalar.value;
            }
            Object resolved = resolvePlain(scalar.value);
            if (resolved instanceof Timestamp) {
                if (!tag.isEmpty() && !tag.equals("!!timestamp")) {
                    return mismatch(scalar, tag, key);
                }
                problems.add(where(key) + "= " + Problems.render(scalar.value) + " is read by Pulumi as a timestamp, which reaches "
                        + "the program rewritten (e.g. \"2024-01-01 00:00:00 +0000 UTC\"); quote it to keep the text");
                return scalar.value;
            }
            if (tag.isEmpty()) {
                return resolved;
            }
            boolean fits = switch (tag) {
                case "!!int" -> resolved instanceof Long || resolved instanceof BigInteger;
                case "!!float" -> resolved instanceof Double || resolved instanceof Long || resolved instanceof BigInteger;
                case "!!bool" -> resolved instanceof Boolean;
                case "!!null" -> resolved == null;
                default -> false;
            };
            if (!fits) {
                return mismatch(scalar, tag, key);
            }
            return tag.equals("!!float") && resolved instanceof Number number ? (Object) number.doubleValue() : resolved;
        }

        private Object mismatch(Scalar scalar, String tag, String key) {
            problems.add(where(key) + "= " + Problems.render(scalar.value) + " cannot be read as a " + tag);
            return null;
        }

        private String where(String key) {
            return key.isEmpty() ? "" : Problems.bounded(key) + ": ";
        }
    }

    private static boolean isStringTag(Optional<String> tag) {
        return tag.filter(t -> t.equals(TAG_PREFIX + "str")).isPresent();
    }

    private static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        return "timestamp";
    }

    /** Marks a plain scalar yaml.v3 reads as a timestamp. */
    private record Timestamp(String text) {
    }

    /**
     * A plain, untagged scalar as go-yaml v3's {@code resolve} reads it: null, booleans, infinities
     * and NaN by exact spelling; then, for text starting with a digit or a sign, a timestamp, an
     * integer (Go's base-prefix rules after removing {@code _}), an unsigned integer, or a float of
     * the YAML form; for text starting with a dot, a float. Anything else is a string.
     */
    static Object resolvePlain(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        boolean hinted = first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9')
                || "yYnNtTfFoO~".indexOf(first) >= 0;
        if (!hinted) {
            return text;
        }
        if (SPECIAL.containsKey(text)) {
            return SPECIAL.get(text);
        }
        if (first == '.') {
            return DOT_FLOAT.matcher(text).matches() ? (Object) Double.parseDouble(text) : text;
        }
        if (!(first == '+' || first == '-' || Character.isDigit(first))) {
            return text;
        }
        if (isTimestamp(text)) {
            return new Timestamp(text);
        }
        String plain = text.replace("_", "");
        BigInteger integer = goParseInt(plain);
        if (integer != null) {
            if (integer.bitLength() < 64) {
                return integer.longValue();
            }
            if (integer.signum() > 0 && integer.bitLength() <= 64) {
                return integer; // an unsigned 64-bit value (yaml.v3's uint64)
            }
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            double value = Double.parseDouble(plain);
            if (!Double.isInfinite(value)) {
                return value;
            }
        }
        return text;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} digits: sign, then 0x, 0o, 0b, a leading 0 (octal) or decimal; null if none fits. */
    static BigInteger goParseInt(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String digits = s.substring(i);
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            char p = Character.toLowerCase(digits.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                digits = digits.substring(2);
            } else {
                radix = 8;
                digits = digits.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    private static boolean isTimestamp(String text) {
        Matcher matcher = TIMESTAMP.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Map<String, Object> special() {
        Map<String, Object> map = new HashMap<>();
        for (String s : List.of("true", "True", "TRUE")) {
            map.put(s, Boolean.TRUE);
        }
        for (String s : List.of("false", "False", "FALSE")) {
            map.put(s, Boolean.FALSE);
        }
        for (String s : List.of("~", "null", "Null", "NULL")) {
            map.put(s, null);
        }
        for (String s : List.of(".nan", ".NaN", ".NAN")) {
            map.put(s, Double.NaN);
        }
        for (String s : List.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF")) {
            map.put(s, Double.POSITIVE_INFINITY);
        }
        for (String s : List.of("-.inf", "-.Inf", "-.INF")) {
            map.put(s, Double.NEGATIVE_INFINITY);
        }
        return Collections.unmodifiableMap(map);
    }
}

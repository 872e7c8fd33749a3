package dev.strata.config;

import dev.strata.config.YamlNode.Alias;
import dev.strata.config.YamlNode.Mapping;
import dev.strata.config.YamlNode.Scalar;
import dev.strata.config.YamlNode.Sequence;
import dev.strata.core.Problems;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a document's values from its nodes (see {@link PulumiYaml}): aliases expanded within
 * {@link PulumiYaml#MAX_VALUES} values and {@link PulumiYaml#MAX_DEPTH} levels, merge keys applied,
 * keys given twice refused, scalars resolved as yaml.v3 resolves them ({@link YamlScalars}); each
 * problem named by its key.
 */
final class YamlValues {
    private final PulumiYaml.KeyNames names;
    private final List<String> problems;
    private final Set<YamlNode> path = Collections.newSetFromMap(new IdentityHashMap<>());
    private int values;
    private boolean tooMany;

    YamlValues(PulumiYaml.KeyNames names, List<String> problems) {
        this.names = names;
        this.problems = problems;
    }

    Object value(YamlNode node, String key, int depth) {
        if (++values > PulumiYaml.MAX_VALUES) {
            if (!tooMany) {
                tooMany = true;
                problems.add(where(key) + "the document expands (aliases included) to more than " + PulumiYaml.MAX_VALUES + " values");
            }
            return null;
        }
        if (depth > PulumiYaml.MAX_DEPTH) {
            problems.add(where(key) + "nests deeper than " + PulumiYaml.MAX_DEPTH + " levels");
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
        List<YamlNode> merges = new ArrayList<>();
        for (int i = 0; i < mapping.keys.size(); i++) {
            YamlNode keyNode = mapping.keys.get(i);
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
        for (YamlNode merge : merges) {
            YamlNode target = merge instanceof Alias alias && !path.contains(alias.target) ? alias.target : merge;
            List<YamlNode> sources = target instanceof Sequence sequence ? sequence.items : List.of(merge);
            for (YamlNode source : sources) {
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
    private Optional<String> keyName(YamlNode keyNode, String parent) {
        YamlNode node = keyNode instanceof Alias alias ? alias.target : keyNode;
        if (!(node instanceof Scalar scalar)) {
            problems.add(where(parent) + "line " + keyNode.line + ": a key must be a plain value, not a list or a map");
            return Optional.empty();
        }
        if (!scalar.plain || YamlScalars.isStringTag(scalar.tag)) {
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
                + " is read as a " + YamlScalars.kind(resolved) + ", not as text; quote it");
        return Optional.empty();
    }

    private Object scalar(Scalar scalar, String key) {
        if (!scalar.plain && scalar.tag.isEmpty() || YamlScalars.isStringTag(scalar.tag)) {
            return scalar.value;
        }
        return resolve(scalar, key);
    }

    private Object resolve(Scalar scalar, String key) {
        String tag = scalar.tag.map(t -> t.startsWith(YamlScalars.TAG_PREFIX) ? "!!" + t.substring(YamlScalars.TAG_PREFIX.length()) : t).orElse("");
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
        Object resolved = YamlScalars.resolvePlain(scalar.value);
        if (resolved instanceof YamlScalars.Timestamp) {
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

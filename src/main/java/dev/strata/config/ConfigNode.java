package dev.strata.config;

import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A typed reader over one object of the {@code strata:} config tree.
 *
 * <p>Every read names its key; a value of the wrong type or out of range is recorded in
 * {@link Problems} with the full key path (e.g. {@code strata:dataLake.zones.raw.versioning}) and a
 * safe fallback is returned so that reading goes on and every problem is reported at once.
 * {@link #finish()} reports the keys that were present but never read: a typo never silently
 * falls back to a default. Parsers therefore read every key they accept, unconditionally.
 *
 * <p>Values come either from a stack YAML file (numbers, booleans, maps, lists) or from the Pulumi
 * engine (top-level scalars as strings, objects as JSON): both shapes are accepted.
 */
public final class ConfigNode {
    private final String path;
    private final Map<String, Object> values;
    private final Problems problems;
    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> reportedEmpty = new LinkedHashSet<>();

    ConfigNode(String path, Map<String, Object> values, Problems problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    /** The root of the {@code strata:} namespace: keys are written {@code strata:key}. */
    public static ConfigNode root(Map<String, Object> values, Problems problems) {
        return new ConfigNode("strata:", values, problems);
    }

    /** The full key path of a child key. */
    public String key(String child) {
        return path.endsWith(":") ? path + child : path + "." + child;
    }

    public Problems problems() {
        return problems;
    }

    /**
     * The value of {@code key}, or null when unset. A key written with no value ({@code key:} or
     * {@code key: ~}) is a problem, reported once: Pulumi hands the program an empty value there, and
     * no setting means "empty" by it.
     */
    private Object raw(String key) {
        read.add(key);
        Object value = values.get(key);
        if (value == null && values.containsKey(key) && reportedEmpty.add(key)) {
            problems.missing(key(key), "has no value (an empty or ~ value); give it one, or remove the key for its default");
        }
        return value;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public String string(String key, String fallback) {
        return optionalString(key).orElse(fallback);
    }

    public Optional<String> optionalString(String key) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Optional.of(String.valueOf(value));
        }
        problems.add(key(key), value, "must be a string");
        return Optional.empty();
    }

    /** A required string; records a problem when it is missing. */
    public Optional<String> requiredString(String key, String allowed) {
        Optional<String> value = optionalString(key);
        if (value.isEmpty() && !has(key)) {
            problems.missing(key(key), "is required; " + allowed);
        }
        return value;
    }

    public boolean bool(String key, boolean fallback) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        problems.add(key(key), value, "must be true or false");
        return fallback;
    }

    /** A whole number between {@code min} and {@code max} inclusive, or {@code fallback} when unset. */
    public Integer integer(String key, Integer fallback, int min, int max) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        return wholeNumber(key(key), value, min, max).orElse(fallback);
    }

    /**
     * A number (whole or decimal) between {@code min} and {@code max} inclusive, or {@code fallback}
     * when unset. Quantities such as expected GiB or a monthly budget in USD are read this way.
     */
    public Double decimal(String key, Double fallback, double min, double max) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        Double parsed = null;
        if (value instanceof Number number) {
            parsed = number.doubleValue();
        } else if (value instanceof String s) {
            try {
                parsed = Double.parseDouble(s.trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (parsed == null || parsed.isNaN() || parsed.isInfinite()) {
            problems.add(key(key), value, "must be a number from " + plain(min) + " to " + plain(max));
            return fallback;
        }
        if (parsed < min || parsed > max) {
            problems.add(key(key), value, "must be from " + plain(min) + " to " + plain(max));
            return fallback;
        }
        return parsed;
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number) : String.valueOf(number);
    }

    Optional<Integer> wholeNumber(String fullKey, Object value, int min, int max) {
        Long parsed = null;
        if (value instanceof Integer || value instanceof Long) {
            parsed = ((Number) value).longValue();
        } else if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            parsed = d.longValue();
        } else if (value instanceof String s) {
            try {
                parsed = Long.parseLong(s.trim());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (parsed == null) {
            problems.add(fullKey, value, "must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        if (parsed < min || parsed > max) {
            problems.add(fullKey, value, "must be from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(parsed.intValue());
    }

    /** One of an enum's constants, written in config as the constant's name or in lower case. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback, Function<E, String> spelling) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (spelling.apply(constant).equals(value)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "));
        problems.add(key(key), value, "must be one of " + allowed);
        return fallback;
    }

    /** A nested object; empty when the key is unset (and a problem when it is not an object). */
    public Optional<ConfigNode> object(String key) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        return asObject(key(key), value);
    }

    /** A nested object, or an empty one when unset, so that its defaults apply. */
    public ConfigNode objectOrEmpty(String key) {
        return object(key).orElseGet(() -> new ConfigNode(key(key), Map.of(), problems));
    }

    /** A map of names to objects, in the order written; empty when unset. */
    public Optional<Map<String, ConfigNode>> objectMap(String key) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(key(key), value, "must be a map of names to objects");
            return Optional.of(Map.of());
        }
        Map<String, ConfigNode> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object item = entry.getValue() == null ? Map.of() : entry.getValue();
            asObject(key(key) + "." + name, item).ifPresent(node -> result.put(name, node));
        }
        return Optional.of(result);
    }

    /** A list of objects; empty when the key is set to an empty list, absent when unset. */
    public Optional<List<ConfigNode>> objectList(String key) {
        Object value = raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(key(key), value, "must be a list");
            return Optional.of(List.of());
        }
        List<ConfigNode> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            asObject(key(key) + "[" + i + "]", list.get(i)).ifPresent(result::add);
        }
        return Optional.of(result);
    }

    /** A map of strings to strings (for example tags); empty when unset. */
    public Map<String, String> stringMap(String key) {
        Object value = raw(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(key(key), value, "must be a map of strings to strings");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object item = entry.getValue();
            if (item instanceof String || item instanceof Number || item instanceof Boolean) {
                result.put(String.valueOf(entry.getKey()), String.valueOf(item));
            } else {
                problems.add(key(key) + "." + entry.getKey(), item, "must be a string");
            }
        }
        return result;
    }

    /** A list of strings; empty when unset. */
    public List<String> stringList(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(key(key), value, "must be a list of strings");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s) {
                result.add(s);
            } else {
                problems.add(key(key) + "[" + i + "]", item, "must be a string");
            }
        }
        return result;
    }

    private Optional<ConfigNode> asObject(String fullKey, Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return Optional.of(new ConfigNode(fullKey, copy, problems));
        }
        problems.add(fullKey, value, "must be an object");
        return Optional.empty();
    }

    /**
     * Reports every key present here that no reader asked for, suggesting the nearest known key.
     * Call once the object's keys have all been read.
     */
    public void finish() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                problems.add(key(key), values.get(key), "is not a known setting" + suggestion(key));
            }
        }
    }

    private String suggestion(String unknown) {
        return read.stream()
                .min(Comparator.comparingInt(known -> distance(unknown.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT))))
                .filter(known -> distance(unknown.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT)) <= Math.max(2, known.length() / 3))
                .map(known -> "; did you mean " + key(known) + "?")
                .orElse("; known settings here: " + String.join(", ", read));
    }

    /** Levenshtein distance, for suggesting the key a typo meant. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package dev.strata.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a set of settings, so that validation reports them all at once
 * and fails a single time, before any resource is registered.
 */
public final class Problems {
    /** At most this many characters of a value or key are echoed in a message; the rest is summarised. */
    public static final int ECHO_LIMIT = 120;

    private final List<String> messages = new ArrayList<>();

    /** Records that the setting at {@code key} holds {@code value}, which breaks {@code rule}. */
    public void add(String key, Object value, String rule) {
        messages.add(bounded(key) + " = " + render(value) + ": " + rule);
    }

    /** Records a cross-field problem between two settings, naming both. */
    public void add(String key, Object value, String otherKey, Object otherValue, String rule) {
        messages.add(bounded(key) + " = " + render(value) + " and " + bounded(otherKey) + " = " + render(otherValue) + ": " + rule);
    }

    /** Records a problem with a setting that has no value to show (for example, a missing one). */
    public void missing(String key, String rule) {
        messages.add(bounded(key) + ": " + rule);
    }

    /** How many problems are recorded so far. */
    public int count() {
        return messages.size();
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Throws {@link InvalidConfigException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!messages.isEmpty()) {
            throw new InvalidConfigException(messages);
        }
    }

    /**
     * A value as a message shows it: strings quoted, at most {@link #ECHO_LIMIT} characters (a longer
     * value is cut and its length given), lists and maps rendered only as deep and as far as that bound
     * allows, so that no message echoes a value of unbounded size.
     */
    public static String render(Object value) {
        if (value == null) {
            return "(not set)";
        }
        StringBuilder out = new StringBuilder();
        boolean complete = append(out, value, 0);
        if (!complete || out.length() > ECHO_LIMIT) {
            String total = value instanceof String s ? " (" + s.length() + " characters)" : "";
            return out.substring(0, Math.min(out.length(), ECHO_LIMIT)) + "..." + total;
        }
        return out.toString();
    }

    /** Text (a key, a file name) cut to {@link #ECHO_LIMIT} characters. */
    public static String bounded(String text) {
        if (text == null || text.length() <= ECHO_LIMIT) {
            return text;
        }
        return text.substring(0, ECHO_LIMIT) + "... (" + text.length() + " characters)";
    }

    /** Appends {@code value}; false when it stopped at the bound. */
    private static boolean append(StringBuilder out, Object value, int depth) {
        if (out.length() > ECHO_LIMIT || depth > 8) {
            return false;
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            // Quoted at the top, as String.valueOf shows strings inside lists and maps.
            String quote = depth == 0 ? "\"" : "";
            out.append(quote).append(s, 0, Math.min(s.length(), ECHO_LIMIT + 1));
            if (s.length() > ECHO_LIMIT) {
                return false;
            }
            out.append(quote);
        } else if (value instanceof java.util.Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(bounded(String.valueOf(entry.getKey()))).append('=');
                if (!append(out, entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            out.append('}');
        } else if (value instanceof java.util.Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                if (!append(out, item, depth + 1)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            String text = String.valueOf(value);
            out.append(text, 0, Math.min(text.length(), ECHO_LIMIT + 1));
        }
        return out.length() <= ECHO_LIMIT;
    }
}

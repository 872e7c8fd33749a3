package dev.strata.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a set of settings, so that validation reports them all at once
 * and fails a single time, before any resource is registered.
 */
public final class Problems {
    private final List<String> messages = new ArrayList<>();

    /** Records that the setting at {@code key} holds {@code value}, which breaks {@code rule}. */
    public void add(String key, Object value, String rule) {
        messages.add(key + " = " + render(value) + ": " + rule);
    }

    /** Records a cross-field problem between two settings, naming both. */
    public void add(String key, Object value, String otherKey, Object otherValue, String rule) {
        messages.add(key + " = " + render(value) + " and " + otherKey + " = " + render(otherValue) + ": " + rule);
    }

    /** Records a problem with a setting that has no value to show (for example, a missing one). */
    public void missing(String key, String rule) {
        messages.add(key + ": " + rule);
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

    static String render(Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(value);
    }
}

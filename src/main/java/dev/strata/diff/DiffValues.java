package dev.strata.diff;

import com.google.gson.JsonElement;

import javax.annotation.Nullable;

/**
 * Input values as the reports print them: a string as itself, anything else as compact JSON, an
 * absent value as {@code (none)}; {@link #brief} elides the middle of long values (JSON policy
 * documents), the JSON format keeps them whole. Plans hold no secret values (the engine's secrets
 * read {@code "[secret]"}), so neither does a diff.
 */
final class DiffValues {
    /** The longest value {@link #brief} prints whole. */
    static final int BRIEF = 60;

    private DiffValues() {
    }

    static String full(@Nullable JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "(none)";
        }
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : value.toString();
    }

    static String brief(@Nullable JsonElement value) {
        String text = full(value).replace('\n', ' ');
        if (text.length() <= BRIEF) {
            return text;
        }
        int half = (BRIEF - 3) / 2;
        return text.substring(0, half) + "..." + text.substring(text.length() - half);
    }
}

package dev.strata.diff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The input paths that differ between two versions of a resource's inputs, each with its value
 * before and after (null: absent). Objects are compared key by key, lists element by element; a
 * path reads {@code spec.resources.requests.storage}, {@code subnetIds[0]}.
 */
final class InputDiff {
    /** One changed path. */
    record Change(String path, @Nullable JsonElement before, @Nullable JsonElement after) {
    }

    private InputDiff() {
    }

    static List<Change> of(JsonObject before, JsonObject after) {
        List<Change> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    private static void compare(String path, @Nullable JsonElement before, @Nullable JsonElement after, List<Change> changes) {
        if (before != null && before.isJsonNull()) {
            before = null;
        }
        if (after != null && after.isJsonNull()) {
            after = null;
        }
        if (before == null && after == null || before != null && before.equals(after)) {
            return;
        }
        if (before != null && after != null && before.isJsonObject() && after.isJsonObject()) {
            JsonObject b = before.getAsJsonObject();
            JsonObject a = after.getAsJsonObject();
            Set<String> keys = new LinkedHashSet<>(b.keySet());
            keys.addAll(a.keySet());
            for (String key : keys) {
                compare(path.isEmpty() ? key : path + "." + key, b.get(key), a.get(key), changes);
            }
            return;
        }
        if (before != null && after != null && before.isJsonArray() && after.isJsonArray()) {
            JsonArray b = before.getAsJsonArray();
            JsonArray a = after.getAsJsonArray();
            for (int i = 0; i < Math.max(b.size(), a.size()); i++) {
                compare(path + "[" + i + "]", i < b.size() ? b.get(i) : null, i < a.size() ? a.get(i) : null, changes);
            }
            return;
        }
        changes.add(new Change(path, before, after));
    }
}

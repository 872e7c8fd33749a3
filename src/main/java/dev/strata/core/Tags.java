package dev.strata.core;

import java.util.Collections;
import java.util.TreeMap;
import java.util.Map;

/** The tags on every taggable resource: the caller's tags (environment, cost allocation) plus component and tier. */
public final class Tags {
    private Tags() {
    }

    public static Map<String, String> of(Map<String, String> base, String component, String tier) {
        Map<String, String> tags = new TreeMap<>(base);
        tags.put("component", component);
        tags.put("tier", tier);
        return Collections.unmodifiableMap(tags);
    }
}

package dev.strata.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IAM policy statement. Rendered with a fixed key order so that policy JSON is stable from run
 * to run (plans and tests compare it as text).
 *
 * @param sid       the statement id
 * @param effect    {@code Allow} or {@code Deny}
 * @param principal the principal map (e.g. {@code {"AWS": "arn:aws:iam::1:root"}}), or {@code "*"}; null in identity policies
 * @param actions   the actions, never wildcards except where a statement documents why
 * @param resources the resource ARNs
 * @param condition the condition block, empty for none
 */
public record PolicyStatement(String sid, String effect, Object principal, List<String> actions, List<String> resources,
                              Map<String, Map<String, Object>> condition) {

    public static PolicyStatement allow(String sid, Object principal, List<String> actions, List<String> resources,
                                        Map<String, Map<String, Object>> condition) {
        return new PolicyStatement(sid, "Allow", principal, actions, resources, condition);
    }

    public static PolicyStatement deny(String sid, Object principal, List<String> actions, List<String> resources,
                                       Map<String, Map<String, Object>> condition) {
        return new PolicyStatement(sid, "Deny", principal, actions, resources, condition);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("Sid", sid);
        map.put("Effect", effect);
        if (principal != null) {
            map.put("Principal", principal);
        }
        map.put("Action", actions.size() == 1 ? actions.get(0) : actions);
        map.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
        if (!condition.isEmpty()) {
            map.put("Condition", condition);
        }
        return map;
    }
}

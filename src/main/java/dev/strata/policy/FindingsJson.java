package dev.strata.policy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import java.util.List;

/** The policy runner's findings document: a JSON array of {@link Finding}s, each complete. */
final class FindingsJson {
    private static final Gson GSON = new Gson();

    private FindingsJson() {
    }

    /** Parses the runner's findings JSON. */
    static List<Finding> parse(String json) {
        List<Finding> findings;
        try {
            findings = GSON.fromJson(json, new TypeToken<List<Finding>>() { }.getType());
        } catch (JsonParseException e) {
            throw new PolicyRunException("the policy runner printed something other than findings JSON: " + e.getMessage());
        }
        if (findings == null) {
            throw new PolicyRunException("the policy runner printed no findings JSON");
        }
        for (Finding finding : findings) {
            if (finding == null || finding.policy() == null || finding.resource() == null || finding.message() == null
                    || !(finding.isMandatory() || "advisory".equals(finding.enforcementLevel()))) {
                throw new PolicyRunException("the policy runner printed a malformed finding: " + GSON.toJson(finding));
            }
        }
        return List.copyOf(findings);
    }
}

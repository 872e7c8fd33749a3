package dev.strata.security;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An IAM policy document (key, bucket, file-system or identity policy) rendered as JSON. */
public final class PolicyDocument {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private PolicyDocument() {
    }

    public static String json(List<PolicyStatement> statements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements.stream().map(PolicyStatement::toMap).toList());
        return GSON.toJson(document);
    }
}

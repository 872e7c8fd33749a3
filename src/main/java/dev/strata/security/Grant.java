package dev.strata.security;

import com.pulumi.core.Output;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One grant: the identity-policy statements a storage component gives a principal, becoming one
 * inline policy of the principal's role named {@code id}.
 *
 * @param id         the inline policy's name, e.g. {@code read-dev-processed}; unique per principal
 * @param statements the statements, scoped to the granting component's ARNs
 */
public record Grant(String id, Output<List<PolicyStatement>> statements) {
    /** IAM's inline policy name alphabet (1 to 128 characters). */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,128}");

    public Grant {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("grant id " + id + " must be 1 to 128 letters, digits or +=,.@_-");
        }
    }

    /** A grant id from parts: lower-case, non-name characters turned into hyphens. */
    public static String id(String... parts) {
        String joined = String.join("-", parts).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("-+", "-").replaceAll("^-|-$", "");
        return joined.length() > 128 ? joined.substring(0, 128) : joined;
    }
}

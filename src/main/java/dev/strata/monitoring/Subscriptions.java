package dev.strata.monitoring;

import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/** The rules of the alarm topic's subscription endpoints ({@link StorageAlarmsArgs#validate}). */
final class Subscriptions {
    /** An e-mail address as SNS accepts it for the email protocol (one @, a dotted domain, no spaces). */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Subscriptions() {
    }

    /** E-mail endpoints: each an address, none twice. */
    static void checkEmails(List<String> emails, IntFunction<String> key, Problems problems) {
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i);
            if (email == null || !EMAIL.matcher(email).matches()) {
                problems.add(key.apply(i), email, "must be an e-mail address such as ml-oncall@example.com");
            } else if (emails.indexOf(email) != i) {
                problems.add(key.apply(i), email, "is listed twice");
            }
        }
    }

    /**
     * HTTPS endpoints: an absolute https:// URL with a host, and no credentials: no user information, query
     * or fragment (a token there would sit in the stack file and the plan; put it behind the endpoint instead).
     */
    static void checkHttpsEndpoints(List<String> urls, IntFunction<String> key, Problems problems) {
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            URI uri = parse(url);
            if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add(key.apply(i), url, "must be an https:// URL with a host");
            } else if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add(key.apply(i), "(not shown)", "must carry no user, password, query or fragment: "
                        + "credentials do not belong in a stack file or a plan");
            } else if (urls.indexOf(url) != i) {
                problems.add(key.apply(i), url, "is listed twice");
            }
        }
    }

    @Nullable
    private static URI parse(@Nullable String url) {
        try {
            return url == null ? null : new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

}

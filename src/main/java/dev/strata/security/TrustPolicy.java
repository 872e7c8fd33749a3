package dev.strata.security;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trust policy of an IRSA role: the cluster's OIDC provider may issue web identities for exactly
 * the named service accounts, with the STS audience, and nothing else
 * (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html). Both
 * conditions are {@code StringEquals}: no wildcard admits another service account.
 */
public final class TrustPolicy {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private TrustPolicy() {
    }

    /** The issuer as IAM condition keys use it: without {@code https://}. */
    public static String issuerHost(String issuer) {
        return issuer.startsWith("https://") ? issuer.substring("https://".length()) : issuer;
    }

    /** The ARN of the IAM OIDC provider of an issuer: {@code arn:<partition>:iam::<account>:oidc-provider/<issuer host>}. */
    public static String oidcProviderArn(String partition, String accountId, String issuer) {
        return "arn:" + partition + ":iam::" + accountId + ":oidc-provider/" + issuerHost(issuer);
    }

    /** The subject of a service account's token. */
    public static String subject(String namespace, String serviceAccount) {
        return "system:serviceaccount:" + namespace + ":" + serviceAccount;
    }

    /**
     * The trust policy JSON. {@code subjects} holds one subject for a workload; a CSI driver lists its
     * controller and node service accounts (each exact).
     */
    public static String json(String oidcProviderArn, String issuer, List<String> subjects) {
        if (subjects.isEmpty() || subjects.stream().anyMatch(s -> s.contains("*") || s.contains("?"))) {
            throw new IllegalArgumentException("a trust policy admits named service accounts only: " + subjects);
        }
        String host = issuerHost(issuer);
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put(host + ":sub", subjects.size() == 1 ? subjects.get(0) : List.copyOf(subjects));
        equals.put(host + ":aud", Grants.STS_AUDIENCE);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "ServiceAccountWebIdentity");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", oidcProviderArn));
        statement.put("Action", Actions.ASSUME_ROLE_WITH_WEB_IDENTITY);
        statement.put("Condition", Map.of("StringEquals", equals));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return GSON.toJson(document);
    }
}

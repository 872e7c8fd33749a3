package dev.strata.training;

import dev.strata.core.Problems;

import java.util.regex.Pattern;

/**
 * Kubernetes naming rules for the objects the training tiers create
 * (https://kubernetes.io/docs/concepts/overview/working-with-objects/names/).
 */
public final class KubernetesNames {
    /** A namespace is an RFC 1123 label. */
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** StorageClass, PersistentVolume and claim names are RFC 1123 subdomains. */
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private KubernetesNames() {
    }

    public static void namespace(String key, String value, Problems problems) {
        if (value == null || !DNS_LABEL.matcher(value).matches()) {
            problems.add(key, value, "must be a Kubernetes namespace name: 1 to 63 lower-case letters, digits or hyphens");
        }
    }

    public static void objectName(String key, String value, Problems problems) {
        if (value == null || !DNS_SUBDOMAIN.matcher(value).matches()) {
            problems.add(key, value, "must be a Kubernetes object name: lower-case letters, digits, '-' and '.', "
                    + "starting and ending with a letter or digit");
        }
    }
}

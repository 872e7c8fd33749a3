package dev.strata.core;

import com.pulumi.core.Output;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes' rules for the values Strata writes into manifests: resource quantities, object names
 * and label values. The settings parser checks config with them and the components (training, inference, identities) check
 * the plain values it is given with them.
 *
 * <p>Sources (Kubernetes documentation):
 * <ul>
 *   <li>Quantity: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 *       (a number with an optional binary suffix Ki Mi Gi Ti Pi Ei, decimal suffix n u m k M G T P E,
 *       or a decimal exponent)</li>
 *   <li>Names: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
 *       (DNS-1123 labels for namespaces, DNS-1123 subdomains for most other objects)</li>
 *   <li>Label values: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set</li>
 * </ul>
 */
public final class KubernetesValues {
    private static final Pattern QUANTITY = Pattern.compile(
            "^([+-]?)([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    private KubernetesValues() {
    }

    /** Whether {@code value} is a Kubernetes quantity greater than zero, such as {@code 100Gi} or {@code 500G}. */
    public static boolean isPositiveQuantity(String value) {
        if (value == null) {
            return false;
        }
        Matcher matcher = QUANTITY.matcher(value);
        return matcher.matches() && !matcher.group(1).equals("-") && new BigDecimal(
                matcher.group(2).startsWith(".") ? "0" + matcher.group(2) : matcher.group(2)).signum() > 0;
    }

    /** Records a problem unless {@code value} is a storage size written as a positive Kubernetes quantity. */
    public static void checkStorageSize(String value, String key, Problems problems) {
        if (!isPositiveQuantity(value)) {
            problems.add(key, value, "must be a positive Kubernetes quantity such as 100Gi, 500G or 1Ti "
                    + "(binary suffixes Ki, Mi, Gi, Ti, Pi, Ei; decimal k, M, G, T, P, E)");
        }
    }

    /** Records a problem unless {@code value} is a DNS-1123 label (namespaces): at most 63 lower-case letters, digits or hyphens. */
    public static void checkNamespace(String value, String key, Problems problems) {
        if (value == null || value.length() > 63 || !DNS_1123_LABEL.matcher(value).matches()) {
            problems.add(key, value, "must be a DNS-1123 label: 1 to 63 lower-case letters, digits or hyphens, "
                    + "starting and ending with a letter or digit");
        }
    }

    /**
     * {@link #checkNamespace(String, String, Problems)} for a namespace given as data: checked when its value
     * is known (a plain name), left to the API server when it is another resource's output.
     */
    public static void checkNamespace(Output<String> value, String key, Problems problems) {
        KnownValue.of(value).ifPresent(name -> checkNamespace(name, key, problems));
    }

    /** Records a problem unless {@code value} is a DNS-1123 subdomain (service accounts and most objects). */
    public static void checkObjectName(String value, String key, Problems problems) {
        if (value == null || value.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(value).matches()) {
            problems.add(key, value, "must be a DNS-1123 subdomain: 1 to 253 lower-case letters, digits, hyphens or dots, "
                    + "starting and ending with a letter or digit");
        }
    }

    /** Records a problem unless {@code value} is a non-empty label value. */
    public static void checkLabelValue(String value, String key, Problems problems) {
        if (value == null || value.isEmpty() || value.length() > 63 || !LABEL_VALUE.matcher(value).matches()) {
            problems.add(key, value, "must be a Kubernetes label value: "
                    + "1 to 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
        }
    }

    /**
     * Records a problem unless {@code value} is a label key: an optional DNS-subdomain prefix of at most
     * 253 characters and {@code /}, then a name of 1 to 63 letters, digits, '-', '_' or '.', starting and
     * ending with a letter or digit. Taint keys follow the same rule
     * (https://docs.aws.amazon.com/eks/latest/userguide/node-taints-managed-node-groups.html).
     */
    public static void checkLabelKey(String value, String key, Problems problems) {
        String name = value == null ? null : value.substring(value.indexOf('/') + 1);
        String prefix = value == null || !value.contains("/") ? null : value.substring(0, value.indexOf('/'));
        boolean prefixValid = prefix == null || (prefix.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(prefix).matches());
        if (name == null || name.isEmpty() || name.length() > 63 || !LABEL_VALUE.matcher(name).matches() || !prefixValid) {
            problems.add(key, value, "must be a Kubernetes label key: an optional DNS subdomain prefix and '/', then 1 to 63 "
                    + "letters, digits, '-', '_' or '.', starting and ending with a letter or digit (e.g. strata.dev/node-pool)");
        }
    }

    /** Records a problem unless {@code value} is an absolute path. */
    public static void checkAbsolutePath(String value, String key, Problems problems) {
        if (value == null || !value.startsWith("/")) {
            problems.add(key, value, "must be an absolute path starting with /");
        } else if (value.contains("..") || value.contains("//")) {
            problems.add(key, value, "must be a plain absolute path without '..' or '//'");
        }
    }
}

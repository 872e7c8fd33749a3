package dev.strata.config;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain scalars resolved as go-yaml v3's {@code resolve.go} resolves them (see {@link PulumiYaml}):
 * the YAML 1.2 core schema's forms plus the three kept from YAML 1.1, and dates read as timestamps.
 */
final class YamlScalars {
    static final String TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(([Tt]|[ ])[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\\.[0-9]*)?(Z|[+-][0-9]{2}:[0-9]{2})?)?");
    private static final Map<String, Object> SPECIAL = special();

    private YamlScalars() {
    }

    /** Whether a node is tagged {@code !!str}. */
    static boolean isStringTag(Optional<String> tag) {
        return tag.filter(t -> t.equals(TAG_PREFIX + "str")).isPresent();
    }

    /** What a resolved scalar other than text is, for a message. */
    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        if (value instanceof Number) {
            return "number";
        }
        return "timestamp";
    }

    /** Marks a plain scalar yaml.v3 reads as a timestamp. */
    record Timestamp(String text) {
    }

    /**
     * A plain, untagged scalar as go-yaml v3's {@code resolve} reads it: null, booleans, infinities
     * and NaN by exact spelling; then, for text starting with a digit or a sign, a timestamp, an
     * integer (Go's base-prefix rules after removing {@code _}), an unsigned integer, or a float of
     * the YAML form; for text starting with a dot, a float. Anything else is a string.
     */
    static Object resolvePlain(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        boolean hinted = first == '+' || first == '-' || first == '.' || (first >= '0' && first <= '9')
                || "yYnNtTfFoO~".indexOf(first) >= 0;
        if (!hinted) {
            return text;
        }
        if (SPECIAL.containsKey(text)) {
            return SPECIAL.get(text);
        }
        if (first == '.') {
            return DOT_FLOAT.matcher(text).matches() ? (Object) Double.parseDouble(text) : text;
        }
        if (!(first == '+' || first == '-' || Character.isDigit(first))) {
            return text;
        }
        if (isTimestamp(text)) {
            return new Timestamp(text);
        }
        String plain = text.replace("_", "");
        BigInteger integer = goParseInt(plain);
        if (integer != null) {
            if (integer.bitLength() < 64) {
                return integer.longValue();
            }
            if (integer.signum() > 0 && integer.bitLength() <= 64) {
                return integer; // an unsigned 64-bit value (yaml.v3's uint64)
            }
        }
        if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
            double value = Double.parseDouble(plain);
            if (!Double.isInfinite(value)) {
                return value;
            }
        }
        return text;
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} digits: sign, then 0x, 0o, 0b, a leading 0 (octal) or decimal; null if none fits. */
    static BigInteger goParseInt(String s) {
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String digits = s.substring(i);
        int radix = 10;
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            char p = Character.toLowerCase(digits.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                digits = digits.substring(2);
            } else {
                radix = 8;
                digits = digits.substring(1);
            }
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        return negative ? value.negate() : value;
    }

    private static boolean isTimestamp(String text) {
        Matcher matcher = TIMESTAMP.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static Map<String, Object> special() {
        Map<String, Object> map = new HashMap<>();
        for (String s : List.of("true", "True", "TRUE")) {
            map.put(s, Boolean.TRUE);
        }
        for (String s : List.of("false", "False", "FALSE")) {
            map.put(s, Boolean.FALSE);
        }
        for (String s : List.of("~", "null", "Null", "NULL")) {
            map.put(s, null);
        }
        for (String s : List.of(".nan", ".NaN", ".NAN")) {
            map.put(s, Double.NaN);
        }
        for (String s : List.of(".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF")) {
            map.put(s, Double.POSITIVE_INFINITY);
        }
        for (String s : List.of("-.inf", "-.Inf", "-.INF")) {
            map.put(s, Double.NEGATIVE_INFINITY);
        }
        return Collections.unmodifiableMap(map);
    }
}

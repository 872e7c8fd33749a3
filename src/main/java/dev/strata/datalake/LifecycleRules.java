package dev.strata.datalake;

import dev.strata.core.Problems;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * S3's rules for lifecycle configurations, in one place: the settings parser checks config with
 * them, and {@link SecureBucket} checks the plain values it is given with them.
 *
 * <p>Sources (Amazon S3 User Guide and API Reference):
 * <ul>
 *   <li>"Constraints and considerations for transitions":
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 *       (30-day minimum before STANDARD_IA/ONEZONE_IA, 30 days in an IA class before the next
 *       transition, the supported transition waterfall)</li>
 *   <li>"Lifecycle configuration elements":
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html
 *       (rule ID up to 255 characters, object size filters, expiration and noncurrent actions)</li>
 *   <li>"Setting lifecycle configuration on a bucket": at most 1,000 rules per bucket
 *       https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-set-lifecycle-configuration-intro.html</li>
 * </ul>
 */
public final class LifecycleRules {
    /** Maximum length of a rule ID. */
    public static final int MAX_ID_LENGTH = 255;
    /** Maximum number of rules in one bucket's lifecycle configuration. */
    public static final int MAX_RULES = 1000;
    /** Days an object stays in an infrequent-access class before S3 moves it on. */
    public static final int IA_MINIMUM_STAY_DAYS = 30;

    private LifecycleRules() {
    }

    /** Checks a bucket's rules: each rule, unique ids and the rule count. {@code key} names the list. */
    public static void validate(List<LifecycleRule> rules, String key, Problems problems) {
        if (rules.size() > MAX_RULES) {
            problems.add(key, rules.size() + " rules", "a bucket holds at most " + MAX_RULES + " lifecycle rules");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            LifecycleRule rule = rules.get(i);
            String ruleKey = key + "[" + i + "]";
            validate(rule, ruleKey, problems);
            if (!ids.add(rule.id())) {
                problems.add(ruleKey + ".id", rule.id(), "must be unique within the bucket's lifecycle rules");
            }
        }
    }

    /** Checks one rule; {@code key} names the rule, e.g. {@code strata:dataLake.zones.raw.lifecycle[0]}. */
    public static void validate(LifecycleRule rule, String key, Problems problems) {
        if (rule.id().isBlank() || rule.id().length() > MAX_ID_LENGTH) {
            problems.add(key + ".id", rule.id(), "must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (rule.transitions().isEmpty() && rule.expirationDays().isEmpty()
                && rule.noncurrentTransitions().isEmpty() && rule.noncurrentExpirationDays().isEmpty()) {
            problems.missing(key, "a lifecycle rule needs at least one action: transitions, expirationDays, "
                    + "noncurrentTransitions or noncurrentExpirationDays");
        }
        rule.objectSizeGreaterThan().filter(size -> size < 0).ifPresent(size ->
                problems.add(key + ".objectSizeGreaterThan", size, "must be 0 or more bytes"));
        rule.objectSizeLessThan().filter(size -> size < 1).ifPresent(size ->
                problems.add(key + ".objectSizeLessThan", size, "must be 1 or more bytes"));
        if (rule.objectSizeGreaterThan().isPresent() && rule.objectSizeLessThan().isPresent()
                && rule.objectSizeGreaterThan().get() >= rule.objectSizeLessThan().get()) {
            problems.add(key + ".objectSizeGreaterThan", rule.objectSizeGreaterThan().get(),
                    key + ".objectSizeLessThan", rule.objectSizeLessThan().get(),
                    "objectSizeGreaterThan must be less than objectSizeLessThan");
        }
        validateTransitions(rule.transitions(), key + ".transitions", problems);
        validateExpiration(rule.transitions(), rule.expirationDays().orElse(null),
                key + ".transitions", key + ".expirationDays", problems);
        validateTransitions(rule.noncurrentTransitions(), key + ".noncurrentTransitions", problems);
        validateExpiration(rule.noncurrentTransitions(), rule.noncurrentExpirationDays().orElse(null),
                key + ".noncurrentTransitions", key + ".noncurrentExpirationDays", problems);
    }

    private static void validateTransitions(List<Transition> transitions, String key, Problems problems) {
        for (int i = 0; i < transitions.size(); i++) {
            Transition transition = transitions.get(i);
            String daysKey = key + "[" + i + "].days";
            if (transition.days() < transition.storageClass().minimumDays()) {
                problems.add(daysKey, transition.days(), transition.storageClass() + " needs at least "
                        + transition.storageClass().minimumDays() + " days (S3 does not move younger objects to an IA class)");
            } else if (transition.days() < 0) {
                problems.add(daysKey, transition.days(), "must be 0 or more");
            }
            if (i == 0) {
                continue;
            }
            Transition previous = transitions.get(i - 1);
            String previousKey = key + "[" + (i - 1) + "]";
            if (!previous.storageClass().canTransitionTo(transition.storageClass())) {
                problems.add(key + "[" + i + "].storageClass", transition.storageClass().name(),
                        previousKey + ".storageClass", previous.storageClass().name(),
                        "S3 cannot transition from " + previous.storageClass() + " to " + transition.storageClass()
                                + "; transitions must move to colder classes in the order "
                                + "STANDARD_IA, INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE");
            }
            int minimumGap = previous.storageClass().isInfrequentAccess() ? IA_MINIMUM_STAY_DAYS : 1;
            if (transition.days() < previous.days() + minimumGap) {
                problems.add(daysKey, transition.days(), previousKey + ".days", previous.days(),
                        previous.storageClass().isInfrequentAccess()
                                ? "objects must stay at least " + IA_MINIMUM_STAY_DAYS + " days in " + previous.storageClass()
                                        + " before the next transition"
                                : "transition days must increase from one transition to the next");
            }
        }
    }

    private static void validateExpiration(List<Transition> transitions, Integer expirationDays,
                                           String transitionsKey, String expirationKey, Problems problems) {
        if (expirationDays == null) {
            return;
        }
        if (expirationDays < 1) {
            problems.add(expirationKey, expirationDays, "must be 1 or more");
            return;
        }
        if (!transitions.isEmpty()) {
            Transition last = transitions.get(transitions.size() - 1);
            if (expirationDays <= last.days()) {
                problems.add(expirationKey, expirationDays, transitionsKey + "[" + (transitions.size() - 1) + "].days",
                        last.days(), "expiration must come after the last transition");
            }
        }
    }
}

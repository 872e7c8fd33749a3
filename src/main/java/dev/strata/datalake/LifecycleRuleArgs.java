package dev.strata.datalake;

import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A typed S3 lifecycle rule, as a component argument. Checked with {@link LifecycleRules} before use. */
public final class LifecycleRuleArgs extends LifecycleRuleArgsBase {
    public static LifecycleRuleArgs from(LifecycleRule rule) {
        LifecycleRuleArgs args = new LifecycleRuleArgs();
        args.id = rule.id();
        args.prefix = rule.prefix().orElse(null);
        args.objectSizeGreaterThan = rule.objectSizeGreaterThan().orElse(null);
        args.objectSizeLessThan = rule.objectSizeLessThan().orElse(null);
        args.transitions = rule.transitions().stream().map(TransitionArgs::from).toList();
        args.expirationDays = rule.expirationDays().orElse(null);
        args.noncurrentTransitions = rule.noncurrentTransitions().stream().map(TransitionArgs::from).toList();
        args.noncurrentExpirationDays = rule.noncurrentExpirationDays().orElse(null);
        return args;
    }

    /** The typed rule; an unknown storage class or a missing field is recorded in {@code problems}. */
    public LifecycleRule toRule(String key, Problems problems) {
        if (id == null) {
            problems.missing(key + ".id", "is required");
        }
        return new LifecycleRule(id == null ? "" : id, Optional.ofNullable(prefix), Optional.ofNullable(objectSizeGreaterThan),
                Optional.ofNullable(objectSizeLessThan), transitions(transitions, key + ".transitions", problems),
                Optional.ofNullable(expirationDays), transitions(noncurrentTransitions, key + ".noncurrentTransitions", problems),
                Optional.ofNullable(noncurrentExpirationDays));
    }

    private static List<Transition> transitions(@Nullable List<TransitionArgs> args, String key, Problems problems) {
        List<Transition> result = new ArrayList<>();
        if (args == null) {
            return result;
        }
        for (int i = 0; i < args.size(); i++) {
            TransitionArgs transition = args.get(i);
            String itemKey = key + "[" + i + "]";
            if (transition.days() == null) {
                problems.missing(itemKey + ".days", "is required");
                continue;
            }
            try {
                result.add(new Transition(transition.days(), StorageClass.valueOf(String.valueOf(transition.storageClass()))));
            } catch (IllegalArgumentException e) {
                problems.add(itemKey + ".storageClass", transition.storageClass(),
                        "must be one of " + List.of(StorageClass.values()));
            }
        }
        return result;
    }
}

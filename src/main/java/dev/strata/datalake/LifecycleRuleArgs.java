package dev.strata.datalake;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A typed S3 lifecycle rule, as a component argument. Checked with {@link LifecycleRules} before use. */
public final class LifecycleRuleArgs extends ResourceArgs {
    /** The rule's id, unique within the bucket. Required. */
    @Import(name = "id", required = true)
    private String id;

    /** Key prefix the rule applies to. Default: the whole bucket. */
    @Import(name = "prefix")
    @Nullable
    private String prefix;

    /** Only objects larger than this many bytes. */
    @Import(name = "objectSizeGreaterThan")
    @Nullable
    private Integer objectSizeGreaterThan;

    /** Only objects smaller than this many bytes. */
    @Import(name = "objectSizeLessThan")
    @Nullable
    private Integer objectSizeLessThan;

    /** Transitions of current versions, in day order. */
    @Import(name = "transitions")
    @Nullable
    private List<TransitionArgs> transitions;

    /** Days after creation when current versions expire. */
    @Import(name = "expirationDays")
    @Nullable
    private Integer expirationDays;

    /** Transitions of noncurrent versions, in day order (days since becoming noncurrent). */
    @Import(name = "noncurrentTransitions")
    @Nullable
    private List<TransitionArgs> noncurrentTransitions;

    /** Days after becoming noncurrent when old versions are deleted. */
    @Import(name = "noncurrentExpirationDays")
    @Nullable
    private Integer noncurrentExpirationDays;

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<LifecycleRuleArgs, Builder> {
        private Builder() {
            super(new LifecycleRuleArgs());
        }

        public Builder id(String id) {
            args.id = id;
            return this;
        }

        public Builder prefix(String prefix) {
            args.prefix = prefix;
            return this;
        }

        public Builder objectSizeGreaterThan(int bytes) {
            args.objectSizeGreaterThan = bytes;
            return this;
        }

        public Builder objectSizeLessThan(int bytes) {
            args.objectSizeLessThan = bytes;
            return this;
        }

        public Builder transitions(TransitionArgs... transitions) {
            args.transitions = List.of(transitions);
            return this;
        }

        public Builder expirationDays(int days) {
            args.expirationDays = days;
            return this;
        }

        public Builder noncurrentTransitions(TransitionArgs... transitions) {
            args.noncurrentTransitions = List.of(transitions);
            return this;
        }

        public Builder noncurrentExpirationDays(int days) {
            args.noncurrentExpirationDays = days;
            return this;
        }
    }
}

package dev.strata.datalake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One S3 lifecycle rule, typed: which objects it applies to (an optional key prefix and object-size
 * range) and what happens to them (transitions, expiration, and the same for noncurrent versions).
 * {@link LifecycleRules#validate} checks it against S3's rules.
 *
 * @param id                       the rule's id, unique within its bucket
 * @param prefix                   key prefix the rule applies to; empty for the whole bucket
 * @param objectSizeGreaterThan    only objects larger than this many bytes
 * @param objectSizeLessThan       only objects smaller than this many bytes
 * @param transitions              storage-class transitions of current versions, in day order
 * @param expirationDays           days after creation when current versions expire
 * @param noncurrentTransitions    transitions of noncurrent versions, in day order (days since noncurrent)
 * @param noncurrentExpirationDays days after becoming noncurrent when old versions are deleted
 */
public record LifecycleRule(
        String id,
        Optional<String> prefix,
        Optional<Integer> objectSizeGreaterThan,
        Optional<Integer> objectSizeLessThan,
        List<Transition> transitions,
        Optional<Integer> expirationDays,
        List<Transition> noncurrentTransitions,
        Optional<Integer> noncurrentExpirationDays) {

    public LifecycleRule {
        Objects.requireNonNull(id, "id");
        transitions = List.copyOf(transitions);
        noncurrentTransitions = List.copyOf(noncurrentTransitions);
    }

    /** A rule over a key prefix, with no size filter. */
    public static LifecycleRule forPrefix(String id, String prefix, List<Transition> transitions, Integer expirationDays,
                                          List<Transition> noncurrentTransitions, Integer noncurrentExpirationDays) {
        return new LifecycleRule(id, Optional.ofNullable(prefix), Optional.empty(), Optional.empty(), transitions,
                Optional.ofNullable(expirationDays), noncurrentTransitions, Optional.ofNullable(noncurrentExpirationDays));
    }
}

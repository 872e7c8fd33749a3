package dev.strata.training;

import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.StorageClass;
import dev.strata.datalake.Transition;

import java.util.List;

/** The training bucket's default lifecycle: the playbook's cold and archive tiers. */
public final class TrainingLifecycle {
    private TrainingLifecycle() {
    }

    /** {@code datasets/}: STANDARD_IA after 30 days (cold), GLACIER after 90 and DEEP_ARCHIVE after 365 (archive). */
    public static final LifecycleRule DATASETS = LifecycleRule.forPrefix("datasets-tiering", "datasets/", List.of(
            new Transition(30, StorageClass.STANDARD_IA),
            new Transition(90, StorageClass.GLACIER),
            new Transition(365, StorageClass.DEEP_ARCHIVE)), null, List.of(), null);

    /**
     * {@code checkpoints/}: expire after 30 days. The bucket is versioned, so the versions that
     * expiration leaves behind are deleted 7 days later instead of being kept (and billed) forever.
     */
    public static final LifecycleRule CHECKPOINTS = LifecycleRule.forPrefix("checkpoints-expiry", "checkpoints/",
            List.of(), 30, List.of(), 7);

    public static final List<LifecycleRule> DEFAULTS = List.of(DATASETS, CHECKPOINTS);
}

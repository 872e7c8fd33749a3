package dev.strata.training;

import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.StorageClass;
import dev.strata.datalake.Transition;

import java.util.List;

/**
 * The training bucket's default lifecycle: the cold and archive tiers.
 *
 * <p>The playbook moved {@code datasets/} itself to GLACIER and DEEP_ARCHIVE; but {@code datasets/} is
 * the prefix the hot tier imports or links, and FSx for Lustre cannot read archived objects (nor can
 * GetObject) until they are restored ({@link LustreRules#archivedLinks}). So {@code datasets/} stays in
 * a class read in real time (cold: STANDARD_IA), and the archive tier is a prefix of its own,
 * {@code archive/}, where datasets no job reads any more are moved.
 */
public final class TrainingLifecycle {
    private TrainingLifecycle() {
    }

    /** The prefix of the archive tier: what is moved here goes to GLACIER, then DEEP_ARCHIVE. */
    public static final String ARCHIVE_PREFIX = "archive/";

    /** {@code datasets/}: STANDARD_IA after 30 days (cold), still read by FSx and GetObject in real time. */
    public static final LifecycleRule DATASETS = LifecycleRule.forPrefix("datasets-tiering", "datasets/", List.of(
            new Transition(30, StorageClass.STANDARD_IA)), null, List.of(), null);

    /**
     * {@code archive/}: GLACIER at once (S3 moves objects at the first midnight UTC after they were
     * written) and DEEP_ARCHIVE after 180 days, past GLACIER's 90-day minimum storage duration
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).
     */
    public static final LifecycleRule ARCHIVE = LifecycleRule.forPrefix("archive-tiering", ARCHIVE_PREFIX, List.of(
            new Transition(0, StorageClass.GLACIER),
            new Transition(180, StorageClass.DEEP_ARCHIVE)), null, List.of(), null);

    /**
     * {@code checkpoints/}: expire after 30 days. The bucket is versioned, so the versions that
     * expiration leaves behind are deleted 7 days later instead of being kept (and billed) forever.
     */
    public static final LifecycleRule CHECKPOINTS = LifecycleRule.forPrefix("checkpoints-expiry", "checkpoints/",
            List.of(), 30, List.of(), 7);

    public static final List<LifecycleRule> DEFAULTS = List.of(DATASETS, ARCHIVE, CHECKPOINTS);
}

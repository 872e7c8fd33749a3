package dev.strata.datalake;

import dev.strata.core.Problems;

import java.util.HashSet;
import java.util.Set;

/** Arguments of {@link Replication}. */
public final class ReplicationArgs extends ReplicationArgsBase {
    /** Reports every problem under keys relative to the Args ({@code destinationRegion}, {@code sources[0].name}, ...). */
    void validate(Problems problems) {
        ReplicationRules.checkRegion("destinationRegion", destinationRegion, problems);
        if (sources().isEmpty()) {
            problems.missing("sources", "must name at least one bucket to replicate");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sources().size(); i++) {
            ReplicationSourceArgs source = sources().get(i);
            String key = "sources[" + i + "]";
            if (source.name() == null || !ReplicationRules.SOURCE_NAME.matcher(source.name()).matches()) {
                problems.add(key + ".name", source.name(), "must be 1 to 30 lower-case letters, digits or hyphens");
            } else if (!names.add(source.name())) {
                problems.add(key + ".name", source.name(), "names another source already; each source once");
            }
            if (source.bucketName() == null || source.bucketArn() == null) {
                problems.missing(key + ".bucketName", "and bucketArn are required: the bucket to replicate");
            }
            if (source.kmsKeyArn() == null) {
                problems.missing(key + ".kmsKeyArn", "is required: Strata replicates SSE-KMS objects, decrypted with the source's key");
            }
            source.objectLockDays().ifPresent(days -> ObjectLock.validateDays(days, key + ".objectLockDays", problems));
        }
        if (replicationTimeControl() && !metrics()) {
            problems.add("replicationTimeControl", true, "metrics", false,
                    "S3 Replication Time Control needs replication metrics (its Metrics block must be given with ReplicationTime)");
        }
    }
}

package dev.strata.datalake;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Arguments of {@link Replication}. */
public final class ReplicationArgs extends ResourceArgs {
    /** The region the replicas live in; never the source's. Required. */
    @Import(name = "destinationRegion", required = true)
    private String destinationRegion;

    /** The buckets to replicate, each to a replica bucket of its own. Required (at least one). */
    @Import(name = "sources", required = true)
    private List<ReplicationSourceArgs> sources;

    /**
     * S3 Replication Time Control: 99.99% of objects replicated within 15 minutes, billed per GB
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html); needs
     * {@code metrics}. Default: false (the Strata program turns it on in prod).
     */
    @Import(name = "replicationTimeControl")
    @Nullable
    private Boolean replicationTimeControl;

    /**
     * S3 replication metrics in CloudWatch (bytes and operations pending, latency, failures), which the
     * replication alarms read. Default: true.
     */
    @Import(name = "metrics")
    @Nullable
    private Boolean metrics;

    /**
     * Replicate delete markers, so that a replica reads as the source does after a delete. S3's default
     * is not to, which keeps deleted objects readable in the replica
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-marker-replication.html). Default: false.
     */
    @Import(name = "replicateDeleteMarkers")
    @Nullable
    private Boolean replicateDeleteMarkers;

    /** Tags for every replica bucket and the replica key, in addition to {@code component} and {@code tier}. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    /** Protect the replica buckets and key and retain them when they leave the stack. Default: false (the Strata program sets it in prod). */
    @Import(name = "protect")
    @Nullable
    private Boolean protect;

    public String destinationRegion() {
        return destinationRegion;
    }

    public List<ReplicationSourceArgs> sources() {
        return Optional.ofNullable(sources).orElse(List.of());
    }

    public boolean replicationTimeControl() {
        return Boolean.TRUE.equals(replicationTimeControl);
    }

    public boolean metrics() {
        return !Boolean.FALSE.equals(metrics);
    }

    public boolean replicateDeleteMarkers() {
        return Boolean.TRUE.equals(replicateDeleteMarkers);
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public boolean protect() {
        return Boolean.TRUE.equals(protect);
    }

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final ReplicationArgs args = new ReplicationArgs();

        public Builder destinationRegion(String region) {
            args.destinationRegion = region;
            return this;
        }

        public Builder sources(List<ReplicationSourceArgs> sources) {
            args.sources = List.copyOf(sources);
            return this;
        }

        public Builder replicationTimeControl(boolean enabled) {
            args.replicationTimeControl = enabled;
            return this;
        }

        public Builder metrics(boolean enabled) {
            args.metrics = enabled;
            return this;
        }

        public Builder replicateDeleteMarkers(boolean enabled) {
            args.replicateDeleteMarkers = enabled;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        public ReplicationArgs build() {
            return args;
        }
    }
}

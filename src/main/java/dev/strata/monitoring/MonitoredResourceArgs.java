package dev.strata.monitoring;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One resource of a tier that {@link StorageAlarms} watches: the entry a component registers for it
 * ({@code TrainingStorage.monitored()}, {@code InferenceStorage.monitored()}, {@code DataLake.monitored()}).
 * Its alarms follow from its kind and facts ({@link AlarmCatalog}), and it appears on the dashboard
 * under its tier, so that a tier added later is watched by registering its resources, without new code here.
 */
public final class MonitoredResourceArgs extends ResourceArgs {
    /** The dashboard section it belongs to, e.g. {@code hot}, {@code warm}, {@code l1-redis}, {@code datalake}. Required. */
    @Import(name = "tier", required = true)
    private String tier;

    /** A short name, unique in the stack: it names the alarms ({@code <component>-<label>-<alarm>}). Required. */
    @Import(name = "label", required = true)
    private String label;

    /** {@code fsxLustre}, {@code efs}, {@code elasticache}, {@code s3Bucket} or {@code s3Replication}. Required. */
    @Import(name = "kind", required = true)
    private String kind;

    /** The file system id, replication group id or (source) bucket name. Required. */
    @Import(name = "resourceId", required = true)
    private Output<String> resourceId;

    /** FSx for Lustre: the storage capacity in GiB (the free-capacity threshold is a share of it). Required for fsxLustre. */
    @Import(name = "capacityGiB")
    @Nullable
    private Integer capacityGiB;

    /** FSx for Lustre: the aggregate throughput capacity in MB/s (the utilisation alarm's 100 %). Required for fsxLustre. */
    @Import(name = "throughputMBps")
    @Nullable
    private Double throughputMBps;

    /** EFS: the throughput mode ({@code bursting}, {@code provisioned}, {@code elastic}); burst credits are watched in bursting mode only. Default: {@code elastic}. */
    @Import(name = "throughputMode")
    @Nullable
    private String throughputMode;

    /** EFS: the performance mode ({@code generalPurpose}, {@code maxIO}); the I/O limit is watched in generalPurpose mode only. Default: {@code generalPurpose}. */
    @Import(name = "performanceMode")
    @Nullable
    private String performanceMode;

    /** ElastiCache: the nodes of the replication group, primary and replicas (each is watched). Default: 1. */
    @Import(name = "cacheNodes")
    @Nullable
    private Integer cacheNodes;

    /** S3 replication: the destination bucket's name. Required for s3Replication. */
    @Import(name = "destinationBucket")
    @Nullable
    private Output<String> destinationBucket;

    /** S3 replication: the replication rule's id. Required for s3Replication. */
    @Import(name = "ruleId")
    @Nullable
    private Output<String> ruleId;

    /**
     * The region CloudWatch publishes the resource's metrics in, when it is not the stack's: S3 publishes
     * replication metrics in the destination bucket's region. Its alarms and their topic are created there
     * (an alarm watches its own region's metrics and notifies a topic of its region). Default: the stack's region.
     */
    @Import(name = "metricsRegion")
    @Nullable
    private String metricsRegion;

    public Optional<String> metricsRegion() {
        return Optional.ofNullable(metricsRegion);
    }

    public String tier() {
        return tier;
    }

    public String label() {
        return label;
    }

    /** The kind, or empty when it is not one {@link MonitoredKind} knows (reported by {@link #validate}). */
    public Optional<MonitoredKind> monitoredKind() {
        return Optional.ofNullable(kind).flatMap(MonitoredKind::of);
    }

    public Output<String> resourceId() {
        return resourceId;
    }

    public int capacityGiB() {
        return Optional.ofNullable(capacityGiB).orElse(0);
    }

    public double throughputMBps() {
        return Optional.ofNullable(throughputMBps).orElse(0.0);
    }

    public String throughputMode() {
        return Optional.ofNullable(throughputMode).orElse("elastic");
    }

    public String performanceMode() {
        return Optional.ofNullable(performanceMode).orElse("generalPurpose");
    }

    public int cacheNodes() {
        return Optional.ofNullable(cacheNodes).orElse(1);
    }

    public Output<String> destinationBucket() {
        return Optional.ofNullable(destinationBucket).orElse(Output.of(""));
    }

    public Output<String> ruleId() {
        return Optional.ofNullable(ruleId).orElse(Output.of(""));
    }

    /** Checks the entry; {@code key} names its fields, e.g. {@code resources[0].label}. */
    public void validate(UnaryOperator<String> key, Problems problems) {
        if (tier == null || !tier.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            problems.add(key.apply("tier"), tier, "must be 1 to 41 lower-case letters, digits or hyphens, e.g. hot");
        }
        if (label == null || !label.matches("[a-z0-9][a-z0-9-]{0,60}")) {
            problems.add(key.apply("label"), label, "must be 1 to 61 lower-case letters, digits or hyphens");
        }
        if (monitoredKind().isEmpty()) {
            problems.add(key.apply("kind"), kind, "must be one of " + String.join(", ", MonitoredKind.names()));
        }
        if (resourceId == null) {
            problems.missing(key.apply("resourceId"), "is required: the id CloudWatch names the resource by");
        }
        MonitoredKind known = monitoredKind().orElse(null);
        if (known == MonitoredKind.FSX_LUSTRE && (capacityGiB == null || capacityGiB <= 0)) {
            problems.add(key.apply("capacityGiB"), capacityGiB, "must be the file system's storage capacity in GiB (more than 0)");
        }
        if (known == MonitoredKind.FSX_LUSTRE && (throughputMBps == null || throughputMBps <= 0)) {
            problems.add(key.apply("throughputMBps"), throughputMBps, "must be the file system's throughput capacity in MB/s (more than 0)");
        }
        if (known == MonitoredKind.EFS && !java.util.List.of("bursting", "provisioned", "elastic").contains(throughputMode())) {
            problems.add(key.apply("throughputMode"), throughputMode, "must be one of bursting, provisioned, elastic");
        }
        if (known == MonitoredKind.EFS && !java.util.List.of("generalPurpose", "maxIO").contains(performanceMode())) {
            problems.add(key.apply("performanceMode"), performanceMode, "must be one of generalPurpose, maxIO");
        }
        if (known == MonitoredKind.ELASTICACHE && (cacheNodes() < 1 || cacheNodes() > 6)) {
            problems.add(key.apply("cacheNodes"), cacheNodes, "must be from 1 to 6 (a primary and up to 5 replicas)");
        }
        if (metricsRegion != null && !metricsRegion.matches("[a-z]{2}(-[a-z]+)+-[0-9]")) {
            problems.add(key.apply("metricsRegion"), metricsRegion, "must be an AWS region such as us-west-2");
        }
        if (known == MonitoredKind.S3_REPLICATION && destinationBucket == null) {
            problems.missing(key.apply("destinationBucket"), "is required for s3Replication: the replication metrics name it");
        }
        if (known == MonitoredKind.S3_REPLICATION && ruleId == null) {
            problems.missing(key.apply("ruleId"), "is required for s3Replication: the replication metrics name the rule");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<MonitoredResourceArgs, Builder> {
        private Builder() {
            super(new MonitoredResourceArgs());
        }

        public Builder tier(String tier) {
            args.tier = tier;
            return this;
        }

        public Builder label(String label) {
            args.label = label;
            return this;
        }

        public Builder kind(MonitoredKind kind) {
            args.kind = kind.value();
            return this;
        }

        public Builder kind(String kind) {
            args.kind = kind;
            return this;
        }

        public Builder resourceId(Output<String> resourceId) {
            args.resourceId = resourceId;
            return this;
        }

        public Builder capacityGiB(int capacityGiB) {
            args.capacityGiB = capacityGiB;
            return this;
        }

        public Builder throughputMBps(double throughputMBps) {
            args.throughputMBps = throughputMBps;
            return this;
        }

        public Builder throughputMode(String throughputMode) {
            args.throughputMode = throughputMode;
            return this;
        }

        public Builder performanceMode(String performanceMode) {
            args.performanceMode = performanceMode;
            return this;
        }

        public Builder cacheNodes(int cacheNodes) {
            args.cacheNodes = cacheNodes;
            return this;
        }

        public Builder destinationBucket(Output<String> destinationBucket) {
            args.destinationBucket = destinationBucket;
            return this;
        }

        public Builder metricsRegion(String region) {
            args.metricsRegion = region;
            return this;
        }

        public Builder ruleId(Output<String> ruleId) {
            args.ruleId = ruleId;
            return this;
        }
    }
}

package dev.strata.core;

/**
 * The name of each of Strata's storage tiers, written once: the {@code tier} tag of its AWS resources
 * ({@link Tags#of}), the {@code strata.dev/tier} label of its Kubernetes objects, its cost lines and
 * {@code estimatedMonthlyUsd.<component>.<tier>} outputs, its alarms and the stack's tier summaries.
 * Data-lake zones and key purposes are named by their settings.
 */
public enum TierName {
    /** Training's FSx for Lustre file system (and the per-job file systems' StorageClass label). */
    HOT("hot"),
    /** Training's per-job FSx for Lustre file systems, priced apart from the shared hot tier. */
    PER_JOB("per-job"),
    /** Training's EFS file system. */
    WARM("warm"),
    /** Training's S3 bucket: Standard-IA (cold) and Glacier/Deep Archive (archive) by prefix. */
    COLD_ARCHIVE("cold-archive"),
    /** Inference L1: the ElastiCache cache. */
    REDIS("redis"),
    /** Inference L2: the nodes with instance-store NVMe. */
    NVME_NODES("nvme-nodes"),
    /** Inference L3: the shared EFS model repository. */
    MODEL_REPOSITORY("model-repository"),
    /** Inference L4: the S3 model archive. */
    MODEL_ARCHIVE("model-archive"),
    /** The data lake's access-log bucket. */
    ACCESS_LOGS("access-logs");

    private final String value;

    TierName(String value) {
        this.value = value;
    }

    /** The name as tags, labels, cost lines and outputs spell it. */
    public String value() {
        return value;
    }
}

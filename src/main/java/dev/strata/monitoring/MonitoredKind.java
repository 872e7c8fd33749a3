package dev.strata.monitoring;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a monitored resource is, and so which CloudWatch metrics watch it ({@link AlarmCatalog}): the
 * services Strata's tiers are built of.
 */
public enum MonitoredKind {
    /** An FSx for Lustre file system; its id is the file system id ({@code fs-...}). */
    FSX_LUSTRE("fsxLustre"),
    /** An EFS file system; its id is the file system id. */
    EFS("efs"),
    /** An ElastiCache (Redis OSS or Valkey) replication group, cluster mode disabled; its id is the replication group id. */
    ELASTICACHE("elasticache"),
    /** An S3 bucket (storage metrics on the dashboard, no alarm); its id is the bucket name. */
    S3_BUCKET("s3Bucket"),
    /** An S3 replication rule; its id is the source bucket's name, with the destination bucket and the rule id. */
    S3_REPLICATION("s3Replication");

    private final String value;

    MonitoredKind(String value) {
        this.value = value;
    }

    /** The kind as {@link MonitoredResourceArgs.Builder#kind(String)} spells it. */
    public String value() {
        return value;
    }

    public static Optional<MonitoredKind> of(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(MonitoredKind::value).toList();
    }
}

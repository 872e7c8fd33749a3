package dev.strata.cost;

import java.util.Map;

/**
 * Price book items in words, for people: {@code s3.storage.STANDARD_IA} reads as
 * {@code S3 Standard-IA storage}. The JSON keeps the item key; tables show these names. An item this
 * class does not know reads as its key.
 */
public final class ItemNames {
    /** S3 storage classes by their names on https://aws.amazon.com/s3/storage-classes/. */
    private static final Map<String, String> S3_CLASSES = Map.of(
            "STANDARD", "Standard", "INTELLIGENT_TIERING", "Intelligent-Tiering", "STANDARD_IA", "Standard-IA",
            "ONEZONE_IA", "One Zone-IA", "GLACIER_IR", "Glacier Instant Retrieval", "GLACIER", "Glacier Flexible Retrieval",
            "DEEP_ARCHIVE", "Glacier Deep Archive");
    private static final Map<String, String> EFS_CLASSES = Map.of(
            "STANDARD", "Standard", "INFREQUENT_ACCESS", "Infrequent Access", "ARCHIVE", "Archive");
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("efs.elastic.read", "EFS Elastic throughput reads"),
            Map.entry("efs.elastic.write", "EFS Elastic throughput writes"),
            Map.entry("efs.infrequentAccess.read", "EFS Infrequent Access reads"),
            Map.entry("efs.archive.read", "EFS Archive reads"),
            Map.entry("efs.backup.warm", "EFS backups (AWS Backup, warm)"),
            Map.entry("efs.provisionedThroughput", "EFS provisioned throughput"),
            Map.entry("fsx.backup", "FSx for Lustre backups"),
            Map.entry("ebs.gp3.storage", "EBS gp3 storage"),
            Map.entry("ebs.gp3.iops", "EBS gp3 IOPS above 3,000"),
            Map.entry("ebs.gp3.throughput", "EBS gp3 throughput above 125 MB/s"),
            Map.entry("s3.transfer.interRegion", "S3 data transfer to another region (replication)"),
            Map.entry("s3.replicationTimeControl", "S3 Replication Time Control data transfer"),
            Map.entry("kms.key", "KMS customer managed key"),
            Map.entry("kms.requests", "KMS requests"),
            Map.entry("eks.cluster", "EKS cluster (standard support)"),
            Map.entry("eks.clusterExtendedSupport", "EKS cluster (extended support)"),
            Map.entry("cloudwatch.alarm.standard", "CloudWatch alarm metrics (standard resolution)"),
            Map.entry("cloudwatch.dashboard", "CloudWatch dashboards"),
            Map.entry("sns.requests", "SNS publishes"),
            Map.entry("sns.notifications.email", "SNS e-mail notifications"),
            Map.entry("sns.notifications.https", "SNS HTTPS notifications"));

    private ItemNames() {
    }

    /** The item in words; an unknown item reads as its key. */
    public static String describe(String item) {
        String fixed = FIXED.get(item);
        if (fixed != null) {
            return fixed;
        }
        String[] parts = item.split("\\.", 3);
        if (parts.length < 3) {
            return item;
        }
        String rest = parts[2];
        return switch (parts[0] + "." + parts[1]) {
            case "s3.storage" -> "S3 " + s3(rest) + " storage";
            case "s3.requests" -> rest.startsWith("put.") ? "S3 " + s3(rest.substring(4)) + " PUT, COPY, POST, LIST requests"
                    : rest.startsWith("get.") ? "S3 " + s3(rest.substring(4)) + " GET and other requests" : item;
            case "s3.lifecycleTransition" -> "S3 lifecycle transitions to " + s3(rest);
            case "s3.retrieval" -> "S3 " + s3(rest) + " retrievals";
            case "efs.storage" -> "EFS " + EFS_CLASSES.getOrDefault(rest, rest) + " storage";
            case "efs.storageLegacyThroughput" -> "EFS " + EFS_CLASSES.getOrDefault(rest, rest) + " storage (Bursting or Provisioned)";
            case "fsx.storage" -> rest.contains(".") ? "FSx for Lustre " + rest.substring(0, rest.indexOf('.')) + " storage at "
                    + rest.substring(rest.indexOf('.') + 1) + " MB/s/TiB" : "FSx for Lustre " + rest + " storage";
            case "ec2.instance" -> "EC2 " + rest + " instances (On-Demand, Linux)";
            case "elasticache.node" -> "ElastiCache " + rest + " nodes";
            default -> item;
        };
    }

    private static String s3(String storageClass) {
        return S3_CLASSES.getOrDefault(storageClass, storageClass);
    }
}

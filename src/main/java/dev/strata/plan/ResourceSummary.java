package dev.strata.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings of a resource a reviewer cares about (encryption, public access, lifecycle,
 * versioning, rotation), in a few words, for the table and the mermaid views.
 */
final class ResourceSummary {
    private static final Pattern STATEMENT_ID = Pattern.compile("\"Sid\":\"([^\"]+)\"");

    private ResourceSummary() {
    }

    static String of(PlannedResource resource) {
        Map<String, Object> in = resource.inputs();
        return switch (resource.type()) {
            case "aws:s3/bucketV2:BucketV2" -> "bucketPrefix=" + in.get("bucketPrefix") + " forceDestroy=" + in.get("forceDestroy");
            case "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2" -> encryption(in);
            case "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock" -> publicAccess(in);
            case "aws:s3/bucketOwnershipControls:BucketOwnershipControls" -> "objectOwnership=" + path(in, "rule", "objectOwnership");
            case "aws:s3/bucketVersioningV2:BucketVersioningV2" -> "versioning=" + path(in, "versioningConfiguration", "status");
            case "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2" -> lifecycle(in);
            case "aws:s3/bucketPolicy:BucketPolicy" -> "policy statements: " + statementIds(String.valueOf(in.get("policy")));
            case "aws:s3/bucketLoggingV2:BucketLoggingV2" -> "access logs to " + in.get("targetBucket") + "/" + in.get("targetPrefix");
            case "aws:kms/key:Key" -> "rotation=" + in.get("enableKeyRotation") + " deletionWindow=" + in.get("deletionWindowInDays") + "d";
            case "aws:kms/alias:Alias" -> String.valueOf(in.get("name"));
            default -> "";
        };
    }

    private static String encryption(Map<String, Object> in) {
        List<String> parts = new ArrayList<>();
        for (Object rule : list(in.get("rules"))) {
            Map<?, ?> map = (Map<?, ?>) rule;
            Object algorithm = path(map, "applyServerSideEncryptionByDefault", "sseAlgorithm");
            Object key = path(map, "applyServerSideEncryptionByDefault", "kmsMasterKeyId");
            parts.add(algorithm + (key == null ? "" : " key=" + key) + " bucketKey=" + map.get("bucketKeyEnabled"));
        }
        return String.join("; ", parts);
    }

    private static String publicAccess(Map<String, Object> in) {
        List<String> flags = List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets");
        List<String> off = flags.stream().filter(flag -> !Boolean.TRUE.equals(in.get(flag))).toList();
        return off.isEmpty() ? "all four public-access blocks on" : "OFF: " + String.join(", ", off);
    }

    private static String lifecycle(Map<String, Object> in) {
        return list(in.get("rules")).stream().map(rule -> {
            Map<?, ?> map = (Map<?, ?>) rule;
            List<String> actions = new ArrayList<>();
            list(map.get("transitions")).forEach(t -> actions.add(((Map<?, ?>) t).get("storageClass") + "@" + ((Map<?, ?>) t).get("days") + "d"));
            Object expiration = path(map, "expiration", "days");
            if (expiration != null) {
                actions.add("expire@" + expiration + "d");
            }
            list(map.get("noncurrentVersionTransitions")).forEach(t ->
                    actions.add("noncurrent " + ((Map<?, ?>) t).get("storageClass") + "@" + ((Map<?, ?>) t).get("noncurrentDays") + "d"));
            Object noncurrentExpiration = path(map, "noncurrentVersionExpiration", "noncurrentDays");
            if (noncurrentExpiration != null) {
                actions.add("noncurrent expire@" + noncurrentExpiration + "d");
            }
            Object abort = path(map, "abortIncompleteMultipartUpload", "daysAfterInitiation");
            if (abort != null) {
                actions.add("abort uploads@" + abort + "d");
            }
            return map.get("id") + ": " + String.join(", ", actions);
        }).collect(Collectors.joining("; "));
    }

    private static String statementIds(String policy) {
        List<String> ids = new ArrayList<>();
        var matcher = STATEMENT_ID.matcher(policy);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return String.join(", ", ids);
    }

    static Object path(Map<?, ?> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}

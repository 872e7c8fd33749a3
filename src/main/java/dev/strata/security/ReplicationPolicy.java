package dev.strata.security;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM role S3 replication assumes to copy one source bucket to one destination bucket, as pure
 * functions of ARNs (so tests state it exactly). The role trusts only the S3 service
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html) and may
 * do exactly what S3's replication docs list, on the two buckets and the two keys:
 * <ul>
 *   <li>on the source bucket, s3:GetReplicationConfiguration and s3:ListBucket;</li>
 *   <li>on its objects, s3:GetObjectVersionForReplication, s3:GetObjectVersionAcl and
 *       s3:GetObjectVersionTagging, and with Object Lock s3:GetObjectRetention and s3:GetObjectLegalHold;</li>
 *   <li>on the destination's objects, s3:ReplicateObject, s3:ReplicateDelete and s3:ReplicateTags;</li>
 *   <li>kms:Decrypt on the source key and kms:Encrypt (and, for S3 Bucket Keys, kms:Decrypt) on the
 *       replica key, each only through S3 in the key's region ({@code kms:ViaService}) and only for its
 *       bucket ({@code kms:EncryptionContext:aws:s3:arn}: the bucket ARN, which is the context when an S3
 *       Bucket Key is on, and its objects)
 *       (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html).</li>
 * </ul>
 */
public final class ReplicationPolicy {
    /** The service principal of S3 replication. */
    public static final String S3_SERVICE = "s3.amazonaws.com";
    /** The encryption context key S3 sets on its KMS requests. */
    public static final String S3_ENCRYPTION_CONTEXT = "kms:EncryptionContext:aws:s3:arn";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ReplicationPolicy() {
    }

    /**
     * A bucket of a replication and the key its objects are encrypted with.
     *
     * @param bucketArn the bucket's ARN
     * @param keyArn    the ARN of the KMS key of its objects
     * @param region    the region of the bucket and the key
     */
    public record Side(String bucketArn, String keyArn, String region) {
    }

    /** The trust policy: only S3 may assume the role (a trust policy names no resource). */
    public static String trustPolicy() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "S3ReplicatesAsThisRole");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", S3_SERVICE));
        statement.put("Action", Actions.ASSUME_ROLE);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return GSON.toJson(document);
    }

    /** The role's statements for replicating {@code source} to {@code destination}. */
    public static List<PolicyStatement> statements(Side source, Side destination, boolean objectLock, String dnsSuffix) {
        List<String> sourceObjectActions = new ArrayList<>(Actions.S3_REPLICATION_SOURCE_OBJECTS);
        if (objectLock) {
            sourceObjectActions.addAll(Actions.S3_REPLICATION_OBJECT_LOCK);
        }
        return List.of(
                PolicyStatement.allow("ReadSourceReplicationConfiguration", null, Actions.S3_REPLICATION_SOURCE_BUCKET,
                        List.of(source.bucketArn()), Map.of()),
                PolicyStatement.allow("ReadSourceObjectVersions", null, List.copyOf(sourceObjectActions),
                        List.of(source.bucketArn() + "/*"), Map.of()),
                PolicyStatement.allow("ReplicateToDestination", null, Actions.S3_REPLICATE,
                        List.of(destination.bucketArn() + "/*"), Map.of()),
                PolicyStatement.allow("DecryptSourceThroughS3", null, Actions.KMS_READ, List.of(source.keyArn()),
                        keyCondition(source, dnsSuffix)),
                PolicyStatement.allow("EncryptReplicasThroughS3", null, Actions.KMS_ENCRYPT_REPLICAS, List.of(destination.keyArn()),
                        keyCondition(destination, dnsSuffix)));
    }

    /** Through S3 in the key's region, for the one bucket: a fixed key order, so the JSON is stable. */
    private static Map<String, Map<String, Object>> keyCondition(Side side, String dnsSuffix) {
        Map<String, Object> like = new LinkedHashMap<>();
        like.put("kms:ViaService", Grants.s3ViaService(side.region(), dnsSuffix));
        like.put(S3_ENCRYPTION_CONTEXT, List.of(side.bucketArn(), side.bucketArn() + "/*"));
        return Map.of("StringLike", like);
    }
}

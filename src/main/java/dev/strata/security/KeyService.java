package dev.strata.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS service that uses a Strata key, and what its documentation asks of the key policy. Strata's
 * keys trust the account root (KMS's default key policy), so IAM policies decide who uses a key; a
 * service gets a key-policy statement of its own only where its documentation requires one.
 *
 * <p>Services that encrypt a resource with the key (EFS, FSx, ElastiCache, EKS) create a KMS grant for
 * themselves when the resource is created, with the permissions of the principal that creates it:
 * that principal needs {@code kms:CreateGrant} and {@code kms:DescribeKey} (and for EFS and FSx
 * {@code kms:GenerateDataKeyWithoutPlaintext} and {@code kms:Decrypt}) through IAM, which the root
 * statement allows. S3 calls KMS with the permissions of the caller of each request (SSE-KMS), so the
 * workload's own IAM grant ({@link Grants#s3Read}, {@link Grants#s3Write}) is what counts. Only
 * CloudWatch Logs, and CloudWatch alarms publishing to an encrypted SNS topic, need their service
 * principal in the key policy.
 */
public enum KeyService {
    /**
     * SSE-KMS: the requester needs kms:GenerateDataKey to write and kms:Decrypt to read
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#aws-managed-customer-managed-keys).
     */
    S3("s3", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#aws-managed-customer-managed-keys"),
    /**
     * EFS encryption at rest: the creator needs kms:CreateGrant, kms:DescribeKey, kms:Decrypt and
     * kms:GenerateDataKeyWithoutPlaintext, "included in the default key policy"; EFS works through the grant.
     */
    EFS("elasticfilesystem", "https://docs.aws.amazon.com/efs/latest/ug/EFSKMS.html#EFSKMSPolicy"),
    /**
     * FSx for Lustre encryption at rest (persistent file systems): the same permissions of the creator,
     * "included in the default key policy". An S3 data repository encrypted with the key is another
     * matter: see {@link KeyGrants#fsxS3Access}.
     */
    FSX("fsx", "https://docs.aws.amazon.com/fsx/latest/LustreGuide/encryption-at-rest.html#FSxKMSPolicy"),
    /**
     * ElastiCache encryption at rest: one grant per cache, created by ElastiCache; "No customer action is
     * needed". Its kms:ViaService values are both elasticache and dax.
     */
    ELASTICACHE("elasticache", "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html#using-customer-managed-keys-for-elasticache-security"),
    /**
     * EKS envelope encryption of Kubernetes secrets: the principal that calls CreateCluster needs
     * kms:DescribeKey and kms:CreateGrant (kms:GrantIsForAWSResource is not supported there); the
     * cluster role's AmazonEKSClusterPolicy reads the key (kms:DescribeKey).
     */
    EKS("eks", "https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html"),
    /**
     * CloudWatch Logs log groups: the key policy must let the service principal
     * {@code logs.<region>.amazonaws.com} use the key, limited to log groups of this account and region
     * by the encryption context {@code kms:EncryptionContext:aws:logs:arn}.
     */
    LOGS("logs", "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html"),
    /**
     * SNS server-side encryption of a topic: an AWS service that publishes to the encrypted topic (here
     * CloudWatch alarms) needs kms:Decrypt and kms:GenerateDataKey* on the key through the key policy,
     * with its service principal {@code cloudwatch.amazonaws.com} ("Enable compatibility between event
     * sources from AWS services and encrypted topics").
     */
    SNS("sns", "https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services");

    /** What CloudWatch alarms may do with the key of the encrypted topic they publish to (SNS docs, above). */
    public static final List<String> CLOUDWATCH_PUBLISH_ACTIONS = List.of("kms:Decrypt", "kms:GenerateDataKey*");

    private final String endpointPrefix;
    private final String documentation;

    KeyService(String endpointPrefix, String documentation) {
        this.endpointPrefix = endpointPrefix;
        this.documentation = documentation;
    }

    /** The service's endpoint prefix, as {@code EncryptionKeyArgs.services} names it: {@code s3}, {@code fsx}, .... */
    public String endpointPrefix() {
        return endpointPrefix;
    }

    /** The documentation page that says what the service needs of a customer managed key. */
    public String documentation() {
        return documentation;
    }

    public static Optional<KeyService> of(String endpointPrefix) {
        return Arrays.stream(values()).filter(s -> s.endpointPrefix.equals(endpointPrefix)).findFirst();
    }

    /** Every endpoint prefix Strata knows, for messages. */
    public static List<String> endpointPrefixes() {
        return Arrays.stream(values()).map(KeyService::endpointPrefix).toList();
    }

    /**
     * The {@code kms:ViaService} values of requests the service makes on a caller's behalf
     * (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service).
     */
    public List<String> viaServices(String region, String dnsSuffix) {
        return this == ELASTICACHE
                ? List.of(endpoint("elasticache", region, dnsSuffix), endpoint("dax", region, dnsSuffix))
                : List.of(endpoint(endpointPrefix, region, dnsSuffix));
    }

    /** The key-policy statements the service's documentation requires; none for all but CloudWatch Logs and SNS. */
    public List<PolicyStatement> keyPolicyStatements(String accountId, String partition, String region, String dnsSuffix) {
        if (this == SNS) {
            // The documented statement names the global service principal and no condition.
            return List.of(PolicyStatement.allow("CloudWatchAlarmsPublishToEncryptedTopic",
                    Map.of("Service", "cloudwatch.amazonaws.com"), CLOUDWATCH_PUBLISH_ACTIONS, List.of("*"), Map.of()));
        }
        if (this != LOGS) {
            return List.of();
        }
        return List.of(PolicyStatement.allow("CloudWatchLogsUsesKeyForThisAccountsLogGroups",
                Map.of("Service", endpoint("logs", region, dnsSuffix)), Actions.KMS_KEY_USE, List.of("*"),
                Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:*"))));
    }

    private static String endpoint(String prefix, String region, String dnsSuffix) {
        return prefix + "." + region + "." + dnsSuffix;
    }
}

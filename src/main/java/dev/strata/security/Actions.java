package dev.strata.security;

import java.util.List;

/**
 * Every IAM action Strata grants to a workload or a CSI driver, in one place (CDK's {@code perms.ts}).
 * No list holds a wildcard. Sources: the Service Authorization Reference of each service
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 */
public final class Actions {
    /** Read objects under a prefix. */
    public static final List<String> S3_READ_OBJECTS = List.of("s3:GetObject");
    /** List the keys of a bucket (scoped to a prefix by the {@code s3:prefix} condition). */
    public static final List<String> S3_LIST_BUCKET = List.of("s3:ListBucket");
    /** Write objects under a prefix, and abort one's own multipart uploads. */
    public static final List<String> S3_WRITE_OBJECTS = List.of("s3:PutObject", "s3:AbortMultipartUpload");

    /** Read SSE-KMS objects: S3 decrypts the data key on the reader's behalf. */
    public static final List<String> KMS_READ = List.of("kms:Decrypt");
    /**
     * Write SSE-KMS objects: S3 generates a data key; multipart uploads also decrypt it
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html#aws-managed-customer-managed-keys).
     */
    public static final List<String> KMS_WRITE = List.of("kms:Decrypt", "kms:GenerateDataKey");

    /**
     * The data-key actions a principal named in a key policy performs with the key: CloudWatch Logs'
     * documented Encrypt*, Decrypt*, ReEncrypt*, GenerateDataKey*, Describe* written out
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html), and the same
     * for roles named as an {@code EncryptionKey}'s {@code keyUsers}.
     */
    public static final List<String> KMS_KEY_USE = List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
            "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey");

    /**
     * The KMS operations (grant operations, without the {@code kms:} prefix) FSx for Lustre's S3 access
     * role performs through S3 on the objects of an SSE-KMS data repository: the documented
     * kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey* and kms:DescribeKey
     * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/s3-server-side-encryption-support.html).
     */
    public static final List<String> FSX_S3_ACCESS_KEY_OPERATIONS = List.of("Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo",
            "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey");

    /**
     * Create a file system encrypted with a customer managed key: the creator's own permissions, which
     * FSx for Lustre lists as required (kms:DescribeKey, kms:Decrypt, kms:GenerateDataKeyWithoutPlaintext)
     * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/encryption-at-rest.html#FSxKMSPolicy).
     */
    public static final List<String> KMS_CREATE_ENCRYPTED_RESOURCE = List.of("kms:DescribeKey", "kms:Decrypt",
            "kms:GenerateDataKeyWithoutPlaintext");
    /** The grant the service then creates for itself on the key, with the creator's permission (required by FSx). */
    public static final List<String> KMS_CREATE_GRANT = List.of("kms:CreateGrant");

    /**
     * S3 replication's role on the source bucket: read the replication configuration and list the
     * bucket (needed for delete markers)
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html).
     */
    public static final List<String> S3_REPLICATION_SOURCE_BUCKET = List.of("s3:GetReplicationConfiguration", "s3:ListBucket");
    /** S3 replication's role on the source objects: the version to replicate, its ACL and its tags (same page). */
    public static final List<String> S3_REPLICATION_SOURCE_OBJECTS = List.of("s3:GetObjectVersionForReplication",
            "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging");
    /**
     * And on an Object Lock source, the objects' retention and legal hold, which replicate with them
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock-managing.html#object-lock-managing-replication).
     */
    public static final List<String> S3_REPLICATION_OBJECT_LOCK = List.of("s3:GetObjectRetention", "s3:GetObjectLegalHold");
    /** S3 replication's role on the destination objects: write replicas, delete markers and tags (setting-repl-config-perm-overview). */
    public static final List<String> S3_REPLICATE = List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags");
    /**
     * S3 replication's role on the replica key: kms:Encrypt encrypts the replicas; with S3 Bucket Keys
     * (every SecureBucket has them) S3 also calls kms:Decrypt on that key to verify the bucket key
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html#bk-replication).
     * The source key needs only {@link #KMS_READ}.
     */
    public static final List<String> KMS_ENCRYPT_REPLICAS = List.of("kms:Encrypt", "kms:Decrypt");
    /** The action of a service role's trust policy. */
    public static final String ASSUME_ROLE = "sts:AssumeRole";

    /** Mount an EFS file system read-only as an IAM client. */
    public static final List<String> EFS_CLIENT_MOUNT = List.of("elasticfilesystem:ClientMount");
    /** Mount an EFS file system and write to it as an IAM client. */
    public static final List<String> EFS_CLIENT_READ_WRITE = List.of("elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite");

    /** Connect to an ElastiCache replication group as an IAM-authenticated user (both ARNs are the resources). */
    public static final List<String> ELASTICACHE_CONNECT = List.of("elasticache:Connect");

    /**
     * The playbook's FSx read: the only action Strata grants on {@code Resource: "*"}. The workload
     * lists file systems to find the one to mount; AWS evaluates DescribeFileSystems without a file
     * system ARN when no id is given, so it cannot be scoped.
     */
    public static final List<String> FSX_DESCRIBE_FILE_SYSTEMS = List.of("fsx:DescribeFileSystems");

    /** The action of an IRSA trust policy. */
    public static final String ASSUME_ROLE_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";

    /**
     * The EFS CSI controller's reads of the file systems it provisions on (the describe actions of
     * AWS's {@code AmazonEFSCSIDriverPolicy}, https://docs.aws.amazon.com/eks/latest/userguide/efs-csi.html),
     * scoped here to this stack's file systems.
     */
    public static final List<String> EFS_CSI_DESCRIBE = List.of(
            "elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeFileSystems",
            "elasticfilesystem:DescribeMountTargets");
    /** Dynamic provisioning: one access point per volume, tagged by the driver. */
    public static final List<String> EFS_CSI_CREATE_ACCESS_POINT = List.of("elasticfilesystem:CreateAccessPoint");
    /** Tag and delete only the access points the driver tagged as its own. */
    public static final List<String> EFS_CSI_MANAGE_ACCESS_POINTS = List.of("elasticfilesystem:TagResource", "elasticfilesystem:DeleteAccessPoint");

    /**
     * The FSx CSI controller's dynamic provisioning: one file system per claim
     * (https://github.com/kubernetes-sigs/aws-fsx-csi-driver/blob/master/docs/install.md).
     */
    public static final List<String> FSX_CSI_MANAGE_FILE_SYSTEMS = List.of("fsx:CreateFileSystem", "fsx:DeleteFileSystem",
            "fsx:TagResource", "fsx:UpdateFileSystem");
    /** FSx creates its service-linked roles the first time a file system is made (fsx, and S3 data repositories). */
    public static final List<String> FSX_CSI_SERVICE_LINKED_ROLES = List.of("iam:CreateServiceLinkedRole", "iam:AttachRolePolicy",
            "iam:PutRolePolicy");

    private Actions() {
    }
}

package dev.strata.core;

/**
 * The type tokens of the resources the plan's readers look for (the architecture diagram, the
 * replacement table of {@code strata diff}), written once. The tests keep their own literals
 * ({@code testing.ResourceTypes}), so that a test fails when a component registers a different type.
 */
public final class ResourceTypes {
    public static final String S3_BUCKET = "aws:s3/bucketV2:BucketV2";
    public static final String S3_LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    public static final String S3_ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public static final String KMS_KEY = "aws:kms/key:Key";
    public static final String IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String FSX_LUSTRE = "aws:fsx/lustreFileSystem:LustreFileSystem";
    public static final String FSX_ASSOCIATION = "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation";
    public static final String EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
    public static final String ELASTICACHE_REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
    public static final String K8S_PVC = "kubernetes:core/v1:PersistentVolumeClaim";
    public static final String K8S_PV = "kubernetes:core/v1:PersistentVolume";
    public static final String K8S_STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";

    private ResourceTypes() {
    }
}

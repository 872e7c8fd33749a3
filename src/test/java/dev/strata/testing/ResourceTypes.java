package dev.strata.testing;

/**
 * The type tokens of the AWS and Kubernetes resources the tests look for in plans, written once. They are
 * literals, not read from the provider SDKs' classes, so that a test fails when a component registers a
 * different resource type.
 */
public final class ResourceTypes {
    public static final String S3_BUCKET = "aws:s3/bucketV2:BucketV2";
    public static final String S3_LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    public static final String S3_VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    public static final String S3_ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    public static final String S3_OBJECT_LOCK = "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2";
    public static final String S3_BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    public static final String S3_PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public static final String S3_OWNERSHIP_CONTROLS = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    public static final String S3_LOGGING = "aws:s3/bucketLoggingV2:BucketLoggingV2";
    public static final String KMS_KEY = "aws:kms/key:Key";
    public static final String KMS_GRANT = "aws:kms/grant:Grant";
    public static final String KMS_ALIAS = "aws:kms/alias:Alias";
    public static final String EFS_FILE_SYSTEM = "aws:efs/fileSystem:FileSystem";
    public static final String EFS_BACKUP_POLICY = "aws:efs/backupPolicy:BackupPolicy";
    public static final String EFS_ACCESS_POINT = "aws:efs/accessPoint:AccessPoint";
    public static final String EFS_MOUNT_TARGET = "aws:efs/mountTarget:MountTarget";
    public static final String EFS_FILE_SYSTEM_POLICY = "aws:efs/fileSystemPolicy:FileSystemPolicy";
    public static final String FSX_LUSTRE = "aws:fsx/lustreFileSystem:LustreFileSystem";
    public static final String FSX_ASSOCIATION = "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation";
    public static final String EKS_ADDON = "aws:eks/addon:Addon";
    public static final String EKS_CLUSTER = "aws:eks/cluster:Cluster";
    public static final String EKS_NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    public static final String EC2_SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    public static final String EC2_LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    public static final String VPC_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    public static final String VPC_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    public static final String IAM_ROLE = "aws:iam/role:Role";
    public static final String IAM_ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    public static final String IAM_ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    public static final String IAM_OIDC_PROVIDER = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
    public static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    public static final String ELASTICACHE_REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
    public static final String ELASTICACHE_USER = "aws:elasticache/user:User";
    public static final String K8S_STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
    public static final String K8S_PERSISTENT_VOLUME = "kubernetes:core/v1:PersistentVolume";
    public static final String K8S_PERSISTENT_VOLUME_CLAIM = "kubernetes:core/v1:PersistentVolumeClaim";
    public static final String K8S_NAMESPACE = "kubernetes:core/v1:Namespace";
    public static final String K8S_SERVICE_ACCOUNT = "kubernetes:core/v1:ServiceAccount";
    public static final String K8S_DAEMON_SET = "kubernetes:apps/v1:DaemonSet";
    public static final String K8S_CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
    public static final String K8S_CLUSTER_ROLE = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";
    public static final String K8S_CLUSTER_ROLE_BINDING = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding";

    private ResourceTypes() {
    }
}

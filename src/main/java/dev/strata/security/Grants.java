package dev.strata.security;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements of each kind of grant, as pure functions of ARNs (so tests can state them
 * exactly). Storage components call these from their {@code grant...} methods; action lists come
 * from {@link Actions}. Every resource is an ARN of the granting component; the only
 * {@code Resource: "*"} is {@link #describeFileSystems()}.
 */
public final class Grants {
    /** The principal of an IRSA role's web identity tokens. */
    public static final String STS_AUDIENCE = "sts.amazonaws.com";

    private Grants() {
    }

    /**
     * Checks a grant's key prefix: empty (the whole bucket) or a key prefix such as
     * {@code datasets/}; never starting with {@code /} (S3 keys do not) and never holding IAM
     * wildcards ({@code *}, {@code ?}) or policy variables ({@code $}).
     */
    public static void checkPrefix(String key, @Nullable String prefix, Problems problems) {
        if (prefix == null) {
            problems.missing(key, "is required; a key prefix such as datasets/, or \"\" for the whole bucket");
        } else if (prefix.startsWith("/")) {
            problems.add(key, prefix, "must not start with / (S3 keys have no leading slash; write e.g. datasets/)");
        } else if (prefix.contains("*") || prefix.contains("?") || prefix.contains("$")) {
            problems.add(key, prefix, "must be a literal key prefix without * ? or $ (Strata adds the one trailing wildcard itself)");
        } else if (prefix.length() > 1024) {
            problems.add(key, prefix, "must be at most 1024 characters (S3's key length)");
        }
    }

    /** Throws {@link dev.strata.core.InvalidConfigException} unless {@code prefix} is a valid grant prefix. */
    public static void requirePrefix(String prefix) {
        Problems problems = new Problems();
        checkPrefix("prefix", prefix, problems);
        problems.throwIfAny();
    }

    /** The S3 endpoint a key may be used through: {@code s3.<region>.<dnsSuffix>}. */
    public static String s3ViaService(String region, String dnsSuffix) {
        return "s3." + region + "." + dnsSuffix;
    }

    /**
     * Read under a prefix: GetObject on {@code bucket/prefix*}, ListBucket on the bucket limited to the
     * prefix (no condition for the whole bucket), and kms:Decrypt on the bucket's key through S3 only.
     */
    public static List<PolicyStatement> s3Read(String bucketArn, @Nullable String keyArn, String prefix, String viaService) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(PolicyStatement.allow("ReadObjects", null, Actions.S3_READ_OBJECTS,
                List.of(objects(bucketArn, prefix)), Map.of()));
        statements.add(PolicyStatement.allow("ListObjects", null, Actions.S3_LIST_BUCKET, List.of(bucketArn),
                prefix.isEmpty() ? Map.of() : Map.of("StringLike", Map.of("s3:prefix", List.of(prefix + "*")))));
        if (keyArn != null) {
            statements.add(PolicyStatement.allow("DecryptThroughS3", null, Actions.KMS_READ, List.of(keyArn),
                    Map.of("StringEquals", Map.of("kms:ViaService", viaService))));
        }
        return statements;
    }

    /**
     * Write under a prefix: PutObject and AbortMultipartUpload on {@code bucket/prefix*}, and
     * kms:Decrypt and kms:GenerateDataKey on the bucket's key through S3 only.
     */
    public static List<PolicyStatement> s3Write(String bucketArn, @Nullable String keyArn, String prefix, String viaService) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(PolicyStatement.allow("WriteObjects", null, Actions.S3_WRITE_OBJECTS,
                List.of(objects(bucketArn, prefix)), Map.of()));
        if (keyArn != null) {
            statements.add(PolicyStatement.allow("EncryptThroughS3", null, Actions.KMS_WRITE, List.of(keyArn),
                    Map.of("StringEquals", Map.of("kms:ViaService", viaService))));
        }
        return statements;
    }

    /** The object ARN pattern of a prefix: {@code arn:aws:s3:::bucket/prefix*}. */
    public static String objects(String bucketArn, String prefix) {
        return bucketArn + "/" + prefix + "*";
    }

    /** An EFS IAM client: ClientMount, and ClientWrite when {@code write}, on the file system only. */
    public static List<PolicyStatement> efsClient(String fileSystemArn, boolean write) {
        return List.of(PolicyStatement.allow(write ? "MountAndWrite" : "Mount", null,
                write ? Actions.EFS_CLIENT_READ_WRITE : Actions.EFS_CLIENT_MOUNT, List.of(fileSystemArn),
                Map.of("Bool", Map.of("elasticfilesystem:AccessedViaMountTarget", "true"))));
    }

    /** elasticache:Connect on the replication group and the IAM-authenticated user, nothing else. */
    public static List<PolicyStatement> cacheConnect(String replicationGroupArn, String userArn) {
        return List.of(PolicyStatement.allow("ConnectAsIamUser", null, Actions.ELASTICACHE_CONNECT,
                List.of(replicationGroupArn, userArn), Map.of()));
    }

    /** The playbook's {@code fsx:DescribeFileSystems}: the one documented {@code Resource: "*"}. */
    public static Grant describeFileSystems() {
        return new Grant("describe-fsx-file-systems", Output.of(List.of(PolicyStatement.allow("DescribeFsxFileSystems", null,
                Actions.FSX_DESCRIBE_FILE_SYSTEMS, List.of("*"), Map.of()))));
    }

    /**
     * What the EFS CSI controller needs on one file system it provisions on: the describe actions,
     * CreateAccessPoint only with the driver's own tag, and (for the node plugin's TLS + IAM mounts, which
     * the file-system policy requires) ClientMount and ClientWrite.
     * https://docs.aws.amazon.com/eks/latest/userguide/efs-csi.html (AmazonEFSCSIDriverPolicy) and
     * https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html
     */
    public static List<PolicyStatement> efsCsiFileSystem(String fileSystemArn) {
        return List.of(
                PolicyStatement.allow("DescribeFileSystem", null, Actions.EFS_CSI_DESCRIBE, List.of(fileSystemArn), Map.of()),
                PolicyStatement.allow("CreateDriverAccessPoints", null, Actions.EFS_CSI_CREATE_ACCESS_POINT, List.of(fileSystemArn),
                        Map.of("StringEquals", Map.of("aws:RequestTag/" + EFS_CSI_TAG, "true"))),
                PolicyStatement.allow("MountAndWrite", null, Actions.EFS_CLIENT_READ_WRITE, List.of(fileSystemArn),
                        Map.of("Bool", Map.of("elasticfilesystem:AccessedViaMountTarget", "true"))));
    }

    /** The tag the EFS CSI driver puts on the access points it creates. */
    public static final String EFS_CSI_TAG = "efs.csi.aws.com/cluster";

    /** The EFS CSI controller tags and deletes only the access points it tagged, in this account and region. */
    public static List<PolicyStatement> efsCsiAccessPoints(String partition, String region, String accountId) {
        return List.of(PolicyStatement.allow("ManageDriverAccessPoints", null, Actions.EFS_CSI_MANAGE_ACCESS_POINTS,
                List.of("arn:" + partition + ":elasticfilesystem:" + region + ":" + accountId + ":access-point/*"),
                Map.of("StringEquals", Map.of("aws:ResourceTag/" + EFS_CSI_TAG, "true"))));
    }

    /**
     * The FSx CSI controller's dynamic provisioning: create, tag, update and delete file systems of this
     * account and region, and FSx's service-linked roles (fsx, and the S3 data repository role). The
     * driver's documented policy (aws-fsx-csi-driver docs/install.md) puts all of these on "*"; here
     * each is scoped to the ARN pattern IAM evaluates it against.
     */
    public static List<PolicyStatement> fsxCsiProvisioning(String partition, String region, String accountId) {
        return List.of(
                PolicyStatement.allow("ManageFileSystems", null, Actions.FSX_CSI_MANAGE_FILE_SYSTEMS,
                        List.of("arn:" + partition + ":fsx:" + region + ":" + accountId + ":file-system/*"), Map.of()),
                PolicyStatement.allow("FsxServiceLinkedRoles", null, Actions.FSX_CSI_SERVICE_LINKED_ROLES,
                        List.of("arn:" + partition + ":iam::" + accountId + ":role/aws-service-role/fsx.amazonaws.com/*",
                                "arn:" + partition + ":iam::" + accountId
                                        + ":role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*"), Map.of()));
    }

    /**
     * What the FSx CSI controller needs on a customer managed key to create encrypted (persistent)
     * file systems for claims: the creator's KMS permissions FSx requires, and kms:CreateGrant for the
     * grant FSx makes for itself (kms:GrantIsForAWSResource), all only through FSx in this region
     * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/encryption-at-rest.html#FSxKMSPolicy). The key
     * policy trusts the account, so this IAM statement is what lets the driver use the key.
     */
    public static List<PolicyStatement> fsxCreateEncrypted(String keyArn, String fsxViaService) {
        return List.of(
                PolicyStatement.allow("UseKeyThroughFsx", null, Actions.KMS_CREATE_ENCRYPTED_RESOURCE, List.of(keyArn),
                        Map.of("StringEquals", Map.of("kms:ViaService", fsxViaService))),
                PolicyStatement.allow("FsxGrantsItselfTheKey", null, Actions.KMS_CREATE_GRANT, List.of(keyArn),
                        orderedConditions(Map.of("kms:ViaService", fsxViaService), Map.of("kms:GrantIsForAWSResource", "true"))));
    }

    /** A StringEquals and a Bool block, in that order (policy text is compared as text). */
    private static Map<String, Map<String, Object>> orderedConditions(Map<String, Object> stringEquals, Map<String, Object> bool) {
        Map<String, Map<String, Object>> conditions = new java.util.LinkedHashMap<>();
        conditions.put("StringEquals", stringEquals);
        conditions.put("Bool", bool);
        return conditions;
    }

    /** The FSx endpoint a key may be used through: {@code fsx.<region>.<dnsSuffix>}. */
    public static String fsxViaService(String region, String dnsSuffix) {
        return "fsx." + region + "." + dnsSuffix;
    }

    /** Region and partition of the stack, for grants that name the S3 endpoint or build ARNs. */
    public static Output<GetRegionResult> region() {
        return AwsFunctions.getRegion();
    }

    public static Output<GetPartitionResult> partition() {
        return AwsFunctions.getPartition();
    }
}

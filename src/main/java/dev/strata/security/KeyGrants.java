package dev.strata.security;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.kms.GrantArgs;
import com.pulumi.aws.kms.inputs.GrantConstraintArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * KMS grants for the roles that must use a key but whose IAM policies Strata cannot write: AWS
 * service-linked roles. A grant names exactly one role and is scoped by encryption context, and it
 * leaves the key policy alone: the key policy never needs the principal {@code *}
 * (https://docs.aws.amazon.com/kms/latest/developerguide/grants.html).
 */
public final class KeyGrants {
    /** The path of the role FSx for Lustre creates for each file system linked to S3. */
    public static final String FSX_S3_ACCESS_ROLE_PATH = "aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/";
    /** The role's name is this prefix and the file system id. */
    public static final String FSX_S3_ACCESS_ROLE_PREFIX = "AWSServiceRoleForFSxS3Access_";
    /** The encryption context S3 passes to KMS: with an S3 Bucket Key, the bucket's ARN. */
    public static final String S3_ENCRYPTION_CONTEXT_KEY = "aws:s3:arn";

    private KeyGrants() {
    }

    /**
     * The ARN of the service-linked role through which FSx for Lustre reads and writes a file system's
     * S3 data repository: "created for each Amazon FSx for Lustre file system you create that is linked
     * to an S3 bucket" (https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-service-linked-roles.html).
     */
    public static String fsxS3AccessRoleArn(String partition, String accountId, String fileSystemId) {
        return "arn:" + partition + ":iam::" + accountId + ":role/" + FSX_S3_ACCESS_ROLE_PATH + FSX_S3_ACCESS_ROLE_PREFIX + fileSystemId;
    }

    /**
     * Lets one FSx for Lustre file system's S3 access role use the key of the SSE-KMS bucket it is linked
     * to. FSx documents a key-policy statement naming that role
     * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/s3-server-side-encryption-support.html); the
     * role exists only once the file system (or its first data repository association) does, so Strata
     * gives the same operations to the same role as a grant made after it, limited to the bucket by
     * the encryption context S3 uses with a bucket key
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html). Order the grant after
     * whatever creates the role ({@code options}' {@code dependsOn}).
     */
    public static com.pulumi.aws.kms.Grant fsxS3Access(String name, Output<String> keyArn, Output<String> fileSystemId,
                                                       Output<String> bucketArn, CustomResourceOptions options) {
        Output<String> role = Output.tuple(AwsFunctions.getPartition(), AwsFunctions.getCallerIdentity(), fileSystemId)
                .applyValue(t -> fsxS3AccessRoleArn(t.t1.partition(), t.t2.accountId(), t.t3));
        return new com.pulumi.aws.kms.Grant(name, GrantArgs.builder()
                .name(name)
                .keyId(keyArn)
                .granteePrincipal(role)
                .operations(Actions.FSX_S3_ACCESS_KEY_OPERATIONS)
                .constraints(GrantConstraintArgs.builder()
                        .encryptionContextSubset(bucketArn.applyValue(arn -> Map.of(S3_ENCRYPTION_CONTEXT_KEY, arn)))
                        .build())
                .build(), options);
    }
}

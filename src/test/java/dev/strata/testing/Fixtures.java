package dev.strata.testing;

import dev.strata.core.NetworkArgs;

import java.util.List;

/** The fake identifiers the tests build components with (an account, a key, a network, an OIDC provider), written once. */
public final class Fixtures {
    public static final String ACCOUNT = "123456789012";
    /** A customer-managed KMS key in the tests' default region, us-east-1. */
    public static final String KEY_ARN = keyArn("us-east-1");
    public static final String VPC_ID = "vpc-0abc1234def567890";
    /** Two private subnets. */
    public static final List<String> SUBNET_IDS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829");
    /** The cluster nodes' security group, which storage admits. */
    public static final String NODE_SECURITY_GROUP_ID = "sg-0c3d4e5f607182930";
    public static final String OIDC_ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/ABC";
    public static final String OIDC_PROVIDER_ARN = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC";

    private Fixtures() {
    }

    /** A customer-managed KMS key's ARN in {@code region}. */
    public static String keyArn(String region) {
        return "arn:aws:kms:" + region + ":" + ACCOUNT + ":key/k";
    }

    /** The storage network: {@link #VPC_ID}, {@link #SUBNET_IDS}, the nodes' security group admitted. */
    public static NetworkArgs.Builder network() {
        return NetworkArgs.builder().vpcId(VPC_ID).subnetIds(SUBNET_IDS).clientSecurityGroupId(NODE_SECURITY_GROUP_ID);
    }
}

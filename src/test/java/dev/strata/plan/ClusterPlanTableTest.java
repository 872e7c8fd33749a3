package dev.strata.plan;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reviewer reads of the cluster and the identities in {@code strata plan --format table}. */
class ClusterPlanTableTest {
    @Test
    void theTableShowsTheClusterTheAddOnsWhomEachRoleTrustsAndEachGrant() {
        PlanCommandTest.Run run = PlanCommandTest.strata(Path.of("").toAbsolutePath(), "plan", "--stack", "dev", "--format", "table");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        // Long settings wrap onto indented lines (the table fits 160 columns): read them joined.
        assertThat(run.stdout().replaceAll("\n +", " ")).contains(
                "strata-dev 1.32 subnets=[subnet-0a1b2c3d4e5f60718, subnet-0b2c3d4e5f6071829] publicEndpoint=true "
                        + "from=[203.0.113.0/24, 198.51.100.10/32] secretsKey=arn:aws:kms:us-east-1:123456789012:key/dev-cluster-id "
                        + "logs=[api, audit, authenticator]",
                "/aws/eks/strata-dev/cluster retention=30d",
                "root volume encrypted=true gp3 IMDSv2=true hopLimit=1",
                "vpc-cni (EKS default version) role=arn:aws:iam::123456789012:role/dev-vpc-cni-id",
                "eks-pod-identity-agent (EKS default version)",
                "trusts kube-system:aws-node",
                "[m6i.xlarge] AL2023_x86_64_STANDARD size=1/2/4",
                "aws-efs-csi-driver v2.1.4-eksbuild.1 role=arn:aws:iam::123456789012:role/dev-efs-csi-id",
                "trusts kube-system:efs-csi-controller-sa, kube-system:efs-csi-node-sa",
                "trusts kube-system:fsx-csi-controller-sa",
                "trusts ml-training:training-job",
                "ml-inference/model-server role=arn:aws:iam::123456789012:role/dev-inference-id",
                "policy statements: ReadObjects, ListObjects, DecryptThroughS3",
                "policy statements: WriteObjects, EncryptThroughS3",
                "policy statements: DescribeFsxFileSystems");
    }
}

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
        assertThat(run.stdout()).contains(
                "strata-dev 1.32 publicEndpoint=true oidcProvider=true nodeRootVolumesEncrypted=true",
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

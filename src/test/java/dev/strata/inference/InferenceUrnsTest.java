package dev.strata.inference;

import dev.strata.plan.Plan;
import dev.strata.plan.PlannedResource;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The levels became components of their own ({@link RedisLevel}, {@link NvmeCacheLevel}, {@link ModelRepository},
 * {@link ModelArchive}) keeping the one level type token and the level names, so no deployed resource's URN
 * or parent changed and none needs an alias. This pins every URN of prod's inference storage and the name of
 * each resource's parent as deployed before the split: a move without an alias fails here.
 */
class InferenceUrnsTest {
    private static final String ROOT = "urn:pulumi:prod::strata::" + InferenceStorage.TYPE;

    /** Each resource's URN (after the InferenceStorage prefix, written ...) and its parent's name. */
    private static final List<String> DEPLOYED = List.of(
            "...$strata:inference:CacheLevel$aws:ec2/securityGroup:SecurityGroup::prod-redis <- prod-l1-redis",
            "...$strata:inference:CacheLevel$aws:elasticache/replicationGroup:ReplicationGroup::prod-redis <- prod-l1-redis",
            "...$strata:inference:CacheLevel$aws:elasticache/subnetGroup:SubnetGroup::prod-redis <- prod-l1-redis",
            "...$strata:inference:CacheLevel$aws:elasticache/user:User::prod-redis-default <- prod-l1-redis",
            "...$strata:inference:CacheLevel$aws:elasticache/user:User::prod-redis-iam <- prod-l1-redis",
            "...$strata:inference:CacheLevel$aws:elasticache/userGroup:UserGroup::prod-redis <- prod-l1-redis",
            "...$strata:inference:CacheLevel$aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::prod-redis-from-nodes <- prod-l1-redis",
            "...$strata:inference:CacheLevel$kubernetes:apps/v1:DaemonSet::prod-cache-warmup <- prod-l2-local-nvme",
            "...$strata:inference:CacheLevel$kubernetes:apps/v1:DaemonSet::prod-local-volume-provisioner <- prod-l2-local-nvme",
            "...$strata:inference:CacheLevel$kubernetes:core/v1:ConfigMap::prod-local-volume-provisioner <- prod-l2-local-nvme",
            "...$strata:inference:CacheLevel$kubernetes:core/v1:PersistentVolumeClaim::prod-shared-models <- prod-l3-efs",
            "...$strata:inference:CacheLevel$kubernetes:core/v1:ServiceAccount::prod-local-volume-provisioner <- prod-l2-local-nvme",
            "...$strata:inference:CacheLevel$kubernetes:rbac.authorization.k8s.io/v1:ClusterRole::prod-local-volume-provisioner <- prod-l2-local-nvme",
            "...$strata:inference:CacheLevel$kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding::prod-local-volume-provisioner <- prod-l2-local-nvme",
            "...$strata:inference:CacheLevel$kubernetes:storage.k8s.io/v1:StorageClass::prod-efs-models <- prod-l3-efs",
            "...$strata:inference:CacheLevel$kubernetes:storage.k8s.io/v1:StorageClass::prod-local-nvme <- prod-l2-local-nvme",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2::prod-model-archive-lifecycle <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2::prod-model-archive-object-lock <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketOwnershipControls:BucketOwnershipControls::prod-model-archive-ownership <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketPolicy:BucketPolicy::prod-model-archive-policy <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::prod-model-archive-public-access <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2::prod-model-archive-encryption <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketV2:BucketV2::prod-model-archive <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket$aws:s3/bucketVersioningV2:BucketVersioningV2::prod-model-archive-versioning <- prod-model-archive",
            "...$strata:inference:CacheLevel$strata:datalake:SecureBucket::prod-model-archive <- prod-l4-s3",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:ec2/securityGroup:SecurityGroup::prod-model-repository-nfs <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:efs/backupPolicy:BackupPolicy::prod-model-repository-backup <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:efs/fileSystem:FileSystem::prod-model-repository <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:efs/fileSystemPolicy:FileSystemPolicy::prod-model-repository-policy <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:efs/mountTarget:MountTarget::prod-model-repository-subnet-01a2b3c4d5e6f7081 <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:efs/mountTarget:MountTarget::prod-model-repository-subnet-02b3c4d5e6f708192 <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:efs/mountTarget:MountTarget::prod-model-repository-subnet-03c4d5e6f70819203 <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem$aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::prod-model-repository-nfs-from-nodes <- prod-model-repository",
            "...$strata:inference:CacheLevel$strata:efs:EfsFileSystem::prod-model-repository <- prod-l3-efs",
            "...$strata:inference:CacheLevel::prod-l1-redis <- prod",
            "...$strata:inference:CacheLevel::prod-l2-local-nvme <- prod",
            "...$strata:inference:CacheLevel::prod-l3-efs <- prod",
            "...$strata:inference:CacheLevel::prod-l4-s3 <- prod",
            "...::prod <- strata-prod");

    @Test
    void prodInferenceResourcesKeepTheirUrnsAndParents() {
        Plan plan = StackPlans.plan("prod");
        List<String> urns = plan.resources().stream()
                .filter(r -> r.urn().startsWith(ROOT))
                .map(InferenceUrnsTest::urnAndParent)
                .sorted()
                .toList();
        assertThat(urns).containsExactlyElementsOf(DEPLOYED.stream().sorted().toList());
    }

    private static String urnAndParent(PlannedResource r) {
        String parent = r.parent() == null ? null : r.parent().substring(r.parent().lastIndexOf("::") + 2);
        return r.urn().replace(ROOT, "...") + " <- " + parent;
    }
}

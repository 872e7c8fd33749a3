package dev.strata.training;

import dev.strata.plan.Plan;
import dev.strata.plan.PlannedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static dev.strata.training.TrainingStorageTest.base;
import static dev.strata.training.TrainingStorageTest.persistent2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tiers became components after their resources were deployed as direct children of
 * TrainingStorage: each moved resource keeps its deployed URN through an alias, which the engine
 * resolves as {@code AliasUrns} does (a child component's children inherit its alias).
 */
class TrainingTierAliasTest {
    private static final String OLD = "urn:pulumi:dev::strata::strata:training:TrainingStorage$";
    private static final Plan PLAN = TrainingStorageTest.run(base()
            .hot(persistent2().build())
            .perJob(PerJobScratchArgs.builder().build())
            .warm(WarmTierArgs.builder().build())
            .build()).plan();

    private static PlannedResource resource(String type, String name) {
        return PLAN.resources().stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "aws:fsx/lustreFileSystem:LustreFileSystem, t-hot, strata:training:LustreHotTier",
            "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation, t-hot-datasets, strata:training:LustreHotTier",
            "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation, t-hot-results, strata:training:LustreHotTier",
            "aws:kms/grant:Grant, t-hot-s3-access, strata:training:LustreHotTier",
            "kubernetes:core/v1:PersistentVolume, t-hot-pv, strata:training:LustreHotTier",
            "kubernetes:core/v1:PersistentVolumeClaim, t-hot-claim, strata:training:LustreHotTier",
            "kubernetes:storage.k8s.io/v1:StorageClass, t-scratch-class, strata:training:PerJobScratchTier",
            "strata:efs:EfsFileSystem, t-warm, strata:training:EfsWarmTier",
            "kubernetes:storage.k8s.io/v1:StorageClass, t-warm-class, strata:training:EfsWarmTier",
            "kubernetes:core/v1:PersistentVolumeClaim, t-warm-claim, strata:training:EfsWarmTier"})
    void aMovedChildIsAliasedToItsUrnUnderTrainingStorage(String type, String name, String tier) {
        PlannedResource moved = resource(type, name);
        assertThat(moved.urn()).isEqualTo(OLD + tier + "$" + type + "::" + name);
        assertThat(moved.aliases()).contains(OLD + type + "::" + name);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "aws:efs/fileSystem:FileSystem, t-warm",
            "aws:ec2/securityGroup:SecurityGroup, t-warm-nfs",
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule, t-warm-nfs-from-nodes",
            "aws:efs/mountTarget:MountTarget, t-warm-subnet-0a1b2c3d4e5f60718",
            "aws:efs/mountTarget:MountTarget, t-warm-subnet-0b2c3d4e5f6071829",
            "aws:efs/fileSystemPolicy:FileSystemPolicy, t-warm-policy",
            "aws:efs/backupPolicy:BackupPolicy, t-warm-backup",
            "aws:efs/accessPoint:AccessPoint, t-warm-shared"})
    void theWarmFileSystemsChildrenInheritItsAlias(String type, String name) {
        PlannedResource child = resource(type, name);
        assertThat(child.urn()).isEqualTo(OLD + "strata:training:EfsWarmTier$strata:efs:EfsFileSystem$" + type + "::" + name);
        assertThat(child.aliases()).contains(OLD + "strata:efs:EfsFileSystem$" + type + "::" + name);
    }

    @Test
    void everyResourceUnderATierKeepsItsUrnWithoutTheTier() {
        List<String> tiers = List.of(LustreHotTier.TYPE, PerJobScratchTier.TYPE, EfsWarmTier.TYPE);
        List<PlannedResource> underTiers = PLAN.resources().stream()
                .filter(r -> tiers.stream().anyMatch(t -> r.urn().contains(t + "$"))).toList();
        assertThat(underTiers).hasSize(18);
        for (PlannedResource r : underTiers) {
            String former = tiers.stream().reduce(r.urn(), (urn, t) -> urn.replace(t + "$", ""));
            assertThat(r.aliases()).as(r.urn()).contains(former);
        }
    }

    @Test
    void resourcesThatStayedHaveNoAlias() {
        assertThat(resource("aws:ec2/securityGroup:SecurityGroup", "t-lustre").aliases()).isEmpty();
        assertThat(resource("strata:datalake:SecureBucket", "t-data").aliases()).isEmpty();
    }
}

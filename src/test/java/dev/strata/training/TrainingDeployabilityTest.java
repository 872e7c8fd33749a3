package dev.strata.training;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.ResourceTransformation;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.LifecycleRuleArgs;
import dev.strata.datalake.StorageClass;
import dev.strata.datalake.Transition;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.SlowMocks;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.network;
import static dev.strata.testing.ResourceTypes.EC2_SECURITY_GROUP;
import static dev.strata.testing.ResourceTypes.EKS_ADDON;
import static dev.strata.testing.ResourceTypes.FSX_LUSTRE;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME_CLAIM;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static dev.strata.testing.ResourceTypes.VPC_EGRESS_RULE;
import static dev.strata.testing.ResourceTypes.VPC_INGRESS_RULE;
import static dev.strata.training.TrainingStorageTest.at;
import static dev.strata.training.TrainingStorageTest.base;
import static dev.strata.training.TrainingStorageTest.hot;
import static dev.strata.training.TrainingStorageTest.named;
import static dev.strata.training.TrainingStorageTest.only;
import static dev.strata.training.TrainingStorageTest.persistent2;
import static dev.strata.training.TrainingStorageTest.plan;
import static dev.strata.training.TrainingStorageTest.rejects;
import static dev.strata.training.TrainingStorageTest.scratch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the first {@code pulumi up} meets in the training storage (issue 13, items 1, 4, 5, 6 and 8):
 * claims ordered after what binds them, a Lustre version the nodes mount, linked prefixes kept
 * readable, no backups of S3-linked file systems, and the Lustre rules on the nodes' security group.
 */
class TrainingDeployabilityTest {

    record Run(Plan plan, SlowMocks mocks, Map<String, CustomResourceOptions> options) {
    }

    /** Runs the storage with the EFS CSI driver's add-on (a stand-in) passed as efsCsiDriver, some types slow. */
    static Run run(TrainingStorageArgs.Builder args, Set<String> slowTypes) {
        SlowMocks mocks = new SlowMocks("us-east-1", slowTypes);
        Map<String, CustomResourceOptions> options = Collections.synchronizedMap(new java.util.HashMap<>());
        ResourceTransformation record = transformation -> {
            if (transformation.options() instanceof CustomResourceOptions custom) {
                options.put(transformation.resource().pulumiResourceName(), custom);
            }
            return Optional.empty();
        };
        Plan plan = PlanRunner.run("dev", mocks, ctx -> {
            Provider k8s = new Provider("t-k8s", ProviderArgs.builder().build());
            Addon addon = new Addon("efs-csi", AddonArgs.builder().clusterName("strata-dev").addonName("aws-efs-csi-driver")
                    .addonVersion("v2.1.4-eksbuild.1").build());
            new TrainingStorage("t", args.efsCsiDriver(addon.addonVersion()).build(),
                    ComponentResourceOptions.builder().providers(k8s).resourceTransformations(record).build());
        });
        return new Run(plan, mocks, options);
    }

    // --- 1. claims wait for what binds them ---

    @Test
    void hotClaimIsCreatedOnlyOnceItsVolumeExistsAndTheVolumeOnceTheFileSystemDoes() {
        Run run = run(base().hot(persistent2().build()), Set.of(FSX_LUSTRE, K8S_PERSISTENT_VOLUME));
        run.mocks().assertRegisteredAfter("t-hot-pv", "t-hot");
        run.mocks().assertRegisteredAfter("t-hot-claim", "t-hot-pv");
        assertThat(at(named(run.plan(), K8S_PERSISTENT_VOLUME_CLAIM, "t-hot-claim").inputs(), "spec", "volumeName").toString())
                .isEqualTo(at(only(run.plan(), K8S_PERSISTENT_VOLUME).inputs(), "metadata", "name").toString());
    }

    @Test
    void warmClaimIsCreatedOnlyOnceTheEfsCsiDriverAndItsStorageClassAre() {
        Run run = run(base().warm(WarmTierArgs.builder().build()), Set.of(EKS_ADDON, K8S_STORAGE_CLASS));
        run.mocks().assertRegisteredAfter("t-warm-claim", "efs-csi");
        run.mocks().assertRegisteredAfter("t-warm-claim", "t-warm-class");
        PlannedResource claim = named(run.plan(), K8S_PERSISTENT_VOLUME_CLAIM, "t-warm-claim");
        assertThat(at(claim.inputs(), "metadata", "annotations").toString())
                .isEqualTo(Map.of("strata.dev/efs-csi-driver", "v2.1.4-eksbuild.1").toString());
        assertThat(at(claim.inputs(), "spec", "storageClassName").toString()).isEqualTo("efs-datasets");
    }

    @Test
    void withoutADriverTheWarmClaimCarriesNoAnnotation() {
        Plan plan = plan(base().warm(WarmTierArgs.builder().build()).build());
        assertThat(at(named(plan, K8S_PERSISTENT_VOLUME_CLAIM, "t-warm-claim").inputs(), "metadata").toString()).doesNotContain("annotations");
    }

    @Test
    void fileSystemWaitsTheAwsProvidersDocumentedThirtyMinutes() {
        Run run = run(base().hot(scratch().build()), Set.of());
        CustomTimeouts timeouts = run.options().get("t-hot").getCustomTimeouts().orElseThrow();
        assertThat(timeouts.getCreate()).contains(Duration.ofMinutes(30));
        assertThat(timeouts.getUpdate()).contains(Duration.ofMinutes(30));
        assertThat(timeouts.getDelete()).contains(Duration.ofMinutes(30));
        assertThat(TrainingStorage.FILE_SYSTEM_TIMEOUT).isEqualTo(Duration.ofMinutes(30));
    }

    // --- 4. a Lustre version the nodes mount ---

    @Test
    void everyFileSystemAndThePerJobClassSetALustreVersionTheNodesMount() {
        Plan plan = plan(base().hot(scratch().build()).perJob(PerJobScratchArgs.builder().build()).build());
        assertThat(only(plan, FSX_LUSTRE).inputs()).containsEntry("fileSystemTypeVersion", "2.15");
        assertThat(at(only(plan, K8S_STORAGE_CLASS).inputs(), "parameters", "fileSystemTypeVersion").toString()).isEqualTo("2.15");
        Plan older = plan(base().hot(scratch().fileSystemTypeVersion("2.12").build())
                .perJob(PerJobScratchArgs.builder().fileSystemTypeVersion("2.12").build()).build());
        assertThat(only(older, FSX_LUSTRE).inputs()).containsEntry("fileSystemTypeVersion", "2.12");
        assertThat(at(only(older, K8S_STORAGE_CLASS).inputs(), "parameters", "fileSystemTypeVersion").toString()).isEqualTo("2.12");
        assertThat(LustreVersion.mountable()).containsExactly("2.12", "2.15");
        assertThat(LustreVersion.DEFAULT.apiValue()).isEqualTo("2.15");
    }

    @Test
    void aVersionTheNodesCannotMountOrTheTypeDoesNotTakeIsRejected() {
        rejects(hot(h -> h.fileSystemTypeVersion("2.10")),
                "hot.fileSystemTypeVersion = \"2.10\": must be one of [2.12, 2.15]", "cannot mount Lustre 2.10");
        rejects(base().perJob(PerJobScratchArgs.builder().fileSystemTypeVersion("2.16").build()).build(),
                "perJob.fileSystemTypeVersion = \"2.16\": must be one of [2.12, 2.15]");
        rejects(base().hot(persistent2().fileSystemTypeVersion("2.10").build()).build(),
                "hot.fileSystemTypeVersion = \"2.10\" and hot.deploymentType = \"PERSISTENT_2\"");
        assertThat(LustreVersion.V2_10.supports(DeploymentType.PERSISTENT_1)).isTrue();
        assertThat(LustreVersion.V2_10.supports(DeploymentType.PERSISTENT_2)).isFalse();
    }

    // --- 5. linked prefixes stay readable ---

    static List<LifecycleRuleArgs> lifecycle(LifecycleRule... rules) {
        return java.util.Arrays.stream(rules).map(LifecycleRuleArgs::from).toList();
    }

    static LifecycleRule archives(String prefix) {
        return LifecycleRule.forPrefix("tiering", prefix, List.of(new Transition(30, StorageClass.STANDARD_IA),
                new Transition(90, StorageClass.GLACIER)), null, List.of(), null);
    }

    @Test
    void archivingAnotherPrefixOrALinkedOneToReadableClassesIsAccepted() {
        Plan plan = plan(base().hot(scratch().build()).lifecycleRules(lifecycle(archives("archive/"),
                LifecycleRule.forPrefix("datasets", "datasets/", List.of(new Transition(30, StorageClass.STANDARD_IA),
                        new Transition(90, StorageClass.GLACIER_IR)), null, List.of(), null))).build());
        assertThat(plan.ofType(FSX_LUSTRE)).hasSize(1);
    }

    @Test
    void archivingAPrefixAFileSystemLinksIsRejectedNamingBothKeys() {
        rejects(base().hot(scratch().build()).lifecycleRules(lifecycle(archives("datasets/"))).build(),
                "lifecycleRules[0].transitions[1].storageClass = \"GLACIER\" and hot.importPath = \"datasets/\"",
                "cannot read objects archived");
        // the whole bucket, and a prefix inside a linked one, archive linked objects too
        rejects(base().hot(persistent2().build()).lifecycleRules(lifecycle(archives(""))).build(),
                "lifecycleRules[0].transitions[1].storageClass = \"GLACIER\" and hot.dataRepositoryAssociations[0].dataRepositoryPath = \"datasets/\"",
                "lifecycleRules[0].transitions[1].storageClass = \"GLACIER\" and hot.dataRepositoryAssociations[1].dataRepositoryPath = \"results/\"");
        rejects(base().perJob(PerJobScratchArgs.builder().importPath("datasets/").build())
                        .lifecycleRules(lifecycle(archives("datasets/old/"))).build(),
                "lifecycleRules[0].transitions[1].storageClass = \"GLACIER\" and perJob.importPath = \"datasets/\"");
    }

    @Test
    void theDefaultLifecycleArchivesNoLinkedPrefix() {
        for (LifecycleRule rule : TrainingLifecycle.DEFAULTS) {
            boolean archives = rule.transitions().stream().anyMatch(t -> t.storageClass().isArchived());
            assertThat(archives).as(rule.id()).isEqualTo(rule.prefix().orElse("").equals(TrainingLifecycle.ARCHIVE_PREFIX));
        }
    }

    // --- 6. no backups of a file system linked to S3 ---

    @Test
    void backupsAreKeptOnlyOnPersistentFileSystemsLinkedToNoBucket() {
        Plan plan = plan(base().hot(HotTierArgs.builder().deploymentType("PERSISTENT_1").storageGiB(2400).perUnitStorageThroughput(100)
                .automaticBackupRetentionDays(14).build()).protect(true).build());
        assertThat(only(plan, FSX_LUSTRE).inputs()).containsEntry("automaticBackupRetentionDays", 14L)
                .containsEntry("skipFinalBackup", false).doesNotContainKeys("importPath", "exportPath");
    }

    @Test
    void backupsOnAFileSystemLinkedToS3AreRejectedNamingBothKeys() {
        rejects(base().hot(persistent2().automaticBackupRetentionDays(14).build()).build(),
                "hot.automaticBackupRetentionDays = 14 and hot.dataRepositoryAssociations = \"2 associations\"",
                "does not back up a file system linked to an S3 data repository");
        rejects(hot(h -> h.deploymentType("PERSISTENT_1").storageGiB(2400).perUnitStorageThroughput(100).automaticBackupRetentionDays(7)),
                "hot.automaticBackupRetentionDays = 7 and hot.importPath = \"datasets/\"");
    }

    // --- 8. the Lustre rules on the nodes' security group ---

    @Test
    void nodesGroupAdmitsAndReachesTheLustreGroupOnTheLustrePorts() {
        Plan plan = plan(base().hot(scratch().build()).build());
        String lustre = named(plan, EC2_SECURITY_GROUP, "t-lustre").id();
        for (String type : List.of(VPC_INGRESS_RULE, VPC_EGRESS_RULE)) {
            List<PlannedResource> rules = plan.ofType(type).stream().filter(r -> NODE_SECURITY_GROUP_ID.equals(r.inputs().get("securityGroupId"))).toList();
            assertThat(rules).extracting(r -> r.inputs().get("ipProtocol") + " " + r.inputs().get("fromPort") + "-"
                            + r.inputs().get("toPort") + " " + r.inputs().get("referencedSecurityGroupId"))
                    .containsExactlyInAnyOrder("tcp 988-988 " + lustre, "tcp 1018-1023 " + lustre);
            assertThat(rules).allSatisfy(r -> assertThat(r.inputs()).doesNotContainKeys("cidrIpv4", "cidrIpv6"));
        }
        assertThat(named(plan, VPC_INGRESS_RULE, "t-lustre-client-in-988").inputs()).containsEntry("securityGroupId", NODE_SECURITY_GROUP_ID);
        assertThat(named(plan, VPC_EGRESS_RULE, "t-lustre-client-out-1018").inputs()).containsEntry("toPort", 1023L);
    }

    @Test
    void noRulesOnTheNodesGroupWhenTurnedOffOrWhenClientsAreCidrsOnly() {
        Plan off = plan(base().hot(scratch().build()).lustreClientRules(false).build());
        assertThat(off.resources()).noneSatisfy(r -> assertThat(r.inputs().get("securityGroupId")).isEqualTo(NODE_SECURITY_GROUP_ID));
        Plan cidrs = plan(base().network(network().clientSecurityGroupId((Output<String>) null).allowedCidrs(List.of("10.10.0.0/16"))
                .build()).hot(scratch().build()).build());
        assertThat(cidrs.resources()).noneMatch(r -> r.name().contains("lustre-client"));
    }

    // --- one owner per fact: the policy pack's copies agree with the Java ones ---

    @Test
    void thePolicyPackHoldsTheSameVersionsAndArchivedClasses() throws Exception {
        String fsx = java.nio.file.Files.readString(java.nio.file.Path.of("policy", "src", "lib", "fsx.ts"));
        String versions = LustreVersion.mountable().stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", "));
        assertThat(fsx).contains("export const MOUNTABLE_LUSTRE_VERSIONS = [" + versions + "];");
        String archived = java.util.Arrays.stream(StorageClass.values()).filter(StorageClass::isArchived)
                .map(c -> "\"" + c.name() + "\"").collect(java.util.stream.Collectors.joining(", "));
        assertThat(fsx).contains("export const ARCHIVED_STORAGE_CLASSES = [" + archived + "];");
    }
}

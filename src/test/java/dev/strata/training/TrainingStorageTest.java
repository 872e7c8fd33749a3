package dev.strata.training;

import dev.strata.efs.EfsOptionsArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.NetworkArgs;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingStorageTest {
    static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/training";
    static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829");
    static final String NODES = "sg-0c3d4e5f607182930";
    static final String BUCKET = "strata-t-data-plan";
    static final String FSX = "aws:fsx/lustreFileSystem:LustreFileSystem";
    static final String DRA = "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation";
    static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
    static final String PV = "kubernetes:core/v1:PersistentVolume";
    static final String PVC = "kubernetes:core/v1:PersistentVolumeClaim";
    static final String KMS_GRANT = "aws:kms/grant:Grant";

    static NetworkArgs.Builder network() {
        return NetworkArgs.builder()
                .vpcId("vpc-0abc1234def567890")
                .subnetIds(SUBNETS)
                .clientSecurityGroupId(NODES);
    }

    static TrainingStorageArgs.Builder base() {
        return TrainingStorageArgs.builder()
                .kmsKeyArn(Output.of(KEY))
                .network(network().build());
    }

    static HotTierArgs.Builder scratch() {
        return HotTierArgs.builder().deploymentType("SCRATCH_2").storageGiB(1200)
                .importPath("datasets/").exportPath("results/").autoImportPolicy("NEW_CHANGED_DELETED");
    }

    static HotTierArgs.Builder persistent2() {
        return HotTierArgs.builder().deploymentType("PERSISTENT_2").storageGiB(2400).perUnitStorageThroughput(500)
                .dataRepositoryAssociations(List.of(LustreAssociationArgs.of("/datasets", "datasets/"),
                        LustreAssociationArgs.of("/results", "results/")));
    }

    record Run(Plan plan, RecordingMocks mocks) {
    }

    static Run run(TrainingStorageArgs args) {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        Plan plan = PlanRunner.run("dev", mocks, ctx -> {
            Provider k8s = new Provider("t-k8s", ProviderArgs.builder().build());
            TrainingStorage storage = new TrainingStorage("t", args, ComponentResourceOptions.builder().providers(k8s).build());
            ctx.export("bucket", storage.bucketName);
            ctx.export("hotId", storage.hotFileSystemId);
            ctx.export("hotDns", storage.hotDnsName);
            ctx.export("hotMount", storage.hotMountName);
            ctx.export("hotClaim", storage.hotClaimName);
            ctx.export("warmId", storage.warmFileSystemId);
            ctx.export("warmClaim", storage.warmClaimName);
            ctx.export("tiers", Output.of(storage.tiers()));
        });
        return new Run(plan, mocks);
    }

    static Plan plan(TrainingStorageArgs args) {
        return run(args).plan();
    }

    static PlannedResource only(Plan plan, String type) {
        assertThat(plan.ofType(type)).hasSize(1);
        return plan.ofType(type).get(0);
    }

    static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object map, String... keys) {
        Object current = map;
        for (String key : keys) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    // --- hot tier: managed file system ---

    @Test
    void scratchFileSystemLinksToTheBucketByPathsWithoutKeyOrBackups() {
        Plan plan = plan(base().hot(scratch().build()).build());
        PlannedResource sg = named(plan, SG, "t-lustre");
        assertThat(only(plan, FSX).inputs()).isEqualTo(Map.ofEntries(
                Map.entry("deploymentType", "SCRATCH_2"),
                Map.entry("storageType", "SSD"),
                Map.entry("storageCapacity", 1200L),
                Map.entry("subnetIds", SUBNETS.get(0)),
                Map.entry("securityGroupIds", List.of(sg.id())),
                Map.entry("dataCompressionType", "LZ4"),
                Map.entry("fileSystemTypeVersion", "2.15"),
                Map.entry("importPath", "s3://" + BUCKET + "/datasets/"),
                Map.entry("exportPath", "s3://" + BUCKET + "/results/"),
                Map.entry("autoImportPolicy", "NEW_CHANGED_DELETED"),
                Map.entry("tags", Map.of("component", "training", "tier", "hot", "Name", "t-hot"))));
        assertThat(plan.ofType(DRA)).isEmpty();
    }

    @Test
    void persistent2UsesTheKeyAndDataRepositoryAssociationsOnlyAndNoBackups() {
        Plan plan = plan(base().hot(persistent2().build()).protect(true).build());
        PlannedResource fs = only(plan, FSX);
        assertThat(fs.inputs()).containsEntry("deploymentType", "PERSISTENT_2")
                .containsEntry("storageCapacity", 2400L)
                .containsEntry("perUnitStorageThroughput", 500L)
                .containsEntry("kmsKeyId", KEY)
                .containsEntry("automaticBackupRetentionDays", 0L)
                // FSx takes no final backup of a file system linked to S3.
                .containsEntry("skipFinalBackup", true)
                .containsEntry("dataCompressionType", "LZ4")
                .containsEntry("fileSystemTypeVersion", "2.15")
                .doesNotContainKeys("importPath", "exportPath", "autoImportPolicy");
        assertThat(fs.protect()).isTrue();
        assertThat(fs.retainOnDelete()).isTrue();

        List<PlannedResource> associations = plan.ofType(DRA);
        assertThat(associations).hasSize(2);
        Map<String, Object> events = Map.of(
                "autoImportPolicy", Map.of("events", List.of("NEW", "CHANGED", "DELETED")),
                "autoExportPolicy", Map.of("events", List.of("NEW", "CHANGED", "DELETED")));
        PlannedResource datasets = named(plan, DRA, "t-hot-datasets");
        assertThat(datasets.inputs()).containsEntry("fileSystemId", "t-hot-id")
                .containsEntry("fileSystemPath", "/datasets")
                .containsEntry("dataRepositoryPath", "s3://" + BUCKET + "/datasets/")
                .containsEntry("batchImportMetaDataOnCreate", true)
                .containsEntry("deleteDataInFilesystem", false)
                .containsEntry("s3", events);
        assertThat(named(plan, DRA, "t-hot-results").inputs()).containsEntry("dataRepositoryPath", "s3://" + BUCKET + "/results/");
    }

    @Test
    void aLinkedHotFileSystemsOwnS3RoleMayUseTheKeyOnTheTrainingBucketOnly() {
        // https://docs.aws.amazon.com/fsx/latest/LustreGuide/s3-server-side-encryption-support.html
        for (HotTierArgs hot : List.of(scratch().build(), persistent2().build())) {
            assertThat(only(plan(base().hot(hot).build()), KMS_GRANT).inputs()).isEqualTo(Map.of(
                    "name", "t-hot-s3-access",
                    "keyId", KEY,
                    "granteePrincipal", "arn:aws:iam::123456789012:role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/"
                            + "AWSServiceRoleForFSxS3Access_t-hot-id",
                    "operations", List.of("Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey",
                            "GenerateDataKeyWithoutPlaintext", "DescribeKey"),
                    "constraints", List.of(Map.of("encryptionContextSubset", Map.of("aws:s3:arn", "arn:aws:s3:::" + BUCKET)))));
        }
        // A hot tier that links no bucket has no S3 access role to grant.
        assertThat(plan(base().hot(HotTierArgs.builder().deploymentType("SCRATCH_2").storageGiB(1200).build()).build())
                .ofType(KMS_GRANT)).isEmpty();
    }

    @Test
    void lustrePortsAreOpenOnlyBetweenTheFileServersAndTheCluster() {
        Plan plan = plan(base().network(network().allowedCidrs(List.of("10.10.0.0/16")).build()).hot(scratch().build()).build());
        PlannedResource sg = named(plan, SG, "t-lustre");
        assertThat(sg.inputs()).containsEntry("vpcId", "vpc-0abc1234def567890").doesNotContainKeys("ingress", "egress");
        for (String type : List.of(INGRESS, EGRESS)) {
            List<PlannedResource> rules = plan.ofType(type).stream()
                    .filter(r -> sg.id().equals(r.inputs().get("securityGroupId"))).toList();
            // 3 peers (the group itself, the nodes' group, the CIDR) x 2 port ranges.
            assertThat(rules).hasSize(6);
            assertThat(rules).allSatisfy(r -> assertThat(r.inputs()).containsEntry("ipProtocol", "tcp"));
            assertThat(rules).extracting(r -> r.inputs().get("fromPort") + "-" + r.inputs().get("toPort"))
                    .containsOnly("988-988", "1018-1023");
            assertThat(rules).extracting(r -> String.valueOf(r.inputs().getOrDefault("referencedSecurityGroupId", r.inputs().get("cidrIpv4"))))
                    .containsExactlyInAnyOrder(sg.id(), sg.id(), NODES, NODES, "10.10.0.0/16", "10.10.0.0/16");
        }
    }

    @Test
    void noSecurityGroupRuleAdmitsTheInternet() {
        Plan plan = plan(base().network(network().allowedCidrs(List.of("10.10.0.0/16")).build()).hot(scratch().build())
                .perJob(PerJobScratchArgs.builder().build()).warm(WarmTierArgs.builder().build()).build());
        assertThat(plan.resources()).allSatisfy(r -> assertThat(r.inputs().toString()).doesNotContain("0.0.0.0/0"));
        // the Lustre group's 6, the EFS group's 2 (nodes, CIDR), and the nodes' group's 2 from the Lustre group
        assertThat(plan.ofType(INGRESS)).hasSize(6 + 2 + 2);
    }

    @Test
    void staticVolumeMountsTheFileSystemWithItsCapacityAndTheClaimBindsToIt() {
        Run run = run(base().namespace("training").hot(scratch().storageGiB(2400).claimName("hot-data").build()).build());
        Plan plan = run.plan();
        PlannedResource pv = only(plan, PV);
        assertThat(pv.inputs()).isEqualTo(Map.of(
                "apiVersion", "v1",
                "kind", "PersistentVolume",
                "metadata", Map.of("name", "t-hot", "labels", Map.of("app.kubernetes.io/managed-by", "strata", "strata.dev/tier", "hot")),
                "spec", Map.of(
                        "capacity", Map.of("storage", "2400Gi"),
                        "accessModes", List.of("ReadWriteMany"),
                        "persistentVolumeReclaimPolicy", "Retain",
                        "storageClassName", "",
                        "volumeMode", "Filesystem",
                        "mountOptions", List.of("flock"),
                        "csi", Map.of(
                                "driver", "fsx.csi.aws.com",
                                "volumeHandle", "t-hot-id",
                                "volumeAttributes", Map.of("dnsname", "t-hot-id.fsx.us-east-1.amazonaws.com",
                                        "mountname", plan.outputs().get("hotMount"))))));
        assertThat(at(pv.inputs(), "spec", "capacity", "storage").toString())
                .isEqualTo(only(plan, FSX).inputs().get("storageCapacity") + "Gi");

        PlannedResource claim = named(plan, PVC, "t-hot-claim");
        assertThat(claim.inputs()).containsEntry("metadata", Map.of("name", "hot-data", "namespace", "training",
                        "labels", Map.of("app.kubernetes.io/managed-by", "strata", "strata.dev/tier", "hot")))
                .containsEntry("spec", Map.of(
                        "accessModes", List.of("ReadWriteMany"),
                        "storageClassName", "",
                        "volumeName", "t-hot",
                        "resources", Map.of("requests", Map.of("storage", "2400Gi"))));
        assertThat(plan.outputs()).containsEntry("hotClaim", "hot-data").containsEntry("hotId", "t-hot-id")
                .containsEntry("hotDns", "t-hot-id.fsx.us-east-1.amazonaws.com");
    }

    @Test
    void kubernetesObjectsGoThroughTheGivenProvider() {
        Run run = run(base().hot(scratch().build()).perJob(PerJobScratchArgs.builder().build())
                .warm(WarmTierArgs.builder().build()).build());
        assertThat(run.mocks().resources()).filteredOn(r -> r.type.startsWith("kubernetes:")).hasSize(5)
                .allSatisfy(r -> assertThat(r.provider).contains("pulumi:providers:kubernetes::t-k8s"));
        assertThat(run.mocks().resources()).filteredOn(r -> r.type.startsWith("aws:"))
                .allSatisfy(r -> assertThat(String.valueOf(r.provider)).doesNotContain("t-k8s"));
        // The namespace is the caller's (here the default, an existing ml-training): the component creates none.
        assertThat(run.plan().ofType("kubernetes:core/v1:Namespace")).isEmpty();
        assertThat(run.plan().ofType(PVC)).extracting(claim -> at(claim.inputs(), "metadata", "namespace").toString())
                .containsOnly("ml-training");
    }

    @Test
    void theClaimsWaitForTheNamespaceWhoseNameTheyAreGiven() {
        Plan plan = PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> {
            Provider k8s = new Provider("t-k8s", ProviderArgs.builder().build());
            Namespace namespace = new Namespace("jobs", NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name("jobs").build()).build(),
                    CustomResourceOptions.builder().provider(k8s).build());
            new TrainingStorage("t", base().namespace(namespace.metadata().applyValue(m -> m.name().orElseThrow()))
                    .hot(scratch().build()).warm(WarmTierArgs.builder().build()).build(),
                    ComponentResourceOptions.builder().providers(k8s).build());
        });
        PlannedResource namespace = only(plan, "kubernetes:core/v1:Namespace");
        assertThat(plan.ofType(PVC)).hasSize(2).allSatisfy(claim -> {
            assertThat(at(claim.inputs(), "metadata", "namespace").toString()).isEqualTo("jobs");
            assertThat(claim.dependencies()).as(claim.urn()).contains(namespace.urn());
        });
    }

    // --- hot tier: per-job scratch file systems ---

    @Test
    void perJobStorageClassCreatesAScratchFileSystemPerClaim() {
        Plan plan = plan(base().perJob(PerJobScratchArgs.builder().build()).build());
        PlannedResource sg = named(plan, SG, "t-lustre");
        PlannedResource storageClass = only(plan, STORAGE_CLASS);
        assertThat(storageClass.inputs()).containsEntry("provisioner", "fsx.csi.aws.com")
                .containsEntry("reclaimPolicy", "Delete")
                .containsEntry("volumeBindingMode", "WaitForFirstConsumer")
                .containsEntry("parameters", Map.of(
                        "subnetId", SUBNETS.get(0),
                        "securityGroupIds", sg.id(),
                        "deploymentType", "SCRATCH_2",
                        "fileSystemTypeVersion", "2.15",
                        "dataCompressionType", "LZ4"));
        assertThat(at(storageClass.inputs(), "metadata", "name").toString()).isEqualTo("fsx-lustre-training");
        assertThat(plan.ofType(FSX)).isEmpty();
    }

    @Test
    void aPerJobFileSystemIsNeverLinkedToTheTrainingBucket() {
        // FSx would read the SSE-KMS objects as the per-job file system's own role, which no key names.
        assertThatThrownBy(() -> plan(base().perJob(PerJobScratchArgs.builder().importPath("datasets/").exportPath("results/")
                .autoImportPolicy("NEW_CHANGED").build()).build()))
                .hasMessageContainingAll("perJob.importPath = \"datasets/\": a per-job file system cannot be linked to the training bucket",
                        "perJob.exportPath = \"results/\": a per-job file system cannot",
                        "perJob.autoImportPolicy = \"NEW_CHANGED\": a per-job file system cannot");
    }

    @Test
    void perJobPersistentTypeCarriesItsThroughputAndKey() {
        Plan plan = plan(base().perJob(PerJobScratchArgs.builder().deploymentType("PERSISTENT_2").perUnitStorageThroughput(250)
                .build()).build());
        Map<String, Object> parameters = at(only(plan, STORAGE_CLASS).inputs(), "parameters");
        assertThat(parameters).containsEntry("perUnitStorageThroughput", "250").containsEntry("kmsKeyId", KEY)
                .doesNotContainKeys("s3ImportPath", "s3ExportPath", "autoImportPolicy");
    }

    // --- warm tier ---

    /** The grants a per-job tier gives the FSx CSI driver, as each grant's policy JSON by id. */
    private static Map<String, Object> perJobDriverGrants(PerJobScratchArgs perJob) {
        return PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> {
            Provider k8s = new Provider("t-k8s", ProviderArgs.builder().build());
            TrainingStorage storage = new TrainingStorage("t", base().perJob(perJob).build(),
                    ComponentResourceOptions.builder().providers(k8s).build());
            storage.grantPerJobProvisioning(grant -> ctx.export(grant.id(),
                    grant.statements().applyValue(dev.strata.security.PolicyDocument::json)));
        }).outputs();
    }

    @Test
    void theFsxDriverIsGrantedTheKeyOnlyForPersistentPerJobFileSystems() {
        // Persistent per-job file systems are encrypted with the key (kmsKeyId); scratch ones with FSx's own keys.
        assertThat(perJobDriverGrants(PerJobScratchArgs.builder().deploymentType("PERSISTENT_2").perUnitStorageThroughput(250).build()))
                .isEqualTo(Map.of("fsx-per-job-key", dev.strata.security.PolicyDocument.json(
                        dev.strata.security.Grants.fsxCreateEncrypted(KEY, "fsx.us-east-1.amazonaws.com"))));
        assertThat(perJobDriverGrants(PerJobScratchArgs.builder().build())).isEmpty();
    }

    @Test
    void warmTierIsAnEncryptedEfsWithADatasetsClassAndAReadWriteManyClaim() {
        Plan plan = plan(base().warm(WarmTierArgs.builder().efs(EfsOptionsArgs.builder().throughputMode("bursting").transitionToIaDays(30).backup(true).build()).build())
                .protect(true).build());
        PlannedResource efs = only(plan, "aws:efs/fileSystem:FileSystem");
        assertThat(efs.inputs()).containsEntry("encrypted", true).containsEntry("kmsKeyId", KEY)
                .containsEntry("throughputMode", "bursting").containsEntry("performanceMode", "generalPurpose");
        assertThat(efs.protect()).isTrue();
        assertThat(plan.ofType("aws:efs/mountTarget:MountTarget")).hasSize(2);
        assertThat(at(only(plan, "aws:efs/backupPolicy:BackupPolicy").inputs(), "backupPolicy", "status").toString()).isEqualTo("ENABLED");
        PlannedResource accessPoint = only(plan, "aws:efs/accessPoint:AccessPoint");
        assertThat(at(accessPoint.inputs(), "rootDirectory", "path").toString()).isEqualTo("/shared");

        PlannedResource storageClass = only(plan, STORAGE_CLASS);
        assertThat(storageClass.inputs()).containsEntry("provisioner", "efs.csi.aws.com")
                .containsEntry("reclaimPolicy", "Retain")
                .containsEntry("volumeBindingMode", "Immediate")
                .containsEntry("mountOptions", List.of("tls", "iam"))
                .containsEntry("parameters", Map.of(
                        "provisioningMode", "efs-ap",
                        "fileSystemId", efs.id(),
                        "directoryPerms", "0755",
                        "gidRangeStart", "1000",
                        "gidRangeEnd", "2000",
                        "basePath", "/datasets"));
        assertThat(at(storageClass.inputs(), "metadata", "name").toString()).isEqualTo("efs-datasets");
        PlannedResource claim = named(plan, PVC, "t-warm-claim");
        assertThat(claim.inputs().get("spec")).isEqualTo(Map.of(
                "accessModes", List.of("ReadWriteMany"),
                "storageClassName", "efs-datasets",
                "resources", Map.of("requests", Map.of("storage", "100Gi"))));
        assertThat(at(claim.inputs(), "metadata", "namespace").toString()).isEqualTo("ml-training");
    }

    // --- cold and archive tiers ---

    @Test
    void bucketKeepsLinkedDatasetsReadableArchivesUnderArchiveAndCarriesTheKey() {
        Plan plan = plan(base().protect(true).build());
        Map<String, Object> lifecycle = only(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2").inputs();
        List<Map<String, Object>> rules = at(lifecycle, "rules");
        assertThat(rules).hasSize(4);
        // datasets/, the prefix the hot tier links, stays in a class FSx and GetObject read in real time
        assertThat(rules.get(0)).containsEntry("id", "datasets-tiering")
                .containsEntry("filter", Map.of("prefix", "datasets/"))
                .containsEntry("transitions", List.of(Map.of("days", 30L, "storageClass", "STANDARD_IA")));
        assertThat(rules.get(1)).containsEntry("id", "archive-tiering")
                .containsEntry("filter", Map.of("prefix", "archive/"))
                .containsEntry("transitions", List.of(
                        Map.of("days", 0L, "storageClass", "GLACIER"),
                        Map.of("days", 180L, "storageClass", "DEEP_ARCHIVE")));
        assertThat(rules.get(2)).containsEntry("id", "checkpoints-expiry")
                .containsEntry("filter", Map.of("prefix", "checkpoints/"))
                .containsEntry("expiration", Map.of("days", 30L));
        Map<String, Object> encryption = only(plan,
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2").inputs();
        assertThat(encryption.toString()).contains("kmsMasterKeyId=" + KEY);
        assertThat(only(plan, "aws:s3/bucketV2:BucketV2").protect()).isTrue();
        assertThat(plan.outputs()).containsEntry("bucket", BUCKET);
    }

    @Test
    void tiersReportCapacityAndAggregateThroughput() {
        Plan plan = plan(base().hot(persistent2().storageGiB(4800).build()).warm(WarmTierArgs.builder().efs(EfsOptionsArgs.builder().throughputMode("provisioned").provisionedThroughputMibps(256).build()).build()).build());
        Map<String, Object> tiers = at(plan.outputs(), "tiers");
        assertThat(tiers).containsOnlyKeys("hot", "warm", "cold", "archive");
        assertThat(at(tiers, "hot", "capacityGiB").toString()).isEqualTo("4800");
        assertThat(at(tiers, "hot", "throughputMBps").toString()).isEqualTo("2400");
        assertThat(at(tiers, "warm", "throughput").toString()).isEqualTo("256 MiB/s provisioned");
        assertThat(at(tiers, "cold", "transitions").toString()).contains("datasets/ -> STANDARD_IA after 30 days");
        assertThat(at(tiers, "archive", "transitions").toString())
                .contains("archive/ -> GLACIER after 0 days", "archive/ -> DEEP_ARCHIVE after 180 days").doesNotContain("datasets/");
        Map<String, Object> scratch = at(plan(base().hot(scratch().build()).build()).outputs(), "tiers");
        assertThat(at(scratch, "hot", "throughputMBps").toString()).isEqualTo("240");
    }

    // --- bad input: a valid and an invalid case for every rule, nothing registered ---

    static void rejects(TrainingStorageArgs args, String... fragments) {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        assertThatThrownBy(() -> PlanRunner.run("dev", mocks, ctx -> new TrainingStorage("t", args, null)))
                .satisfies(e -> {
                    Throwable cause = e;
                    while (!(cause instanceof InvalidConfigException) && cause.getCause() != null && cause.getCause() != cause) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(InvalidConfigException.class);
                    assertThat(cause.getMessage()).contains(fragments);
                });
        assertThat(mocks.resources()).isEmpty();
    }

    static TrainingStorageArgs hot(UnaryOperator<HotTierArgs.Builder> hot) {
        return base().hot(hot.apply(scratch()).build()).build();
    }

    @Test
    void capacityMustBeOnTheTypesSteps() {
        assertThat(plan(hot(h -> h.deploymentType("SCRATCH_1").storageGiB(7200))).ofType(FSX)).hasSize(1);
        rejects(hot(h -> h.deploymentType("SCRATCH_1").storageGiB(4800)),
                "hot.storageGiB = 4800 and hot.deploymentType = \"SCRATCH_1\"", "multiple of 3600");
        assertThat(plan(hot(h -> h.storageGiB(4800))).ofType(FSX)).hasSize(1);
        rejects(hot(h -> h.storageGiB(3600)), "hot.storageGiB = 3600 and hot.deploymentType = \"SCRATCH_2\"");
        rejects(hot(h -> h.storageGiB(1000)), "hot.storageGiB = 1000");
    }

    @Test
    void perUnitThroughputOnlyOnPersistentTypesAndOnlyTheirValues() {
        rejects(hot(h -> h.perUnitStorageThroughput(200)),
                "hot.perUnitStorageThroughput = 200 and hot.deploymentType = \"SCRATCH_2\"", "no per-unit storage throughput");
        assertThat(plan(hot(h -> h.deploymentType("PERSISTENT_1").perUnitStorageThroughput(200))).ofType(FSX)).hasSize(1);
        rejects(hot(h -> h.deploymentType("PERSISTENT_1").perUnitStorageThroughput(125)),
                "hot.perUnitStorageThroughput = 125 and hot.deploymentType = \"PERSISTENT_1\"", "[50, 100, 200]");
        rejects(base().hot(persistent2().perUnitStorageThroughput(200).build()).build(),
                "hot.perUnitStorageThroughput = 200 and hot.deploymentType = \"PERSISTENT_2\"", "[125, 250, 500, 1000]");
        rejects(base().hot(persistent2().perUnitStorageThroughput(null).build()).build(),
                "hot.perUnitStorageThroughput = (not set) and hot.deploymentType = \"PERSISTENT_2\"");
        rejects(base().perJob(PerJobScratchArgs.builder().perUnitStorageThroughput(200).build()).build(),
                "perJob.perUnitStorageThroughput = 200 and perJob.deploymentType = \"SCRATCH_2\"");
    }

    @Test
    void persistent2LinksOnlyThroughAssociationsAndScratchOnlyThroughPaths() {
        rejects(base().hot(persistent2().importPath("datasets/").exportPath("results/").autoImportPolicy("NEW").build()).build(),
                "hot.importPath = \"datasets/\" and hot.deploymentType = \"PERSISTENT_2\"",
                "hot.exportPath = \"results/\" and hot.deploymentType = \"PERSISTENT_2\"",
                "hot.autoImportPolicy = \"NEW\" and hot.deploymentType = \"PERSISTENT_2\"");
        rejects(hot(h -> h.dataRepositoryAssociations(List.of(LustreAssociationArgs.of("/datasets", "datasets/")))),
                "hot.dataRepositoryAssociations = \"1 associations\" and hot.deploymentType = \"SCRATCH_2\"");
        rejects(hot(h -> h.importPath(null)), "hot.exportPath = \"results/\" and hot.importPath = (not set)");
        rejects(hot(h -> h.importPath("s3://other/")), "hot.importPath = \"s3://other/\"");
    }

    @Test
    void atMostEightAssociationsOnDistinctDirectories() {
        List<LustreAssociationArgs> eight = IntStream.range(0, 8).mapToObj(i -> LustreAssociationArgs.of("/d" + i, "d" + i + "/")).toList();
        assertThat(plan(base().hot(persistent2().dataRepositoryAssociations(eight).build()).build()).ofType(DRA)).hasSize(8);
        List<LustreAssociationArgs> nine = IntStream.range(0, 9).mapToObj(i -> LustreAssociationArgs.of("/d" + i, "d" + i + "/")).toList();
        rejects(base().hot(persistent2().dataRepositoryAssociations(nine).build()).build(),
                "hot.dataRepositoryAssociations = \"9 associations\": a file system takes at most 8");
        rejects(base().hot(persistent2().dataRepositoryAssociations(List.of(LustreAssociationArgs.of("/data", "a/"),
                        LustreAssociationArgs.of("/data/sub", "b/"))).build()).build(),
                "hot.dataRepositoryAssociations[1].fileSystemPath = \"/data/sub\"", "must not overlap");
    }

    @Test
    void backupsOnlyOnPersistentTypes() {
        rejects(hot(h -> h.automaticBackupRetentionDays(7)),
                "hot.automaticBackupRetentionDays = 7 and hot.deploymentType = \"SCRATCH_2\"");
        rejects(base().hot(persistent2().automaticBackupRetentionDays(91).build()).build(),
                "hot.automaticBackupRetentionDays = 91: must be from 0 to 90");
    }

    @Test
    void warmTierFollowsTheEfsRules() {
        rejects(base().warm(WarmTierArgs.builder().efs(EfsOptionsArgs.builder().throughputMode("provisioned").build()).build()).build(),
                "warm.efs.provisionedThroughputMibps = (not set) and warm.efs.throughputMode = \"provisioned\"");
        rejects(base().warm(WarmTierArgs.builder().efs(EfsOptionsArgs.builder().throughputMode("bursting").transitionToIaDays(30).transitionToArchiveDays(90).build()).build()).build(),
                "warm.efs.transitionToArchiveDays = 90 and warm.efs.throughputMode = \"bursting\"");
        rejects(base().warm(WarmTierArgs.builder().gidRangeStart(3000).gidRangeEnd(2000).build()).build(),
                "warm.gidRangeEnd = 2000 and warm.gidRangeStart = 3000");
        rejects(base().hot(scratch().claimName("data").build()).warm(WarmTierArgs.builder().claimName("data").build()).build(),
                "warm.claimName = \"data\" and hot.claimName = \"data\"");
    }

    @Test
    void networkNeedsSubnetsAndClientsButNeverTheInternet() {
        rejects(base().network(network().subnetIds(List.of()).build()).hot(scratch().build()).build(),
                "network.subnetIds: must list at least one private subnet id");
        rejects(base().network(network().allowedCidrs(List.of("0.0.0.0/0")).build()).build(), "network.allowedCidrs[0] = \"0.0.0.0/0\"");
        rejects(base().network(NetworkArgs.builder().vpcId("vpc-0abc1234def567890").subnetIds(SUBNETS).build()).build(),
                "network.clientSecurityGroupId = (not set) and network.allowedCidrs = []");
        rejects(TrainingStorageArgs.builder().kmsKeyArn(Output.of(KEY)).build(), "network: is required");
        rejects(base().namespace("ML_Training").build(), "namespace = \"ML_Training\"");
    }
}

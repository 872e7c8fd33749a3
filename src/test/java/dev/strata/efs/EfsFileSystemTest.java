package dev.strata.efs;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.NetworkArgs;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.SUBNET_IDS;
import static dev.strata.testing.Fixtures.VPC_ID;
import static dev.strata.testing.Fixtures.network;
import static dev.strata.testing.ResourceTypes.EC2_SECURITY_GROUP;
import static dev.strata.testing.ResourceTypes.EFS_ACCESS_POINT;
import static dev.strata.testing.ResourceTypes.EFS_BACKUP_POLICY;
import static dev.strata.testing.ResourceTypes.EFS_FILE_SYSTEM;
import static dev.strata.testing.ResourceTypes.EFS_FILE_SYSTEM_POLICY;
import static dev.strata.testing.ResourceTypes.EFS_MOUNT_TARGET;
import static dev.strata.testing.ResourceTypes.VPC_INGRESS_RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EfsFileSystemTest {


    private static EfsFileSystemArgs.Builder valid() {
        return EfsFileSystemArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN))
                .network(network().build())
                .tier("warm")
                .component("training");
    }

    private static Plan plan(EfsFileSystemArgs args) {
        return PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> new EfsFileSystem("warm", args, null));
    }

    private static PlannedResource only(Plan plan, String type) {
        List<PlannedResource> resources = plan.ofType(type);
        assertThat(resources).hasSize(1);
        return resources.get(0);
    }

    @Test
    void fileSystemIsEncryptedWithTheKeyAndHasTheAskedModesAndLifecycle() {
        Plan plan = plan(valid().options(EfsOptionsArgs.builder().throughputMode("elastic").transitionToIaDays(30).transitionToArchiveDays(90).build()).build());
        Map<String, Object> fs = only(plan, EFS_FILE_SYSTEM).inputs();
        assertThat(fs).containsEntry("encrypted", true)
                .containsEntry("kmsKeyId", KEY_ARN)
                .containsEntry("performanceMode", "generalPurpose")
                .containsEntry("throughputMode", "elastic")
                .doesNotContainKey("provisionedThroughputInMibps");
        assertThat(fs.get("lifecyclePolicies")).isEqualTo(List.of(
                Map.of("transitionToIa", "AFTER_30_DAYS"), Map.of("transitionToArchive", "AFTER_90_DAYS")));
        @SuppressWarnings("unchecked") Map<String, Object> tags = (Map<String, Object>) fs.get("tags");
        assertThat(tags).containsEntry("component", "training").containsEntry("tier", "warm");
    }

    @Test
    void provisionedThroughputIsPassedAsMibps() {
        Plan plan = plan(valid().options(EfsOptionsArgs.builder().throughputMode("provisioned").provisionedThroughputMibps(256).build()).build());
        Map<String, Object> fs = only(plan, EFS_FILE_SYSTEM).inputs();
        assertThat(fs).containsEntry("throughputMode", "provisioned").containsEntry("provisionedThroughputInMibps", 256L);
    }

    @Test
    void oneMountTargetPerSubnetBehindTheNfsGroupThatAdmitsOnlyTheCluster() {
        Plan plan = plan(valid().network(network().allowedCidrs(List.of("10.10.0.0/16")).build()).build());
        PlannedResource group = only(plan, EC2_SECURITY_GROUP);
        assertThat(group.inputs()).containsEntry("vpcId", VPC_ID)
                .doesNotContainKey("ingress").doesNotContainKey("egress");

        List<PlannedResource> targets = plan.ofType(EFS_MOUNT_TARGET);
        assertThat(targets).extracting(t -> t.inputs().get("subnetId")).containsExactlyInAnyOrderElementsOf(SUBNET_IDS);
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.inputs()).containsEntry("fileSystemId", "warm-id");
            assertThat(t.inputs()).containsEntry("securityGroups", List.of(group.id()));
        });

        List<PlannedResource> rules = plan.ofType(VPC_INGRESS_RULE);
        assertThat(rules).hasSize(2);
        assertThat(rules).allSatisfy(rule -> assertThat(rule.inputs())
                .containsEntry("securityGroupId", group.id())
                .containsEntry("ipProtocol", "tcp")
                .containsEntry("fromPort", 2049L)
                .containsEntry("toPort", 2049L));
        assertThat(rules).extracting(rule -> rule.inputs().get("referencedSecurityGroupId"))
                .containsExactlyInAnyOrder(NODE_SECURITY_GROUP_ID, null);
        assertThat(rules).extracting(rule -> rule.inputs().get("cidrIpv4")).containsExactlyInAnyOrder("10.10.0.0/16", null);
    }

    @Test
    void policyDeniesPlainTransportAndGrantsNoMountToAnonymousClients() {
        Plan plan = plan(valid().build());
        String policy = (String) only(plan, EFS_FILE_SYSTEM_POLICY).inputs().get("policy");
        String arn = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/warm-id";
        assertThat(JsonParser.parseString(policy)).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AllowWriteThroughMountTargets","Effect":"Allow","Principal":{"AWS":"*"},
                  "Action":"elasticfilesystem:ClientWrite","Resource":"%s",
                  "Condition":{"Bool":{"elasticfilesystem:AccessedViaMountTarget":"true"}}},
                 {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":{"AWS":"*"},"Action":"*","Resource":"%s",
                  "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
                """.formatted(arn, arn)));
        assertThat(policy).doesNotContain("ClientMount").doesNotContain("ClientRootAccess");
    }

    @Test
    void backupPolicyFollowsTheSwitchAndProtectionGuardsTheFileSystemOnly() {
        Plan off = plan(valid().build());
        assertThat(only(off, EFS_BACKUP_POLICY).inputs().get("backupPolicy")).isEqualTo(Map.of("status", "DISABLED"));
        assertThat(only(off, EFS_FILE_SYSTEM).protect()).isFalse();

        Plan on = plan(valid().options(EfsOptionsArgs.builder().backup(true).build()).protect(true).build());
        assertThat(only(on, EFS_BACKUP_POLICY).inputs().get("backupPolicy")).isEqualTo(Map.of("status", "ENABLED"));
        PlannedResource fs = only(on, EFS_FILE_SYSTEM);
        assertThat(fs.protect()).isTrue();
        assertThat(fs.retainOnDelete()).isTrue();
    }

    @Test
    void accessPointsPinTheirDirectoryAndUser() {
        Plan plan = plan(valid().accessPoints(List.of(EfsAccessPointArgs.builder().name("datasets").path("/datasets")
                .uid(2000).gid(3000).permissions("0750").build())).build());
        PlannedResource accessPoint = only(plan, EFS_ACCESS_POINT);
        assertThat(accessPoint.name()).isEqualTo("warm-datasets");
        assertThat(accessPoint.inputs()).containsEntry("fileSystemId", "warm-id")
                .containsEntry("posixUser", Map.of("uid", 2000L, "gid", 3000L))
                .containsEntry("rootDirectory", Map.of("path", "/datasets",
                        "creationInfo", Map.of("ownerUid", 2000L, "ownerGid", 3000L, "permissions", "0750")));
    }

    @Test
    void outputsNameTheFileSystemGroupAndDns() {
        Plan plan = PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> {
            EfsFileSystem efs = new EfsFileSystem("warm", valid().build(), null);
            ctx.export("id", efs.fileSystemId);
            ctx.export("dns", efs.dnsName);
            ctx.export("sg", efs.securityGroupId);
            ctx.export("arn", efs.fileSystemArn);
        });
        assertThat(plan.outputs()).containsEntry("id", "warm-id")
                .containsEntry("dns", "warm-id.efs.us-east-1.amazonaws.com")
                .containsEntry("sg", "warm-nfs-id")
                .containsEntry("arn", "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/warm-id");
    }

    // --- validation: a valid and an invalid case for every rule ---

    private static void rejects(EfsFileSystemArgs args, String... fragments) {
        assertThatThrownBy(() -> plan(args))
                .satisfies(e -> {
                    Throwable cause = rootCause(e);
                    assertThat(cause).isInstanceOf(InvalidConfigException.class);
                    assertThat(cause.getMessage()).contains(fragments);
                });
    }

    static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current && !(current instanceof InvalidConfigException)) {
            current = current.getCause();
        }
        return current;
    }

    @Test
    void provisionedNeedsThroughputWithinBounds() {
        assertThat(plan(valid().options(EfsOptionsArgs.builder().throughputMode("provisioned").provisionedThroughputMibps(3414).build()).build()).resources()).isNotEmpty();
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("provisioned").build()).build(), "options.provisionedThroughputMibps", "options.throughputMode = \"provisioned\"");
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("provisioned").provisionedThroughputMibps(3415).build()).build(), "options.provisionedThroughputMibps = 3415");
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("provisioned").provisionedThroughputMibps(0).build()).build(), "options.provisionedThroughputMibps = 0");
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("bursting").provisionedThroughputMibps(100).build()).build(),
                "options.provisionedThroughputMibps = 100 and options.throughputMode = \"bursting\"");
    }

    @Test
    void archiveNeedsElasticThroughputGeneralPurposeAndAnEarlierIaTransition() {
        assertThat(plan(valid().options(EfsOptionsArgs.builder().throughputMode("elastic").transitionToIaDays(30).transitionToArchiveDays(90).build()).build())
                .resources()).isNotEmpty();
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("bursting").transitionToIaDays(30).transitionToArchiveDays(90).build()).build(),
                "options.transitionToArchiveDays = 90 and options.throughputMode = \"bursting\"");
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("elastic").transitionToIaDays(90).transitionToArchiveDays(90).build()).build(),
                "options.transitionToArchiveDays = 90 and options.transitionToIaDays = 90");
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("elastic").transitionToArchiveDays(90).build()).build(),
                "options.transitionToArchiveDays = 90 and options.transitionToIaDays = (not set)");
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("provisioned").provisionedThroughputMibps(10).performanceMode("maxIO").transitionToIaDays(30).transitionToArchiveDays(90).build()).build(),
                "options.transitionToArchiveDays = 90 and options.performanceMode = \"maxIO\"");
    }

    @Test
    void transitionsUseTheDaysEfsSupports() {
        assertThat(plan(valid().options(EfsOptionsArgs.builder().transitionToIaDays(1).build()).build()).resources()).isNotEmpty();
        rejects(valid().options(EfsOptionsArgs.builder().transitionToIaDays(31).build()).build(), "options.transitionToIaDays = 31", "must be one of");
    }

    @Test
    void modesMustBeKnownAndMaxIoExcludesElastic() {
        assertThat(plan(valid().options(EfsOptionsArgs.builder().performanceMode("maxIO").throughputMode("bursting").build()).build()).resources()).isNotEmpty();
        rejects(valid().options(EfsOptionsArgs.builder().performanceMode("fast").build()).build(), "options.performanceMode = \"fast\"", "generalPurpose, maxIO");
        rejects(valid().options(EfsOptionsArgs.builder().throughputMode("burst").build()).build(), "options.throughputMode = \"burst\"", "bursting, provisioned, elastic");
        rejects(valid().options(EfsOptionsArgs.builder().performanceMode("maxIO").throughputMode("elastic").build()).build(),
                "options.performanceMode = \"maxIO\" and options.throughputMode = \"elastic\"");
    }

    @Test
    void networkMustNameSubnetsAndClientsButNeverTheInternet() {
        rejects(valid().network(network().subnetIds(List.of()).build()).build(), "network.subnetIds", "at least one private subnet");
        rejects(valid().network(NetworkArgs.builder().vpcId(VPC_ID).subnetIds(SUBNET_IDS).build()).build(),
                "network.clientSecurityGroupId = (not set) and network.allowedCidrs = []");
        rejects(valid().network(network().allowedCidrs(List.of("0.0.0.0/0")).build()).build(),
                "network.allowedCidrs[0] = \"0.0.0.0/0\"", "whole internet");
        rejects(valid().network(NetworkArgs.builder().subnetIds(SUBNET_IDS).clientSecurityGroupId(NODE_SECURITY_GROUP_ID).build()).build(),
                "network.vpcId: is required");
        rejects(EfsFileSystemArgs.builder().kmsKeyArn(Output.of(KEY_ARN)).tier("warm").build(), "network: is required");
        rejects(EfsFileSystemArgs.builder().network(network().build()).tier("warm").build(), "kmsKeyArn");
    }

    @Test
    void invalidArgumentsRegisterNothing() {
        RecordingMocks mocks = new RecordingMocks("us-east-1");
        Consumer<com.pulumi.Context> program = ctx -> new EfsFileSystem("warm", valid().network(network().subnetIds(List.of()).build()).build(), null);
        assertThatThrownBy(() -> PlanRunner.run("dev", mocks, program)).isNotNull();
        assertThat(mocks.resources()).isEmpty();
    }
}

package dev.strata.efs;

import com.pulumi.core.Output;
import dev.strata.core.NetworkArgs;
import dev.strata.core.Problems;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.VPC_ID;
import static dev.strata.testing.ResourceTypes.EFS_ACCESS_POINT;
import static dev.strata.testing.ResourceTypes.EFS_BACKUP_POLICY;
import static dev.strata.testing.ResourceTypes.EFS_FILE_SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/** EfsFileSystemArgs and EfsOptionsArgs built from their defaults alone give the documented defaults. */
class EfsArgsDefaultsTest {
    private static PlannedResource only(Plan plan, String type) {
        return plan.resources().stream().filter(r -> r.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void efsFileSystemArgsDefaults() {
        // Required: kmsKeyArn, network, tier. Default: the options' defaults, no access point, component tag efs, unprotected.
        Plan plan = PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> new EfsFileSystem("fs", EfsFileSystemArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN))
                .network(NetworkArgs.builder().vpcId(VPC_ID).subnetIds(List.of("subnet-0a1b2c3d4e5f60718"))
                        .clientSecurityGroupId(NODE_SECURITY_GROUP_ID).build())
                .tier("warm").build(), null));
        PlannedResource fs = only(plan, EFS_FILE_SYSTEM);
        assertThat(fs.inputs()).containsEntry("performanceMode", "generalPurpose").containsEntry("throughputMode", "elastic")
                .containsEntry("lifecyclePolicies", List.of()).doesNotContainKey("provisionedThroughputInMibps");
        assertThat(fs.inputs().get("tags")).isEqualTo(Map.of("Name", "fs", "component", "efs", "tier", "warm"));
        assertThat(fs.protect()).isFalse();
        assertThat(only(plan, EFS_BACKUP_POLICY).inputs()).containsEntry("backupPolicy", Map.of("status", "DISABLED"));
        assertThat(plan.resources()).noneMatch(r -> r.type().equals(EFS_ACCESS_POINT));
    }

    @Test
    void efsAccessPointArgsDefaults() {
        // Required: name, path. Default: uid and gid 1000, permissions 0755.
        Plan plan = PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> new EfsFileSystem("fs", EfsFileSystemArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN))
                .network(NetworkArgs.builder().vpcId(VPC_ID).subnetIds(List.of("subnet-0a1b2c3d4e5f60718"))
                        .clientSecurityGroupId(NODE_SECURITY_GROUP_ID).build())
                .accessPoints(List.of(EfsAccessPointArgs.builder().name("shared").path("/shared").build()))
                .tier("warm").build(), null));
        Map<String, Object> accessPoint = only(plan, EFS_ACCESS_POINT).inputs();
        assertThat(accessPoint).containsEntry("posixUser", Map.of("gid", 1000L, "uid", 1000L));
        assertThat(accessPoint.get("rootDirectory")).isEqualTo(Map.of("path", "/shared",
                "creationInfo", Map.of("ownerGid", 1000L, "ownerUid", 1000L, "permissions", "0755")));
    }

    @Test
    void efsOptionsArgsDefaults() {
        EfsOptionsArgs defaults = EfsOptionsArgs.builder().build();
        assertThat(defaults.performance()).isEqualTo(PerformanceMode.GENERAL_PURPOSE);
        assertThat(defaults.throughput()).isEqualTo(ThroughputMode.ELASTIC);
        assertThat(defaults.provisionedThroughputMibps()).isEmpty();
        assertThat(defaults.transitionToIaDays()).isEmpty();
        assertThat(defaults.transitionToArchiveDays()).isEmpty();
        assertThat(defaults.backup()).isFalse();
        Problems problems = new Problems();
        defaults.validate(field -> "efs." + field, problems);
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void unsetOptionsTakeTheFallbackAndSetOnesKeepTheirs() {
        EfsOptionsArgs merged = EfsOptionsArgs.builder().throughputMode("bursting").transitionToIaDays(0).build()
                .orElse(EfsOptionsArgs.builder().throughputMode("elastic").transitionToIaDays(30).backup(true).build());
        assertThat(merged.throughput()).isEqualTo(ThroughputMode.BURSTING);
        assertThat(merged.transitionToIaDays()).isEmpty();
        assertThat(merged.backup()).isTrue();
    }
}

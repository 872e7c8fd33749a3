package dev.strata.cluster;

import com.pulumi.core.Output;
import dev.strata.core.KnownValue;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster's network references given as outputs that resolve after the component is built: used as resolved, checked then. */
class EksClusterReferenceOutputsTest {
    private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829");

    private static Plan plan(List<String> subnets, String nodeGroup) {
        return PlanRunner.run("dev", new RecordingMocks("eu-west-1"), ctx -> {
            CompletableFuture<List<String>> subnetIds = new CompletableFuture<>();
            CompletableFuture<String> group = new CompletableFuture<>();
            Output<List<String>> later = Output.of(subnetIds);
            assertThat(KnownValue.of(later)).isEmpty();
            new EksCluster("team", EksClusterArgs.builder()
                    .vpcId(Output.of("vpc-0abc1234def567890"))
                    .privateSubnetIds(later)
                    .nodeSecurityGroupId(Output.of(group))
                    .secretsKeyArn(Output.of("arn:aws:kms:eu-west-1:123456789012:key/k"))
                    .build(), null);
            subnetIds.complete(subnets);
            group.complete(nodeGroup);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void subnetsThatResolveLaterPlaceTheControlPlaneAndTheNodes() {
        Plan plan = plan(SUBNETS, "sg-0c3d4e5f607182930");
        Map<String, Object> vpc = (Map<String, Object>) plan.ofType("aws:eks/cluster:Cluster").get(0).inputs().get("vpcConfig");
        assertThat(vpc.get("subnetIds")).isEqualTo(SUBNETS);
        assertThat(plan.ofType("aws:eks/nodeGroup:NodeGroup")).allSatisfy(group -> assertThat(group.inputs().get("subnetIds")).isEqualTo(SUBNETS));
    }

    @Test
    void referencesThatResolveLaterAreCheckedThen() {
        assertThatThrownBy(() -> plan(List.of("subnet-nope"), "sg-0c3d4e5f607182930"))
                .hasStackTraceContaining("privateSubnetIds[0]").hasStackTraceContaining("must be a subnet id");
        assertThatThrownBy(() -> plan(SUBNETS, "group-1"))
                .hasStackTraceContaining("nodeSecurityGroupId").hasStackTraceContaining("must be a security group id");
    }
}

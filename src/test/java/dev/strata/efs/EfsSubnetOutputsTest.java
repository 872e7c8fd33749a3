package dev.strata.efs;

import com.pulumi.core.Output;
import dev.strata.core.KnownValue;
import dev.strata.core.NetworkArgs;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subnets passed as another resource's output, not known when the component is built (what a
 * TypeScript, Python or YAML program passes from its VPC): one mount target per subnet once they
 * resolve, and the same checks as for plain ids, then.
 */
class EfsSubnetOutputsTest {
    private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829");

    /** The component built with subnets that resolve to {@code subnets} only after it is built (as another resource's outputs do). */
    private static Plan plan(List<String> subnets) {
        return PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> {
            CompletableFuture<List<String>> later = new CompletableFuture<>();
            Output<List<String>> subnetIds = Output.of(later);
            assertThat(KnownValue.of(subnetIds)).isEmpty();
            new EfsFileSystem("warm", EfsFileSystemArgs.builder()
                    .kmsKeyArn(Output.of("arn:aws:kms:us-east-1:123456789012:key/k"))
                    .network(NetworkArgs.builder().vpcId("vpc-0abc1234def567890").subnetIds(subnetIds)
                            .clientSecurityGroupId("sg-0c3d4e5f607182930").build())
                    .tier("warm")
                    .build(), null);
            later.complete(subnets);
        });
    }

    @Test
    void subnetsThatResolveLaterGetOneMountTargetEach() {
        Plan plan = plan(SUBNETS);
        assertThat(plan.ofType("aws:efs/mountTarget:MountTarget")).extracting(t -> t.inputs().get("subnetId"))
                .containsExactlyInAnyOrderElementsOf(SUBNETS);
        assertThat(plan.ofType("aws:efs/mountTarget:MountTarget")).extracting(t -> t.name())
                .containsExactlyInAnyOrder("warm-" + SUBNETS.get(0), "warm-" + SUBNETS.get(1));
    }

    @Test
    void subnetsThatResolveLaterAreCheckedThen() {
        assertThatThrownBy(() -> plan(List.of(SUBNETS.get(0), SUBNETS.get(0))))
                .hasStackTraceContaining("network.subnetIds[1]").hasStackTraceContaining("is listed twice");
        assertThatThrownBy(() -> plan(List.of("subnet-nope")))
                .hasStackTraceContaining("network.subnetIds[0]").hasStackTraceContaining("must be a subnet id");
    }

    @Test
    void plainSubnetsAreKnownAndCheckedBeforeAnythingRegisters() {
        NetworkArgs network = NetworkArgs.builder().vpcId("vpc-0abc1234def567890").subnetIds(List.of("subnet-nope"))
                .clientSecurityGroupId("sg-0c3d4e5f607182930").build();
        assertThat(KnownValue.of(network.subnetIds())).contains(List.of("subnet-nope"));
        dev.strata.core.Problems problems = new dev.strata.core.Problems();
        dev.strata.core.NetworkRules.network("network", network, problems);
        assertThat(problems.messages()).singleElement().asString().contains("network.subnetIds[0]", "subnet-nope");
    }
}

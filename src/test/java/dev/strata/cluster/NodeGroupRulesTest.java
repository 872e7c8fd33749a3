package dev.strata.cluster;

import dev.strata.core.Problems;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** Both node groups' size and root-volume rules, in one place, as the component, the Args and the settings report them. */
class NodeGroupRulesTest {

    private static Problems sizes(int desired, int min, int max) {
        Problems problems = new Problems();
        NodeGroupRules.checkSizes(field -> "nodeGroup." + field, desired, min, max, problems);
        return problems;
    }

    @Test
    void nodeCountsAreOrderedAndTheQuotaIsTheAccountsToRaise() {
        assertThat(sizes(0, 0, 1).messages()).isEmpty();
        assertThat(sizes(2, 1, 4).messages()).isEmpty();
        // 450 nodes per managed node group is an adjustable quota, not a limit Strata enforces.
        assertThat(sizes(500, 10, 1000).messages()).isEmpty();
        assertThat(sizes(2, 3, 4).messages()).containsExactly("nodeGroup.desiredSize = 2 and nodeGroup.minSize/nodeGroup.maxSize = \"3/4\": "
                + "need 0 <= minSize <= desiredSize <= maxSize and maxSize >= 1");
        assertThat(sizes(0, -1, 1).messages()).hasSize(1);
        assertThat(sizes(0, 0, 0).messages()).hasSize(1);
        assertThat(sizes(5, 0, 4).messages()).hasSize(1);
    }

    @Test
    void theRootVolumeIsAGp3VolumeTheAmiFits() {
        for (int gib : new int[]{NodeGroupRules.MIN_ROOT_VOLUME_GIB, 100, NodeGroupRules.MAX_ROOT_VOLUME_GIB}) {
            Problems problems = new Problems();
            NodeGroupRules.checkRootVolume("rootVolumeGiB", gib, problems);
            assertThat(problems.messages()).as("%d GiB", gib).isEmpty();
        }
        for (int gib : new int[]{19, 16_385}) {
            Problems problems = new Problems();
            NodeGroupRules.checkRootVolume("rootVolumeGiB", gib, problems);
            assertThat(problems.messages()).containsExactly("rootVolumeGiB = " + gib + ": must be from 20 to 16384 (EBS gp3 limits)");
        }
    }

    @Test
    void bothNodeGroupsAreCheckedByTheSameRules() {
        Problems problems = new Problems();
        InferenceNodeGroupArgs.builder().desiredSize(3).minSize(1).maxSize(2).rootVolumeGiB(10).build()
                .validate(UnaryOperator.identity(), problems);
        assertThat(problems.messages()).containsExactly(
                "desiredSize = 3 and minSize/maxSize = \"1/2\": need 0 <= minSize <= desiredSize <= maxSize and maxSize >= 1",
                "rootVolumeGiB = 10: must be from 20 to 16384 (EBS gp3 limits)");
    }
}

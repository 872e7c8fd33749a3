package dev.strata.core;

import dev.strata.plan.PlannedResource;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** One name per tier: the training and inference tiers' tags and the cost tiers of the three plans are the enum's names. */
class TierNameTest {
    @Test
    void theStorageTiersOfTheThreePlansAreNamedByTheEnum() {
        Set<String> names = new TreeSet<>(Arrays.stream(TierName.values()).map(TierName::value).toList());
        Set<String> tagged = new TreeSet<>();
        Set<String> costed = new TreeSet<>();
        for (String stack : List.of("dev", "staging", "prod")) {
            for (PlannedResource resource : StackPlans.plan(stack).resources()) {
                if (resource.inputs().get("tags") instanceof Map<?, ?> tags && tags.get("tier") instanceof String tier
                        && List.of("training", "inference").contains(tags.get("component"))) {
                    tagged.add(tier);
                }
            }
            StackPlans.plan(stack).outputs().keySet().stream().filter(key -> key.startsWith("estimatedMonthlyUsd.training.")
                    || key.startsWith("estimatedMonthlyUsd.inference.")).map(key -> key.substring(key.lastIndexOf('.') + 1))
                    .forEach(costed::add);
        }
        assertThat(names).containsAll(tagged).containsAll(costed);
        // Every name is used: a training or inference tag or cost tier of some stack, or the data lake's access logs.
        Set<String> used = new TreeSet<>(tagged);
        used.addAll(costed);
        used.add(TierName.ACCESS_LOGS.value());
        assertThat(used).containsAll(names);
    }
}

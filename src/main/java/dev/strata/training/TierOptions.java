package dev.strata.training;

import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Options of a tier's children. The tiers became components of their own after their resources were
 * deployed as direct children of {@link TrainingStorage}: each child a tier builds under a
 * TrainingStorage carries an alias naming that component as its former parent, so the engine finds
 * the deployed resource under its old URN and updates it in place instead of replacing it
 * (https://www.pulumi.com/docs/iac/concepts/resources/options/aliases/). A child component's own
 * children inherit its alias (the engine's {@code generateAliases}).
 */
final class TierOptions {
    private final ComponentResource tier;
    private final Optional<Resource> formerParent;

    /** Options for the children of {@code tier}, whose options name its parent. */
    TierOptions(ComponentResource tier, @Nullable ComponentResourceOptions tierOptions) {
        this.tier = tier;
        this.formerParent = Optional.ofNullable(tierOptions).flatMap(ComponentResourceOptions::getParent)
                .filter(TrainingStorage.class::isInstance);
    }

    private List<Output<Alias>> aliases() {
        return formerParent.map(parent -> List.of(Output.of(Alias.builder().parent(parent).build()))).orElse(List.of());
    }

    /** A stateless child. */
    CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(tier).aliases(aliases()).build();
    }

    /** A child created after {@code resources}. */
    CustomResourceOptions after(List<Resource> resources) {
        return CustomResourceOptions.builder().parent(tier).aliases(aliases()).dependsOn(resources).build();
    }

    /** A stateful child, protected and retained where asked, whose changes the provider waits {@code timeouts} for. */
    CustomResourceOptions stateful(boolean protect, @Nullable CustomTimeouts timeouts) {
        var builder = CustomResourceOptions.builder().parent(tier).aliases(aliases()).protect(protect).retainOnDelete(protect);
        if (timeouts != null) {
            builder.customTimeouts(timeouts);
        }
        return builder.build();
    }

    /** A child component. */
    ComponentResourceOptions component() {
        return ComponentResourceOptions.builder().parent(tier).aliases(aliases()).build();
    }
}

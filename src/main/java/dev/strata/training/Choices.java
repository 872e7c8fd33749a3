package dev.strata.training;

import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.List;

/** The Lustre choices spelled as the FSx API spells them: the value, or null and a problem. */
final class Choices {
    private Choices() {
    }

    @Nullable
    static DeploymentType deploymentType(String key, @Nullable String value, Problems problems) {
        for (DeploymentType type : DeploymentType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        problems.add(key, value, "must be one of " + List.of(DeploymentType.values()));
        return null;
    }

    @Nullable
    static AutoImportPolicy autoImport(String key, String value, Problems problems) {
        for (AutoImportPolicy policy : AutoImportPolicy.values()) {
            if (policy.name().equals(value)) {
                return policy;
            }
        }
        problems.add(key, value, "must be one of " + List.of(AutoImportPolicy.values()));
        return null;
    }
}

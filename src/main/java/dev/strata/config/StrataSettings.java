package dev.strata.config;

import java.util.Map;

/**
 * Every setting of a Strata stack, validated and immutable. Parsed once from the {@code strata:}
 * config namespace by {@link SettingsParser}.
 *
 * @param environment the stack's environment ({@code strata:environment})
 * @param protect     whether stateful resources are protected and retained on delete ({@code strata:protect})
 * @param tags        cost-allocation tags added to every taggable resource ({@code strata:tags})
 * @param dataLake    the S3 data lake ({@code strata:dataLake})
 * @param cost        expected usage and the budget, for the cost estimate ({@code strata:usage}, {@code strata:budget})
 */
public record StrataSettings(Environment environment, boolean protect, Map<String, String> tags, DataLakeSettings dataLake,
                             CostSettings cost) {
    public StrataSettings {
        tags = Map.copyOf(tags);
    }
}

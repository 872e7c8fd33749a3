package dev.strata.datalake;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One zone of a {@link DataLake}: a bucket of its own. */
public final class DataLakeZoneArgs extends ResourceArgs {
    /** The zone's name: 1 to 20 lower-case letters, digits or hyphens. Required. */
    @Import(name = "name", required = true)
    private String name;

    /** Keep object versions. Default: true. */
    @Import(name = "versioning")
    @Nullable
    private Boolean versioning;

    /** The zone's lifecycle rules. Default: none. */
    @Import(name = "lifecycleRules")
    @Nullable
    private List<LifecycleRuleArgs> lifecycleRules;

    public static DataLakeZoneArgs from(Zone zone) {
        DataLakeZoneArgs args = new DataLakeZoneArgs();
        args.name = zone.name();
        args.versioning = zone.versioning();
        args.lifecycleRules = zone.lifecycle().stream().map(LifecycleRuleArgs::from).toList();
        return args;
    }

    /** The typed zone; missing or malformed fields are recorded in {@code problems} under {@code key}. */
    public Zone toZone(String key, Problems problems) {
        if (name == null) {
            problems.missing(key + ".name", "is required");
        }
        String zoneName = Optional.ofNullable(name).orElse("");
        List<LifecycleRule> rules = new ArrayList<>();
        List<LifecycleRuleArgs> ruleArgs = Optional.ofNullable(lifecycleRules).orElse(List.of());
        for (int i = 0; i < ruleArgs.size(); i++) {
            rules.add(ruleArgs.get(i).toRule(key + ".lifecycleRules[" + i + "]", problems));
        }
        return new Zone(zoneName, !Boolean.FALSE.equals(versioning), rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<DataLakeZoneArgs, Builder> {
        private Builder() {
            super(new DataLakeZoneArgs());
        }

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder versioning(boolean versioning) {
            args.versioning = versioning;
            return this;
        }

        public Builder lifecycleRules(List<LifecycleRuleArgs> rules) {
            args.lifecycleRules = List.copyOf(rules);
            return this;
        }
    }
}

package dev.strata.datalake;

import dev.strata.core.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One zone of a {@link DataLake}: a bucket of its own. */
public final class DataLakeZoneArgs extends DataLakeZoneArgsBase {
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
}

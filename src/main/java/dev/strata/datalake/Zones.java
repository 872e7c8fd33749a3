package dev.strata.datalake;

import dev.strata.core.Problems;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The data lake's default zones (the playbook's data-lake pattern) and the rules every zone keeps. */
public final class Zones {
    /** Zone names become part of bucket names, so they follow S3's bucket-name alphabet. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,18}[a-z0-9])?");

    private static final int SEVEN_YEARS = 7 * 365;
    private static final int FIVE_YEARS = 5 * 365;
    private static final int THREE_YEARS = 3 * 365;
    /** Deleted or overwritten data stays recoverable this long in the versioned zones. */
    private static final int NONCURRENT_RETENTION_DAYS = 90;

    private Zones() {
    }

    /** Raw data: to STANDARD_IA after 30 days, expired after 7 years. */
    public static final Zone RAW = new Zone("raw", true, List.of(LifecycleRule.forPrefix(
            "raw-retention", null, List.of(new Transition(30, StorageClass.STANDARD_IA)), SEVEN_YEARS,
            List.of(), NONCURRENT_RETENTION_DAYS)));

    /** Processed data: to STANDARD_IA after 90 days, expired after 5 years. */
    public static final Zone PROCESSED = new Zone("processed", true, List.of(LifecycleRule.forPrefix(
            "processed-retention", null, List.of(new Transition(90, StorageClass.STANDARD_IA)), FIVE_YEARS,
            List.of(), NONCURRENT_RETENTION_DAYS)));

    /** Features: read often, so no IA transition; kept 3 years. */
    public static final Zone FEATURE = new Zone("feature", true, List.of(LifecycleRule.forPrefix(
            "feature-retention", null, List.of(), THREE_YEARS, List.of(), NONCURRENT_RETENTION_DAYS)));

    /** Models: kept indefinitely and versioned; noncurrent versions to STANDARD_IA after 30 days, GLACIER after 90. */
    public static final Zone MODEL = new Zone("model", true, List.of(LifecycleRule.forPrefix(
            "model-noncurrent-versions", null, List.of(), null,
            List.of(new Transition(30, StorageClass.STANDARD_IA), new Transition(90, StorageClass.GLACIER)), null)));

    /** The four zones of the playbook, in data-flow order. */
    public static final List<Zone> DEFAULTS = List.of(RAW, PROCESSED, FEATURE, MODEL);

    /** The default zone of this name, if the playbook defines one. */
    public static Optional<Zone> defaultNamed(String name) {
        return DEFAULTS.stream().filter(zone -> zone.name().equals(name)).findFirst();
    }

    /** Checks zone names (valid and unique) and each zone's lifecycle rules. {@code key} names the zone map. */
    public static void validate(List<Zone> zones, String key, Problems problems) {
        if (zones.isEmpty()) {
            problems.missing(key, "must name at least one zone (defaults: raw, processed, feature, model)");
        }
        Set<String> names = new HashSet<>();
        for (Zone zone : zones) {
            String zoneKey = key + "." + zone.name();
            if (!NAME.matcher(zone.name()).matches()) {
                problems.add(zoneKey, zone.name(),
                        "a zone name must be 1 to 20 lower-case letters, digits or hyphens, starting and ending with a letter or digit");
            }
            if (!names.add(zone.name())) {
                problems.add(zoneKey, zone.name(), "zone names must be unique");
            }
            LifecycleRules.validate(zone.lifecycle(), zoneKey + ".lifecycle", problems);
        }
    }
}

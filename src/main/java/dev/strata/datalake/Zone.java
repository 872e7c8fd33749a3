package dev.strata.datalake;

import java.util.List;

/**
 * One data-lake zone: a bucket of its own, with its versioning and lifecycle rules.
 *
 * @param name       the zone's name (lower-case letters, digits and hyphens); it names the bucket
 * @param versioning whether the zone's bucket keeps object versions
 * @param lifecycle  the zone's lifecycle rules (the abort-incomplete-uploads rule is always added)
 */
public record Zone(String name, boolean versioning, List<LifecycleRule> lifecycle) {
    public Zone {
        lifecycle = List.copyOf(lifecycle);
    }
}

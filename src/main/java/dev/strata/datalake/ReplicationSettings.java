package dev.strata.datalake;

import dev.strata.config.ConfigNode;
import dev.strata.core.Problems;
import dev.strata.core.TierName;

import java.util.List;
import java.util.Optional;

/**
 * Cross-Region replication of the data lake ({@code strata:dataLake.replication}): the region of the
 * replicas, the zones replicated and whether the model archive is. Parsed beside the data lake; the
 * replication's own rules are {@link ReplicationArgs}'.
 *
 * @param region                 the destination region ({@code region}); never the stack's own
 * @param zones                  the data-lake zones replicated ({@code zones}, default {@code [model]})
 * @param modelArchive           whether the inference model archive (L4) is replicated ({@code modelArchive}, default true)
 * @param replicationTimeControl S3 Replication Time Control ({@code replicationTimeControl}, default false)
 * @param metrics                S3 replication metrics ({@code metrics}, default true)
 * @param replicateDeleteMarkers delete marker replication ({@code replicateDeleteMarkers}, default false)
 */
public record ReplicationSettings(String region, List<String> zones, boolean modelArchive, boolean replicationTimeControl,
                                  boolean metrics, boolean replicateDeleteMarkers) {
    /** The name the inference model archive replicates under (its replica's name and tier). */
    public static final String MODEL_ARCHIVE = TierName.MODEL_ARCHIVE.value();
    /** The zone replicated when none is named: the playbook's model zone. */
    public static final List<String> DEFAULT_ZONES = List.of(Zones.MODEL.name());

    public ReplicationSettings {
        zones = List.copyOf(zones);
    }

    /** Parses {@code strata:dataLake.replication}; {@code zoneNames} are the data lake's zones. */
    static ReplicationSettings parse(ConfigNode node, List<String> zoneNames) {
        Optional<String> region = node.requiredString("region", "an AWS Region code other than the stack's, e.g. us-east-2");
        region.ifPresent(r -> ReplicationRules.checkRegion(node.key("region"), r, node.problems()));
        List<String> named = node.stringList("zones");
        List<String> zones = node.has("zones") ? named : DEFAULT_ZONES;
        boolean modelArchive = node.bool("modelArchive", true);
        boolean rtc = node.bool("replicationTimeControl", false);
        boolean metrics = node.bool("metrics", true);
        boolean deleteMarkers = node.bool("replicateDeleteMarkers", false);
        node.finish();
        for (int i = 0; i < zones.size(); i++) {
            String zone = zones.get(i);
            if (!zoneNames.contains(zone)) {
                node.problems().add(node.key("zones") + "[" + i + "]", zone, "must be a zone of strata:dataLake.zones: "
                        + String.join(", ", zoneNames));
            } else if (zones.indexOf(zone) != i) {
                node.problems().add(node.key("zones") + "[" + i + "]", zone, "is listed twice; name each zone once");
            }
        }
        if (modelArchive && zones.contains(MODEL_ARCHIVE)) {
            node.problems().add(node.key("zones"), zones, node.key("modelArchive"), true,
                    "the zone " + MODEL_ARCHIVE + " and the model archive would replicate under one name; rename the zone");
        }
        if (zones.isEmpty() && !modelArchive) {
            node.problems().add(node.key("zones"), zones, node.key("modelArchive"), false,
                    "replication needs something to replicate: name a zone or replicate the model archive (or remove strata:dataLake.replication)");
        }
        if (rtc && !metrics) {
            node.problems().add(node.key("replicationTimeControl"), true, node.key("metrics"), false,
                    "S3 Replication Time Control needs replication metrics");
        }
        return new ReplicationSettings(region.orElse(""), zones, modelArchive, rtc, metrics, deleteMarkers);
    }

    /** What is replicated, by the name each replica takes: the zones, then the model archive. */
    public List<String> sources() {
        List<String> sources = new java.util.ArrayList<>(zones);
        if (modelArchive) {
            sources.add(MODEL_ARCHIVE);
        }
        return List.copyOf(sources);
    }

    /** The stack's own region is refused: replicas in the same region are no copy across regions. */
    public void checkAgainstStackRegion(String key, String stackRegion, Problems problems) {
        if (region.equals(stackRegion)) {
            problems.add(key + ".region", region, "aws:region", stackRegion,
                    "the replicas go to another region than the stack's; choose a different region");
        }
    }
}

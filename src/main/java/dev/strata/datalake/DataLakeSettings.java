package dev.strata.datalake;

import com.pulumi.core.Output;
import dev.strata.config.ConfigNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data lake ({@code strata:dataLake}).
 *
 * @param zones                              the zones, each a bucket of its own
 * @param accessLogs                         whether S3 server access logs go to a log bucket
 * @param accessLogExpirationDays            days the access logs are kept
 * @param abortIncompleteMultipartUploadDays days after which incomplete multipart uploads are aborted
 * @param replication                        cross-Region replication of chosen zones and the model archive, if set
 */
public record DataLakeSettings(List<Zone> zones, boolean accessLogs, int accessLogExpirationDays,
                               int abortIncompleteMultipartUploadDays, Optional<ReplicationSettings> replication) {
    public DataLakeSettings {
        zones = List.copyOf(zones);
    }

    /** The data lake without replication. */
    public DataLakeSettings(List<Zone> zones, boolean accessLogs, int accessLogExpirationDays, int abortIncompleteMultipartUploadDays) {
        this(zones, accessLogs, accessLogExpirationDays, abortIncompleteMultipartUploadDays, Optional.empty());
    }

    /** The component's arguments: these settings, the key, the stack's tags and protection. */
    public DataLakeArgs toArgs(Output<String> kmsKeyArn, Map<String, String> tags, boolean protect) {
        return DataLakeArgs.builder()
                .kmsKeyArn(kmsKeyArn)
                .zones(zones.stream().map(DataLakeZoneArgs::from).toList())
                .accessLogs(accessLogs)
                .accessLogExpirationDays(accessLogExpirationDays)
                .abortIncompleteMultipartUploadDays(abortIncompleteMultipartUploadDays)
                .tags(tags)
                .protect(protect)
                .build();
    }

    /** Parses and validates {@code strata:dataLake}; problems go to the node's collector. */
    public static DataLakeSettings parse(ConfigNode node) {
        Optional<Map<String, ConfigNode>> zoneNodes = node.objectMap("zones");
        boolean accessLogs = node.bool("accessLogs", false);
        // The defaults and rules are DataLakeArgs'; numbers are read whole and checked there, under these keys.
        int accessLogExpirationDays = node.integer("accessLogExpirationDays", DataLakeArgs.DEFAULT_ACCESS_LOG_EXPIRATION_DAYS,
                Integer.MIN_VALUE, Integer.MAX_VALUE);
        int abortDays = node.integer("abortIncompleteMultipartUploadDays", SecureBucketArgs.DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS,
                Integer.MIN_VALUE, Integer.MAX_VALUE);
        Optional<ConfigNode> replicationNode = node.object("replication");
        node.finish();

        List<Zone> zones = zoneNodes.map(DataLakeSettings::zones).orElse(Zones.DEFAULTS);
        Zones.validate(zones, node.key("zones"), node.problems());
        Optional<ReplicationSettings> replication = replicationNode.map(r -> ReplicationSettings.parse(r,
                zones.stream().map(Zone::name).toList()));
        DataLakeSettings settings = new DataLakeSettings(zones, accessLogs, accessLogExpirationDays, abortDays, replication);
        DataLakeArgs.builder().accessLogExpirationDays(accessLogExpirationDays).abortIncompleteMultipartUploadDays(abortDays).build()
                .validate(node::key, node.problems());
        return settings;
    }

    private static List<Zone> zones(Map<String, ConfigNode> nodes) {
        List<Zone> zones = new ArrayList<>();
        nodes.forEach((name, zoneNode) -> {
            Optional<Zone> defaults = Zones.defaultNamed(name);
            boolean versioning = zoneNode.bool("versioning", defaults.map(Zone::versioning).orElse(true));
            List<LifecycleRule> lifecycle = zoneNode.objectList("lifecycle")
                    .map(DataLakeSettings::lifecycleRules)
                    .orElse(defaults.map(Zone::lifecycle).orElse(List.of()));
            zoneNode.finish();
            zones.add(new Zone(name, versioning, lifecycle));
        });
        return zones;
    }

    /** Parses a list of lifecycle rules; S3's rules are checked by the caller through {@link LifecycleRules}. */
    public static List<LifecycleRule> lifecycleRules(List<ConfigNode> nodes) {
        List<LifecycleRule> rules = new ArrayList<>();
        for (ConfigNode rule : nodes) {
            int problemsBefore = rule.problems().count();
            LifecycleRule parsed = new LifecycleRule(
                    rule.requiredString("id", "a unique name for the rule").orElse(""),
                    rule.optionalString("prefix"),
                    Optional.ofNullable(rule.integer("objectSizeGreaterThan", null, 0, Integer.MAX_VALUE)),
                    Optional.ofNullable(rule.integer("objectSizeLessThan", null, 1, Integer.MAX_VALUE)),
                    transitions(rule, "transitions"),
                    Optional.ofNullable(rule.integer("expirationDays", null, 1, 36_500)),
                    transitions(rule, "noncurrentTransitions"),
                    Optional.ofNullable(rule.integer("noncurrentExpirationDays", null, 1, 36_500)));
            rule.finish();
            // A rule whose fields did not parse is reported already; checking what is left of it would only add noise.
            if (rule.problems().count() == problemsBefore) {
                rules.add(parsed);
            }
        }
        return rules;
    }

    private static List<Transition> transitions(ConfigNode rule, String key) {
        List<Transition> transitions = new ArrayList<>();
        for (ConfigNode node : rule.objectList(key).orElse(List.of())) {
            Integer days = node.integer("days", null, 0, 36_500);
            if (days == null && !node.has("days")) {
                node.problems().missing(node.key("days"), "is required; days after which objects move (0 or more)");
            }
            Optional<String> classValue = node.requiredString("storageClass", "one of " + storageClasses());
            StorageClass storageClass = node.enumValue("storageClass", StorageClass.class, null, Enum::name);
            node.finish();
            if (days != null && storageClass != null && classValue.isPresent()) {
                transitions.add(new Transition(days, storageClass));
            }
        }
        return transitions;
    }

    private static String storageClasses() {
        return String.join(", ", Arrays.stream(StorageClass.values()).map(Enum::name).toList());
    }
}

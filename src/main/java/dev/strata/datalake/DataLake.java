package dev.strata.datalake;

import dev.strata.core.ComponentOutputs;
import dev.strata.monitoring.MonitoredResourceArgs;
import java.util.function.Function;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.Problems;
import dev.strata.core.TierName;

import javax.annotation.Nullable;
import java.util.Collections;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The S3 data lake: one {@link SecureBucket} per zone (by default raw, processed, feature and model,
 * with the playbook's lifecycle rules), all encrypted with the given customer-managed key, and
 * optionally an access-log bucket that receives every zone's server access logs.
 */
public final class DataLake extends ComponentResource {
    public static final String TYPE = "strata:datalake:DataLake";
    /** Tier tag of the access-log bucket. */
    public static final String ACCESS_LOG_TIER = TierName.ACCESS_LOGS.value();

    /** Zone name to bucket name. */
    @Export(name = "bucketNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> bucketNames;

    /** Zone name to bucket ARN. */
    @Export(name = "bucketArns", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> bucketArns;

    /** The zones' buckets, by zone name, for grants and composition. */
    private final Map<String, SecureBucket> buckets;

    /** The DataLake {@code name} with default resource options, as {@code new DataLake(name, args, null)}. */
    public DataLake(String name, DataLakeArgs args) {
        this(name, args, null);
    }

    public DataLake(String name, DataLakeArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args), options);
    }

    private record Checked(DataLakeArgs args, List<Zone> zones) {
        static Checked of(DataLakeArgs args) {
            Problems problems = new Problems();
            if (args.kmsKeyArn() == null) {
                problems.missing("kmsKeyArn", "is required: every zone is encrypted with a customer-managed KMS key");
            }
            List<Zone> zones = new ArrayList<>();
            List<DataLakeZoneArgs> zoneArgs = args.zones();
            for (int i = 0; i < zoneArgs.size(); i++) {
                zones.add(zoneArgs.get(i).toZone("zones[" + i + "]", problems));
            }
            Zones.validate(zones, "zones", problems);
            args.validate(key -> key, problems);
            if (args.accessLogs() && zones.stream().anyMatch(zone -> zone.name().equals(ACCESS_LOG_TIER))) {
                problems.add("zones", ACCESS_LOG_TIER, "accessLogs", true, "the zone name " + ACCESS_LOG_TIER + " is taken by the log bucket");
            }
            problems.throwIfAny();
            return new Checked(args, zones);
        }
    }

    private DataLake(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        DataLakeArgs args = checked.args();
        var childOptions = ComponentResourceOptions.builder().parent(this).build();

        Optional<SecureBucket> logBucket = Optional.empty();
        if (args.accessLogs()) {
            logBucket = Optional.of(new SecureBucket(name + "-" + ACCESS_LOG_TIER, SecureBucketArgs.builder()
                    .tier(ACCESS_LOG_TIER)
                    .accessLogDestination(true)
                    .versioning(false)
                    .lifecycleRules(List.of(LifecycleRuleArgs.builder()
                            .id("expire-access-logs").expirationDays(args.accessLogExpirationDays()).build()))
                    .abortIncompleteMultipartUploadDays(args.abortIncompleteMultipartUploadDays())
                    .tags(args.tags())
                    .protect(args.protect())
                    .build(), childOptions));
        }

        Map<String, SecureBucket> buckets = new LinkedHashMap<>();
        for (Zone zone : checked.zones()) {
            var bucketArgs = SecureBucketArgs.builder()
                    .kmsKeyArn(args.kmsKeyArn())
                    .tier(zone.name())
                    .versioning(zone.versioning())
                    .lifecycleRules(zone.lifecycle().stream().map(LifecycleRuleArgs::from).toList())
                    .abortIncompleteMultipartUploadDays(args.abortIncompleteMultipartUploadDays())
                    .tags(args.tags())
                    .protect(args.protect());
            logBucket.ifPresent(log -> bucketArgs.accessLogBucket(log.bucketName));
            buckets.put(zone.name(), new SecureBucket(name + "-" + zone.name(), bucketArgs.build(), childOptions));
        }
        this.buckets = Collections.unmodifiableMap(buckets); // zone order: Map.copyOf would reorder each run

        this.bucketNames = byZone(buckets, bucket -> bucket.bucketName);
        this.bucketArns = byZone(buckets, bucket -> bucket.bucketArn);
        registerOutputs(ComponentOutputs.of(this));
    }

    /** The bucket of a zone. */
    public Optional<SecureBucket> zone(String zoneName) {
        return Optional.ofNullable(buckets.get(zoneName));
    }

    /** The zones' buckets as {@code StorageAlarms} shows them, in tier {@code datalake}, labelled {@code datalake-<zone>}. */
    public List<MonitoredResourceArgs> monitored() {
        return buckets.entrySet().stream().map(zone -> zone.getValue().monitored("datalake", "datalake-" + zone.getKey())).toList();
    }

    /** One output of each named thing (a zone's bucket, a replica), as one map output in the same order. */
    static <T> Output<Map<String, String>> byZone(Map<String, T> buckets, Function<T, Output<String>> value) {
        List<String> zones = List.copyOf(buckets.keySet());
        List<Output<String>> values = zones.stream().map(zone -> value.apply(buckets.get(zone))).toList();
        return Output.all(values).applyValue(list -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < zones.size(); i++) {
                map.put(zones.get(i), list.get(i));
            }
            return map;
        });
    }
}

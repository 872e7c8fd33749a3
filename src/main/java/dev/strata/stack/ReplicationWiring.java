package dev.strata.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.Replication;
import dev.strata.datalake.ReplicationArgs;
import dev.strata.datalake.ReplicationSettings;
import dev.strata.datalake.ReplicationSourceArgs;
import dev.strata.inference.InferenceStorage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The data lake's cross-Region replication ({@code strata:dataLake.replication}) from the stack's buckets. */
final class ReplicationWiring {
    private ReplicationWiring() {
    }

    /**
     * Replicates the chosen zones and, when asked, the model archive, and exports {@code replication}:
     * the destination region and, per source, the source and replica buckets and the rule id (what S3's
     * replication metrics are dimensioned by), and the replica key.
     */
    static Replication define(Context ctx, String stack, ReplicationSettings settings, DataLake dataLake,
                              Optional<InferenceStorage> inference, Map<String, String> tags, boolean protect) {
        // The parser checked that every zone exists and that the archive exists when it is replicated.
        List<ReplicationSourceArgs> sources = settings.sources().stream().map(source -> ReplicationSourceArgs.of(source,
                ReplicationSettings.MODEL_ARCHIVE.equals(source) ? inference.orElseThrow().archive()
                        : dataLake.zone(source).orElseThrow())).toList();
        Replication replication = new Replication(stack + "-replication", ReplicationArgs.builder()
                .destinationRegion(settings.region())
                .sources(sources)
                .replicationTimeControl(settings.replicationTimeControl())
                .metrics(settings.metrics())
                .replicateDeleteMarkers(settings.replicateDeleteMarkers())
                .tags(tags)
                .protect(protect)
                .build(), null);
        ctx.export("replication", Output.tuple(replication.sourceBucketNames, replication.replicaBucketNames,
                replication.ruleIds, replication.replicaKeyArn).applyValue(t -> {
                    Map<String, Object> outputs = new LinkedHashMap<>();
                    outputs.put("destinationRegion", settings.region());
                    outputs.put("sourceBuckets", t.t1);
                    outputs.put("replicaBuckets", t.t2);
                    outputs.put("ruleIds", t.t3);
                    outputs.put("replicaKeyArn", t.t4);
                    return outputs;
                }));
        return replication;
    }
}

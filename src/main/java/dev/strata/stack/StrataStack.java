package dev.strata.stack;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.config.NetworkSettings;
import dev.strata.core.NetworkArgs;
import dev.strata.core.StackNames;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.Replication;
import dev.strata.inference.InferenceStorage;
import dev.strata.monitoring.StorageAlarms;
import dev.strata.security.WorkloadIdentity;
import dev.strata.training.TrainingStorage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Strata program: validated settings in, components out, one statement per component. {@code pulumi up}
 * and the offline {@code strata plan} run this same function; only the engine differs. Ordering follows from
 * data: each component takes the outputs it needs (keys, the cluster, the namespaces' names) from the ones
 * declared before it.
 */
public final class StrataStack {
    private StrataStack() {
    }

    public static void define(Context ctx, StrataSettings settings) {
        // Every AWS and Kubernetes name below is built from the stack's name base: the stack name itself
        // for dev, staging and prod, a fitting form of any other valid stack name (dev.eu, Team_A).
        String stack = StackNames.base(ctx.stackName());
        Map<String, String> tags = baseTags(settings);
        StackKeys keys = StackKeys.create(stack, settings, tags);
        DataLake dataLake = new DataLake(stack, settings.dataLake().toArgs(keys.dataLake().keyArn, tags, settings.protect()), null);
        // The cluster, its CSI drivers and the stack's one Kubernetes provider (present whenever the stack has
        // Kubernetes objects; the parser sees to it).
        Optional<ClusterWiring.Cluster> cluster = settings.cluster().map(c -> ClusterWiring.define(stack, settings, keys, tags));
        StackNamespaces namespaces = StackNamespaces.create(ctx, stack, settings, cluster.map(ClusterWiring.Cluster::kubernetes));
        Map<String, WorkloadIdentity> identities = cluster.map(c -> ClusterWiring.identities(stack, settings.workloads(), c, namespaces, tags))
                .orElse(Map.of());
        Optional<TrainingStorage> training = settings.training().map(t -> new TrainingStorage(stack + "-training",
                t.toArgs(keys.training().orElseThrow().keyArn, networkArgs(settings), efsCsiDriver(cluster), tags, settings.protect(),
                        namespaces.name(t.namespace())), onCluster(cluster)));
        Optional<InferenceStorage> inference = settings.inference().map(i -> new InferenceStorage(stack,
                i.args(keys.inference().orElseThrow().keyArn, networkArgs(settings), tags, settings.protect(), efsCsiDriver(cluster),
                        namespaces.name(i.namespace())), onCluster(cluster)));
        Optional<Replication> replication = settings.dataLake().replication()
                .map(r -> ReplicationWiring.define(ctx, stack, r, dataLake, inference, tags, settings.protect()));
        cluster.ifPresent(c -> ClusterWiring.grant(c, settings.workloads(), identities, dataLake, training, inference));
        cluster.ifPresent(c -> S3Mounts.define(ctx, stack, c, settings, training, inference, namespaces, tags));
        // Alarms on every watched resource of the tiers built (those the components register), their topic and the dashboard.
        new StorageAlarms(stack, settings.monitoring().toArgs(Stream.of(training.map(TrainingStorage::monitored),
                inference.map(InferenceStorage::monitored), Optional.of(dataLake.monitored()), replication.map(Replication::monitored))
                .flatMap(Optional::stream).flatMap(List::stream).toList(), tags, settings.protect()), null);
        StackOutputs.export(ctx, settings, keys, dataLake, cluster, identities, training, inference);
        StackOutputs.exportCostEstimate(ctx, settings);
    }

    /** A storage component's options: the cluster's Kubernetes provider, which its children inherit. */
    private static ComponentResourceOptions onCluster(Optional<ClusterWiring.Cluster> cluster) {
        return ComponentResourceOptions.builder().providers(cluster.map(ClusterWiring.Cluster::kubernetes).orElse(null)).build();
    }

    /**
     * The EFS CSI driver's add-on version, which EFS claims carry so that they bind only once the driver runs
     * (none to wait for when the cluster's driver exists already).
     */
    private static Optional<Output<String>> efsCsiDriver(Optional<ClusterWiring.Cluster> cluster) {
        return cluster.flatMap(c -> c.efs().installedVersion());
    }

    /** The components' network arguments from the validated {@code strata:network} settings (which storage requires). */
    static NetworkArgs networkArgs(StrataSettings settings) {
        NetworkSettings network = settings.network().orElseThrow();
        var args = NetworkArgs.builder()
                .vpcId(network.vpcId())
                .subnetIds(network.privateSubnetIds())
                .allowedCidrs(network.allowedCidrs());
        network.nodeSecurityGroupId().ifPresent(args::clientSecurityGroupId);
        return args.build();
    }

    /** The tags every taggable resource carries: the environment and the stack's cost-allocation tags. */
    static Map<String, String> baseTags(StrataSettings settings) {
        Map<String, String> tags = new TreeMap<>(settings.tags());
        tags.put("environment", settings.environment().configValue());
        return tags;
    }
}

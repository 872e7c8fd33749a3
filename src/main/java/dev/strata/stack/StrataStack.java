package dev.strata.stack;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.config.NetworkSettings;
import dev.strata.cost.CostEstimate;
import dev.strata.cost.CostEstimator;
import dev.strata.cost.PriceBook;
import dev.strata.cost.Tier;
import dev.strata.training.TrainingSettings;
import dev.strata.core.NetworkArgs;
import dev.strata.core.StackNames;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.DataLakeArgs;
import dev.strata.datalake.DataLakeZoneArgs;
import dev.strata.inference.InferenceStorage;
import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;
import dev.strata.security.WorkloadIdentity;
import dev.strata.training.TrainingStorage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Strata program: validated settings in, components out. {@code pulumi up} and the offline
 * {@code strata plan} run this same function; only the engine differs.
 */
public final class StrataStack {
    private StrataStack() {
    }

    public static void define(Context ctx, StrataSettings settings) {
        // Every AWS and Kubernetes name below is built from the stack's name base: the stack name itself
        // for dev, staging and prod, a fitting form of any other valid stack name (dev.eu, Team_A).
        String stack = StackNames.base(ctx.stackName());
        Map<String, String> tags = baseTags(settings);

        EncryptionKey dataLakeKey = new EncryptionKey(stack + "-datalake", EncryptionKeyArgs.builder()
                .purpose("datalake")
                .services(List.of("s3"))
                .tags(tags)
                .protect(settings.protect())
                .build(), null);

        DataLake dataLake = new DataLake(stack, DataLakeArgs.builder()
                .kmsKeyArn(dataLakeKey.keyArn)
                .zones(settings.dataLake().zones().stream().map(DataLakeZoneArgs::from).toList())
                .accessLogs(settings.dataLake().accessLogs())
                .accessLogExpirationDays(settings.dataLake().accessLogExpirationDays())
                .abortIncompleteMultipartUploadDays(settings.dataLake().abortIncompleteMultipartUploadDays())
                .tags(tags)
                .protect(settings.protect())
                .build(), null);

        // The cluster, its CSI drivers and the stack's one Kubernetes provider, built from the cluster
        // (present whenever the stack has Kubernetes objects; the parser sees to it).
        Optional<ClusterWiring.Cluster> cluster = settings.cluster().map(c -> ClusterWiring.define(stack, c, settings.network(),
                settings.training().flatMap(TrainingSettings::perJob).isPresent(), settings.inference(), tags, settings.protect()));
        Provider kubernetes = cluster.map(ClusterWiring.Cluster::kubernetes).orElse(null);
        // EFS claims bind once the EFS CSI driver runs: they wait for the add-on Strata installs (none to wait for on an existing one).
        Optional<Output<String>> efsCsiDriver = cluster.flatMap(c -> c.efs().installedVersion());

        // Each namespace has one owner. Identities that create their namespace come first, and the
        // storage with objects in it waits for them; identities in a namespace another component
        // creates (the training storage, when no identity creates its namespace) come after it.
        Map<String, WorkloadIdentity> identities = new LinkedHashMap<>();
        cluster.ifPresent(c -> settings.workloads().stream().filter(WorkloadSettings::createNamespace).forEach(w ->
                identities.put(w.name(), ClusterWiring.identity(stack, w, c, tags, List.of()))));

        Optional<TrainingStorage> trainingStorage = settings.training().map(training -> {
            // One key for the training tiers (S3, FSx, EFS): its policy trusts the account root, so IAM grants decide who uses it.
            EncryptionKey trainingKey = new EncryptionKey(stack + "-training", EncryptionKeyArgs.builder()
                    .purpose("training")
                    .services(List.of("s3", "fsx", "elasticfilesystem"))
                    .tags(tags)
                    .protect(settings.protect())
                    .build(), null);
            List<Resource> owners = namespaceOwners(settings, identities, training.namespace());
            // The Kubernetes provider goes through the component's providers option, which every child inherits.
            TrainingStorage storage = new TrainingStorage(stack + "-training", training.toArgs(trainingKey.keyArn,
                    networkArgs(settings.network().orElseThrow()), efsCsiDriver, tags, settings.protect(),
                    training.createNamespace() && owners.isEmpty()),
                    ComponentResourceOptions.builder().providers(kubernetes).dependsOn(owners).build());
            ctx.export("trainingBucket", storage.bucketName);
            ctx.export("trainingKeyArn", trainingKey.keyArn);
            ctx.export("trainingTiers", Output.of(storage.tiers()));
            training.hot().ifPresent(hot -> {
                ctx.export("trainingHotFileSystemId", storage.hotFileSystemId);
                ctx.export("trainingHotDnsName", storage.hotDnsName);
                ctx.export("trainingHotMountName", storage.hotMountName);
                ctx.export("trainingHotClaim", storage.hotClaimName);
            });
            training.perJob().ifPresent(perJob -> ctx.export("trainingScratchStorageClass", storage.scratchStorageClassName));
            training.warm().ifPresent(warm -> {
                ctx.export("trainingWarmFileSystemId", storage.warmFileSystemId);
                ctx.export("trainingWarmDnsName", storage.warmDnsName);
                ctx.export("trainingWarmClaim", storage.warmClaimName);
            });
            return storage;
        });

        ctx.export("environment", Output.of(settings.environment().configValue()));
        ctx.export("dataLakeBuckets", dataLake.bucketNames);
        ctx.export("dataLakeKeyArn", dataLakeKey.keyArn);
        ctx.export("dataLakeKeyAlias", dataLakeKey.aliasName);

        Optional<InferenceStorage> inferenceStorage = settings.inference().map(inference -> {
            // The parser requires strata:network whenever strata:inference is set.
            NetworkSettings network = settings.network().orElseThrow();
            EncryptionKey inferenceKey = new EncryptionKey(stack + "-inference", EncryptionKeyArgs.builder()
                    .purpose("inference")
                    .services(List.of("s3", "elasticfilesystem", "elasticache"))
                    .tags(tags)
                    .protect(settings.protect())
                    .build(), null);
            InferenceStorage storage = new InferenceStorage(stack,
                    inference.args(inferenceKey.keyArn, networkArgs(network), tags, settings.protect(), efsCsiDriver),
                    ComponentResourceOptions.builder().providers(kubernetes)
                            .dependsOn(namespaceOwners(settings, identities, inference.namespace())).build());
            ctx.export("inference", storage.levels());
            ctx.export("inferenceKeyArn", inferenceKey.keyArn);
            return storage;
        });

        settings.dataLake().replication().ifPresent(replication ->
                ReplicationWiring.define(ctx, stack, replication, dataLake, inferenceStorage, tags, settings.protect()));

        cluster.ifPresent(c -> {
            settings.workloads().stream().filter(w -> !w.createNamespace()).forEach(w -> identities.put(w.name(),
                    ClusterWiring.identity(stack, w, c, tags, settings.training()
                            .filter(training -> training.namespace().equals(w.namespace()))
                            .flatMap(training -> trainingStorage).<List<Resource>>map(List::of).orElse(List.of()))));
            for (WorkloadSettings workload : settings.workloads()) {
                ClusterWiring.grant(workload, identities.get(workload.name()), dataLake, trainingStorage, inferenceStorage);
            }
            ClusterWiring.grantFileSystems(c, trainingStorage, inferenceStorage);
            ctx.export("cluster", clusterOutputs(c, settings));
            ctx.export("workloads", workloadOutputs(settings.workloads(), identities));
        });
        exportCostEstimate(ctx, settings);
    }

    /**
     * The namespace {@code namespace} as an identity created it: what objects in it wait for. (The
     * Namespace resource, not the identity: the identity's grants depend on the storage's ARNs.)
     */
    private static List<Resource> namespaceOwners(StrataSettings settings, Map<String, WorkloadIdentity> identities, String namespace) {
        return settings.workloads().stream()
                .filter(w -> w.createNamespace() && w.namespace().equals(namespace))
                .flatMap(w -> identities.get(w.name()).createdNamespace().stream())
                .<Resource>map(created -> created)
                .toList();
    }

    /** How to reach the cluster, and its CSI drivers' roles. */
    private static Output<Map<String, Object>> clusterOutputs(ClusterWiring.Cluster cluster, StrataSettings settings) {
        return Output.tuple(cluster.eks().clusterName, cluster.eks().endpoint, cluster.eks().oidcProviderArn,
                        cluster.efs().roleArn, cluster.fsx().roleArn)
                .applyValue(t -> {
                    Map<String, Object> outputs = new LinkedHashMap<>();
                    outputs.put("name", t.t1);
                    outputs.put("created", settings.cluster().orElseThrow().create());
                    outputs.put("endpoint", t.t2);
                    outputs.put("oidcProviderArn", t.t3);
                    outputs.put("efsCsiDriverRoleArn", t.t4);
                    outputs.put("fsxCsiDriverRoleArn", t.t5);
                    return outputs;
                });
    }

    /** Each workload's namespace, service account and role, for the manifests that run as it. */
    private static Output<Map<String, Object>> workloadOutputs(List<WorkloadSettings> workloads, Map<String, WorkloadIdentity> identities) {
        List<Output<String>> roles = workloads.stream().map(w -> identities.get(w.name()).roleArn).toList();
        return Output.all(roles).applyValue(arns -> {
            Map<String, Object> outputs = new LinkedHashMap<>();
            for (int i = 0; i < workloads.size(); i++) {
                WorkloadSettings workload = workloads.get(i);
                Map<String, Object> identity = new LinkedHashMap<>();
                identity.put("namespace", workload.namespace());
                identity.put("serviceAccount", workload.serviceAccount());
                identity.put("roleArn", arns.get(i));
                outputs.put(workload.name(), identity);
            }
            return outputs;
        });
    }

    /**
     * The monthly cost estimate as stack outputs: {@code estimatedMonthlyUsd} and one
     * {@code estimatedMonthlyUsd.<component>.<tier>} per tier, priced in the stack's region. A region
     * the price book lacks fails the outputs with a clear error rather than report zero.
     */
    static void exportCostEstimate(Context ctx, StrataSettings settings) {
        Output<CostEstimate> estimate = AwsFunctions.getRegion().applyValue(region ->
                CostEstimator.estimate(settings, PriceBook.load().region(region.name())));
        ctx.export(CostEstimate.OUTPUT, estimate.applyValue(CostEstimate::monthlyUsd));
        for (Tier tier : CostEstimator.tiers(settings)) {
            ctx.export(tier.outputName(), estimate.applyValue(e -> e.tierUsd(tier)));
        }
    }

    /** The components' network arguments from the validated {@code strata:network} settings. */
    static NetworkArgs networkArgs(NetworkSettings network) {
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

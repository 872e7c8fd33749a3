package dev.strata.stack;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.core.Output;
import dev.strata.cost.CostEstimate;
import dev.strata.cost.CostEstimator;
import dev.strata.cost.PriceBook;
import dev.strata.cost.Tier;
import dev.strata.datalake.DataLake;
import dev.strata.inference.InferenceStorage;
import dev.strata.security.WorkloadIdentity;
import dev.strata.training.TrainingStorage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stack's outputs: what workloads, manifests and dashboards need from the components, and the cost estimate. */
final class StackOutputs {
    private StackOutputs() {
    }

    /** Exports each component's outputs (those of components and tiers the stack builds). */
    static void export(Context ctx, StrataSettings settings, StackKeys keys, DataLake dataLake, Optional<ClusterWiring.Cluster> cluster,
                       Map<String, WorkloadIdentity> identities, Optional<TrainingStorage> training,
                       Optional<InferenceStorage> inference) {
        training.ifPresent(storage -> {
            ctx.export("trainingBucket", storage.bucketName);
            ctx.export("trainingKeyArn", keys.training().orElseThrow().keyArn);
            ctx.export("trainingTiers", Output.of(storage.tiers()));
            settings.training().orElseThrow().hot().ifPresent(hot -> {
                ctx.export("trainingHotFileSystemId", storage.hotFileSystemId);
                ctx.export("trainingHotDnsName", storage.hotDnsName);
                ctx.export("trainingHotMountName", storage.hotMountName);
                ctx.export("trainingHotClaim", storage.hotClaimName);
            });
            settings.training().orElseThrow().perJob().ifPresent(perJob ->
                    ctx.export("trainingScratchStorageClass", storage.scratchStorageClassName));
            settings.training().orElseThrow().warm().ifPresent(warm -> {
                ctx.export("trainingWarmFileSystemId", storage.warmFileSystemId);
                ctx.export("trainingWarmDnsName", storage.warmDnsName);
                ctx.export("trainingWarmClaim", storage.warmClaimName);
            });
        });
        ctx.export("environment", Output.of(settings.environment().configValue()));
        ctx.export("dataLakeBuckets", dataLake.bucketNames);
        ctx.export("dataLakeKeyArn", keys.dataLake().keyArn);
        ctx.export("dataLakeKeyAlias", keys.dataLake().aliasName);
        inference.ifPresent(storage -> {
            ctx.export("inference", storage.levels());
            ctx.export("inferenceKeyArn", keys.inference().orElseThrow().keyArn);
        });
        cluster.ifPresent(c -> {
            ctx.export("cluster", clusterOutputs(c, settings));
            ctx.export("workloads", workloadOutputs(settings.workloads(), identities));
        });
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
}

package dev.strata.cost;

import dev.strata.inference.InferenceSettings;
import dev.strata.cost.UsageSettings.BucketUsage;
import dev.strata.cost.UsageSettings.EfsUsage;
import dev.strata.cost.UsageSettings.InferenceUsage;
import dev.strata.inference.RedisCache;
import dev.strata.core.TierName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inference storage ({@code strata:inference}): the Redis cache (L1) by node-hours of its primary and
 * replicas; the NVMe cache (L2) as the inference node group of a created cluster, by instance-hours of its
 * desired nodes (the instance store is part of the instance price) and their encrypted gp3 root volumes;
 * the EFS model repository (L3) in its throughput mode; the model archive bucket (L4). Usage comes from
 * {@code strata:usage.inference}.
 */
public final class InferenceCost implements ComponentCost {
    public static final String COMPONENT = "inference";
    static final String USAGE = "strata:usage.inference";
    /** The tier of the L2 nodes: the created cluster's inference node group. */
    public static final String NVME_NODES = TierName.NVME_NODES.value();
    static final String NODE_TYPES = "strata:inference.nvme.nodeGroup.instanceTypes";

    @Override
    public List<Tier> tiers(CostInputs settings) {
        List<Tier> tiers = new ArrayList<>();
        settings.inference().ifPresent(inference -> {
            if (inference.redis().isPresent()) {
                tiers.add(new Tier(COMPONENT, TierName.REDIS.value()));
            }
            if (settings.cluster().flatMap(inference::createdNodeGroup).isPresent()) {
                tiers.add(new Tier(COMPONENT, NVME_NODES));
            }
            tiers.add(new Tier(COMPONENT, TierName.MODEL_REPOSITORY.value()));
            tiers.add(new Tier(COMPONENT, TierName.MODEL_ARCHIVE.value()));
        });
        return tiers;
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        if (settings.inference().isEmpty()) {
            return;
        }
        InferenceSettings inference = settings.inference().get();
        Optional<InferenceUsage> usage = settings.cost().usage().inference();
        inference.redis().ifPresent(redis -> {
            out.line(ElastiCachePricing.nodes(prices, COMPONENT, TierName.REDIS.value(), priced(prices, redis), redis.replicas() + 1));
            if (!redis.engine().equals("redis")) {
                out.note("strata:inference.redis.engine is " + redis.engine() + ": its nodes are priced at the Redis OSS rate, which lists higher");
            }
        });
        settings.cluster().ifPresent(cluster -> inference.createdNodeGroup(cluster).ifPresentOrElse(group -> {
            // On-Demand capacity is taken in the order of the instance types, so the first is what runs
            // (https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html#managed-node-group-capacity-types).
            String type = group.instanceTypes().get(0);
            out.line(Ec2Pricing.instances(prices, COMPONENT, NVME_NODES, type, group.desiredSize(), NODE_TYPES + "[0]"));
            out.line(prices.line(COMPONENT, NVME_NODES, "ebs.gp3.storage", (double) group.desiredSize() * group.rootVolumeGiB()));
            if (group.instanceTypes().size() > 1) {
                out.note(NODE_TYPES + " lists " + group.instanceTypes().size() + " types: the L2 nodes are priced as "
                        + type + ", the first, which EKS launches while it has capacity");
            }
            if (group.maxSize() > group.desiredSize()) {
                out.note("the L2 nodes are priced at desiredSize " + group.desiredSize() + "; up to maxSize " + group.maxSize()
                        + " would cost more");
            }
        }, () -> inference.nvme().ifPresent(nvme -> out.note("the NVMe cache (L2) is the adopted cluster's inference nodes' "
                + "instance storage, paid with those nodes by the cluster's owner: not estimated here"))));
        Optional<EfsUsage> models = usage.flatMap(InferenceUsage::models);
        if (models.isEmpty()) {
            out.note(USAGE + ".models is not set: the model repository's storage and traffic are estimated at zero");
        }
        TrainingCost.efsLines(prices, COMPONENT, TierName.MODEL_REPOSITORY.value(), inference.modelFileSystem(), models, USAGE + ".models", out);
        Optional<BucketUsage> archive = usage.flatMap(InferenceUsage::archive);
        if (archive.isPresent()) {
            S3Pricing.bucketLines(prices, COMPONENT, TierName.MODEL_ARCHIVE.value(), archive.get()).forEach(out::line);
        } else {
            out.note(USAGE + ".archive is not set: the model archive bucket is estimated at zero");
        }
    }

    /** The node type, when the price book has it; else invalid config naming the key and the types it prices. */
    private static String priced(RegionPrices prices, RedisCache redis) {
        return prices.chosen(ElastiCachePricing.NODE, redis.nodeType(), "strata:inference.redis.nodeType", "node type")
                .substring(ElastiCachePricing.NODE.length());
    }
}

package dev.strata.cost;

import dev.strata.config.InferenceSettings;
import dev.strata.config.StrataSettings;
import dev.strata.config.UsageSettings.BucketUsage;
import dev.strata.config.UsageSettings.EfsUsage;
import dev.strata.config.UsageSettings.InferenceUsage;
import dev.strata.core.InvalidConfigException;
import dev.strata.inference.RedisCache;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inference storage ({@code strata:inference}): the Redis cache (L1) by node-hours of its primary and
 * replicas; the EFS model repository (L3) in its throughput mode; the model archive bucket (L4). The
 * NVMe cache (L2) is the inference nodes' own instance storage, paid with the instances. Usage comes
 * from {@code strata:usage.inference}.
 */
public final class InferenceCost implements ComponentCost {
    public static final String COMPONENT = "inference";
    static final String USAGE = "strata:usage.inference";

    @Override
    public List<Tier> tiers(StrataSettings settings) {
        List<Tier> tiers = new ArrayList<>();
        settings.inference().ifPresent(inference -> {
            if (inference.redis().isPresent()) {
                tiers.add(new Tier(COMPONENT, "redis"));
            }
            tiers.add(new Tier(COMPONENT, "model-repository"));
            tiers.add(new Tier(COMPONENT, "model-archive"));
        });
        return tiers;
    }

    @Override
    public void estimate(StrataSettings settings, RegionPrices prices, CostEstimate.Builder out) {
        if (settings.inference().isEmpty()) {
            return;
        }
        InferenceSettings inference = settings.inference().get();
        Optional<InferenceUsage> usage = settings.cost().usage().inference();
        inference.redis().ifPresent(redis -> {
            out.line(ElastiCachePricing.nodes(prices, COMPONENT, "redis", priced(prices, redis), redis.replicas() + 1));
            if (!redis.engine().equals("redis")) {
                out.note("strata:inference.redis.engine is " + redis.engine() + ": its nodes are priced at the Redis OSS rate, which lists higher");
            }
        });
        if (!inference.nvmeNodes().isEmpty()) {
            out.note("the NVMe cache (L2) is the inference nodes' instance storage, paid with the instances: not estimated here");
        }
        Optional<EfsUsage> models = usage.flatMap(InferenceUsage::models);
        if (models.isEmpty()) {
            out.note(USAGE + ".models is not set: the model repository's storage and traffic are estimated at zero");
        }
        TrainingCost.efsLines(prices, COMPONENT, "model-repository", inference.modelFileSystem(), models, USAGE + ".models", out);
        Optional<BucketUsage> archive = usage.flatMap(InferenceUsage::archive);
        if (archive.isPresent()) {
            S3Pricing.bucketLines(prices, COMPONENT, "model-archive", archive.get()).forEach(out::line);
        } else {
            out.note(USAGE + ".archive is not set: the model archive bucket is estimated at zero");
        }
    }

    /** The node type, when the price book has it; else invalid config naming the key and the types it prices. */
    private static String priced(RegionPrices prices, RedisCache redis) {
        if (!prices.has("elasticache.node." + redis.nodeType())) {
            List<String> known = prices.all().keySet().stream().filter(item -> item.startsWith("elasticache.node."))
                    .map(item -> item.substring("elasticache.node.".length())).toList();
            throw new InvalidConfigException(List.of("strata:inference.redis.nodeType = \"" + redis.nodeType()
                    + "\": the price book has no " + prices.region() + " price for this node type (it prices "
                    + String.join(", ", known) + "; add it to src/main/resources" + PriceBook.RESOURCE + ")"));
        }
        return redis.nodeType();
    }
}

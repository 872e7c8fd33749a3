package dev.strata;

import com.pulumi.core.Output;
import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.core.Output;
import dev.strata.config.StrataSettings;
import dev.strata.cost.CostEstimate;
import dev.strata.cost.CostEstimator;
import dev.strata.cost.PriceBook;
import dev.strata.cost.Tier;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.DataLakeArgs;
import dev.strata.datalake.DataLakeZoneArgs;
import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Strata program: validated settings in, components out. {@code pulumi up} and the offline
 * {@code strata plan} run this same function; only the engine differs.
 */
public final class StrataStack {
    private StrataStack() {
    }

    public static void define(Context ctx, StrataSettings settings) {
        String stack = ctx.stackName();
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

        ctx.export("environment", Output.of(settings.environment().configValue()));
        ctx.export("dataLakeBuckets", dataLake.bucketNames);
        ctx.export("dataLakeKeyArn", dataLakeKey.keyArn);
        ctx.export("dataLakeKeyAlias", dataLakeKey.aliasName);
        exportCostEstimate(ctx, settings);
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

    /** The tags every taggable resource carries: the environment and the stack's cost-allocation tags. */
    static Map<String, String> baseTags(StrataSettings settings) {
        Map<String, String> tags = new TreeMap<>(settings.tags());
        tags.put("environment", settings.environment().configValue());
        return tags;
    }
}

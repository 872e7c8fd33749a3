package dev.strata;

import com.pulumi.core.Output;
import com.pulumi.Context;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import dev.strata.config.StrataSettings;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.DataLakeArgs;
import dev.strata.datalake.DataLakeZoneArgs;
import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;
import dev.strata.training.TrainingStorage;

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

        // The stack's one Kubernetes provider, made only when a tier has Kubernetes objects to create.
        Provider kubernetes = settings.training().isPresent() ? kubernetesProvider(ctx) : null;
        settings.training().ifPresent(training -> {
            // One key for the training tiers: S3, FSx and EFS use it on the account's behalf only.
            EncryptionKey trainingKey = new EncryptionKey(stack + "-training", EncryptionKeyArgs.builder()
                    .purpose("training")
                    .services(List.of("s3", "fsx", "elasticfilesystem"))
                    .tags(tags)
                    .protect(settings.protect())
                    .build(), null);
            TrainingStorage storage = TrainingTier.define(stack + "-training", training, settings.network().orElseThrow(),
                    trainingKey.keyArn, kubernetes, tags, settings.protect());
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
        });

        ctx.export("environment", Output.of(settings.environment().configValue()));
        ctx.export("dataLakeBuckets", dataLake.bucketNames);
        ctx.export("dataLakeKeyArn", dataLakeKey.keyArn);
        ctx.export("dataLakeKeyAlias", dataLakeKey.aliasName);
    }

    /**
     * The stack's one Kubernetes provider, {@code <stack>-k8s}, on the ambient kubeconfig until the
     * cluster work supplies one built from the cluster itself.
     */
    static Provider kubernetesProvider(Context ctx) {
        return new Provider(ctx.stackName() + "-k8s", ProviderArgs.builder().build());
    }

    /** The tags every taggable resource carries: the environment and the stack's cost-allocation tags. */
    static Map<String, String> baseTags(StrataSettings settings) {
        Map<String, String> tags = new TreeMap<>(settings.tags());
        tags.put("environment", settings.environment().configValue());
        return tags;
    }
}

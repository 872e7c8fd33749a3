package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.datalake.LifecycleRuleArgs;
import dev.strata.datalake.SecureBucket;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.datalake.Zones;
import dev.strata.core.TierName;

/**
 * L4, the model archive: a versioned {@link SecureBucket} encrypted with the CMK, with the model zone's
 * lifecycle and optional Object Lock in governance mode. The warm-up copies from it into L2.
 */
final class ModelArchive extends CacheLevel {
    /** The archive bucket, for grants (read by the inference identity). */
    final SecureBucket bucket;

    ModelArchive(String name, InferenceStorageArgs args, InferenceStorage parent) {
        super(name + "-l4-s3", 4, "S3", true, ComponentResourceOptions.builder().parent(parent).build());
        var bucketArgs = SecureBucketArgs.builder()
                .kmsKeyArn(args.kmsKeyArn())
                .component("inference")
                .tier(TierName.MODEL_ARCHIVE.value())
                .versioning(true)
                .lifecycleRules(Zones.MODEL.lifecycle().stream().map(LifecycleRuleArgs::from).toList())
                .tags(args.tags())
                .protect(args.protect());
        args.objectLockDays().ifPresent(bucketArgs::objectLockDays);
        this.bucket = new SecureBucket(name + "-model-archive", bucketArgs.build(),
                ComponentResourceOptions.builder().parent(this).build());
    }

    Output<String> bucketName() {
        return bucket.bucketName;
    }
}

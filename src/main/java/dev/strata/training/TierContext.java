package dev.strata.training;

import com.pulumi.core.Output;
import dev.strata.core.NetworkArgs;
import dev.strata.core.Problems;
import dev.strata.datalake.SecureBucket;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * What a training tier takes from the {@link TrainingStorage} that composes it: the key, the network,
 * the training bucket, the claims' namespace (data: the claims wait for the Namespace it comes from),
 * the Lustre security group, the EFS CSI driver's version, tags and protection.
 *
 * @param kmsKeyArn         the training key
 * @param network           the file systems' network
 * @param bucket            the training-data bucket the hot tier links
 * @param namespace         the claims' namespace
 * @param lustreGroupId     the Lustre security group (hot and per-job tiers)
 * @param efsCsiDriver      the EFS CSI driver's add-on version, if Strata installs it (warm tier)
 * @param tags              tags, besides {@code component} and {@code tier}
 * @param protect           protect and retain the stateful resources
 */
record TierContext(Output<String> kmsKeyArn, NetworkArgs network, SecureBucket bucket, Output<String> namespace,
                          Output<String> lustreGroupId,
                          Optional<Output<String>> efsCsiDriver, Map<String, String> tags, boolean protect) {

    /** The subnet of the Lustre file systems: the first private subnet. */
    Output<String> lustreSubnetId() {
        return network.subnetIds().applyValue(ids -> ids.get(0));
    }

    /** {@code args} once {@code validate} found no problem in them; else every problem, before anything registers. */
    static <A> A checked(A args, BiConsumer<A, Problems> validate) {
        Problems problems = new Problems();
        validate.accept(args, problems);
        problems.throwIfAny();
        return args;
    }

    /** Labels of a tier's Kubernetes objects. */
    static Map<String, String> labels(String tier) {
        return Map.of("app.kubernetes.io/managed-by", "strata", "strata.dev/tier", tier);
    }

    static String s3Path(String bucket, String prefix) {
        return "s3://" + bucket + "/" + prefix;
    }
}

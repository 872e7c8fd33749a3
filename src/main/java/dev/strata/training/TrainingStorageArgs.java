package dev.strata.training;

import dev.strata.core.KubernetesValues;
import dev.strata.core.NetworkRules;
import dev.strata.core.Problems;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.LifecycleRules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Arguments of {@link TrainingStorage}. A tier left unset is not built; the training-data bucket
 * (cold and archive tiers) always is. Kubernetes objects go through the Kubernetes provider given
 * in the component's options ({@code ComponentResourceOptions.providers(...)}). {@code kmsKeyArn} must
 * admit the services s3, fsx and elasticfilesystem; {@code network} holds the file systems (EFS in each
 * private subnet, FSx in the first) and admits their NFS and Lustre clients.
 */
public final class TrainingStorageArgs extends TrainingStorageArgsBase {
    /** The claims' namespace when none is given. */
    public static final String DEFAULT_NAMESPACE = "ml-training";

    /**
     * Records what is wrong with these arguments, each tier's problems under its field ({@code hot.storageGiB},
     * {@code warm.efs.throughputMode}), and the rules across tiers: two claims or two StorageClasses of
     * one name, a lifecycle rule that archives a prefix a file system links ({@link LustreRules#archivedLinks}).
     */
    public void validate(Problems problems) {
        if (kmsKeyArn() == null) {
            problems.missing("kmsKeyArn", "is required: the bucket and file systems are encrypted with a customer-managed KMS key");
        }
        NetworkRules.network("network", network(), problems);
        validateChoices(key -> key, problems);
    }

    /**
     * Everything {@link #validate} checks but the references to other resources (the key, the network):
     * what a stack's settings hold. {@code key} turns a key relative to these Args ({@code hot.storageGiB},
     * {@code perJob.deploymentType}, {@code warm.efs.throughputMode}, {@code lifecycleRules[0]}) into the key
     * a problem is reported under, such as {@code strata:training.hot.storageGiB}.
     */
    public void validateChoices(UnaryOperator<String> key, Problems problems) {
        KubernetesValues.checkNamespace(namespace(), key.apply("namespace"), problems);
        hot().ifPresent(hot -> hot.validate(field -> key.apply("hot." + field), problems));
        perJob().ifPresent(perJob -> perJob.validate(field -> key.apply("perJob." + field), problems));
        warm().ifPresent(warm -> warm.validate(field -> key.apply("warm." + field), field -> key.apply("warm.efs." + field), problems));
        // The hot and warm claims live in one namespace, the per-job and warm StorageClasses in one cluster.
        warm().ifPresent(w -> {
            hot().filter(h -> h.claimName().equals(w.claimName())).ifPresent(h ->
                    problems.add(key.apply("warm.claimName"), w.claimName(), key.apply("hot.claimName"), h.claimName(),
                            "the two claims live in one namespace and need different names"));
            perJob().filter(p -> p.storageClassName().equals(w.storageClassName())).ifPresent(p ->
                    problems.add(key.apply("warm.storageClassName"), w.storageClassName(), key.apply("perJob.storageClassName"),
                            p.storageClassName(), "the two StorageClasses need different names"));
        });
        List<LustreRules.LinkedPrefix> links = new ArrayList<>();
        hot().ifPresent(h -> links.addAll(LustreRules.linkedPrefixes(field -> key.apply("hot." + field), h.importPath().orElse(null),
                h.exportPath().orElse(null), h.associations())));
        perJob().ifPresent(p -> links.addAll(LustreRules.linkedPrefixes(field -> key.apply("perJob." + field),
                p.importPath().orElse(null), p.exportPath().orElse(null), List.of())));
        LustreRules.archivedLinks(links, lifecycle(key, problems), key.apply("lifecycleRules"), problems);
        SecureBucketArgs.checkAbortIncompleteMultipartUploadDays(key.apply("abortIncompleteMultipartUploadDays"),
                abortIncompleteMultipartUploadDays(), problems);
    }

    /** The bucket's lifecycle rules, checked ({@link LifecycleRules#validate}). */
    List<LifecycleRule> lifecycle(UnaryOperator<String> key, Problems problems) {
        List<LifecycleRule> lifecycle = new ArrayList<>();
        for (int i = 0; i < lifecycleRules().size(); i++) {
            lifecycle.add(lifecycleRules().get(i).toRule(key.apply("lifecycleRules[" + i + "]"), problems));
        }
        LifecycleRules.validate(lifecycle, key.apply("lifecycleRules"), problems);
        return lifecycle;
    }
}

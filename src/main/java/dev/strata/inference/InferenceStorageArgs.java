package dev.strata.inference;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;
import dev.strata.datalake.ObjectLock;
import dev.strata.efs.EfsRules;

import java.util.function.UnaryOperator;

/**
 * Arguments of {@link InferenceStorage}. Every default is the safe one, and lives here: the stack's
 * settings read them from these constants and check their values with {@link #validate}. {@code kmsKeyArn}
 * encrypts the archive, the EFS file system and the Redis cache; {@code network} holds Redis and the model
 * file system and admits their clients.
 */
public final class InferenceStorageArgs extends InferenceStorageArgsBase {
    public static final String DEFAULT_NAMESPACE = "ml-inference";

    public static final String DEFAULT_SERVICE_ACCOUNT = "model-server";

    public static final String DEFAULT_MODEL_CLAIM_SIZE = "100Gi";

    public static final String DEFAULT_MODEL_BASE_PATH = "/models";

    /**
     * Checks the values these Args hold (not the references: key, network, driver), each problem under its
     * key as {@code key} maps it: the component reports {@code modelClaimSize}, the stack's settings
     * {@code strata:inference.models.claimSize}. Called before anything is registered.
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        KubernetesValues.checkNamespace(namespace(), key.apply("namespace"), problems);
        KubernetesValues.checkObjectName(serviceAccountName(), key.apply("serviceAccountName"), problems);
        nvmeNodes().ifPresent(nodes -> nodes.validate(field -> key.apply("nvmeNodes." + field), problems));
        checkProvisionerImage(localVolumeProvisionerImage(), key.apply("localVolumeProvisionerImage"), problems);
        KubernetesValues.checkStorageSize(modelClaimSize(), key.apply("modelClaimSize"), problems);
        // The EFS CSI driver's basePath: the one EFS path rule for a basePath.
        EfsRules.checkBasePath(key.apply("modelBasePath"), modelBasePath(), problems);
        modelFileSystem().validate(field -> key.apply("modelFileSystem." + field), problems);
        objectLockDays().ifPresent(days -> ObjectLock.validateDays(days, key.apply("objectLockDays"), problems));
        redis().ifPresent(cache -> cache.validate(key.apply("redis"), problems));
        warmup().ifPresent(w -> w.validate(key.apply("warmup"), problems));
        if (warmup().isPresent() && nvmeNodes().isEmpty()) {
            problems.add(key.apply("warmup"), "(set)", key.apply("nvmeNodes"), null,
                    "the warm-up fills the L2 cache of the NVMe nodes; set nvmeNodes");
        }
    }

    /** The local static provisioner's image: pinned by a tag other than latest, or by a digest. */
    static void checkProvisionerImage(String image, String key, Problems problems) {
        if (image.isBlank() || image.chars().anyMatch(Character::isWhitespace) || !CacheWarmup.pinned(image)) {
            problems.add(key, image, "must be an image reference pinned by a tag other than latest, "
                    + "or by a digest (@sha256:...), e.g. " + LocalVolumeProvisioner.DEFAULT_IMAGE);
        }
    }
}

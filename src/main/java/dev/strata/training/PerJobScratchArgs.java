package dev.strata.training;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.function.UnaryOperator;

/**
 * The StorageClass through which a training job's claim creates its own FSx for Lustre file
 * system (the FSx CSI driver's dynamic provisioning), deleted with the claim.
 */
public final class PerJobScratchArgs extends PerJobScratchArgsBase {
    /** The StorageClass's name when none is given. */
    public static final String DEFAULT_STORAGE_CLASS_NAME = "fsx-lustre-training";

    /** The per-job file systems' deployment type when none is given: scratch, deleted with the claim. */
    public static final DeploymentType DEFAULT_DEPLOYMENT_TYPE = DeploymentType.SCRATCH_2;

    /** The deployment type; call after {@link #validate} found no problem with it. */
    public DeploymentType type() {
        return DeploymentType.valueOf(deploymentType());
    }

    /**
     * Records what is wrong with these arguments; {@code key} turns a field name into the key it is
     * reported under ({@code perJob.deploymentType}, {@code strata:training.hot.perJob.deploymentType}).
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        DeploymentType type = Choices.deploymentType(key.apply("deploymentType"), deploymentType(), problems);
        AutoImportPolicy autoImport = autoImportPolicy == null ? null
                : Choices.autoImport(key.apply("autoImportPolicy"), autoImportPolicy, problems);
        LustreRules.validate(key, type, null, perUnitStorageThroughput, importPath, exportPath, autoImport, java.util.List.of(), null,
                fileSystemTypeVersion(), problems);
        checkNoDataRepository(key, importPath, exportPath, autoImportPolicy, problems);
        KubernetesValues.checkObjectName(storageClassName(), key.apply("storageClassName"), problems);
    }

    /**
     * A per-job file system cannot be linked to the training bucket. FSx reads and writes an SSE-KMS
     * bucket as the file system's own S3 access role, {@code AWSServiceRoleForFSxS3Access_<file system
     * id>}, which the bucket's key must let in by name
     * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/s3-server-side-encryption-support.html); the
     * FSx CSI driver creates a per-job file system, and with it that role, only when a claim asks for
     * one, and Strata's keys never let in the principal {@code *} (the only other statement FSx
     * documents). The hot tier links the bucket instead ({@code KeyGrants.fsxS3Access}).
     */
    public static void checkNoDataRepository(UnaryOperator<String> key, @Nullable String importPath, @Nullable String exportPath,
                                             @Nullable Object autoImportPolicy, Problems problems) {
        String why = "a per-job file system cannot be linked to the training bucket: FSx would read its SSE-KMS objects as the "
                + "file system's own S3 access role, which exists only once a claim creates the file system, and the training "
                + "key names no principal *; link the hot tier (importPath or dataRepositoryAssociations) and copy into per-job "
                + "file systems from there";
        if (importPath != null) {
            problems.add(key.apply("importPath"), importPath, why);
        }
        if (exportPath != null) {
            problems.add(key.apply("exportPath"), exportPath, why);
        }
        if (autoImportPolicy != null) {
            problems.add(key.apply("autoImportPolicy"), String.valueOf(autoImportPolicy), why);
        }
    }
}

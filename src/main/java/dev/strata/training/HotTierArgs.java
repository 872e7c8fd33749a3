package dev.strata.training;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The hot tier's managed FSx for Lustre file system, its static PersistentVolume and its claim.
 * {@link LustreRules} checks the combination.
 */
public final class HotTierArgs extends HotTierArgsBase {
    /** The claim's name when none is given. */
    public static final String DEFAULT_CLAIM_NAME = "training-hot";

    /** The deployment type; call after {@link #validate} found no problem with it. */
    public DeploymentType type() {
        return DeploymentType.valueOf(deploymentType);
    }

    /** The auto-import policy, typed; call after {@link #validate}. */
    public Optional<AutoImportPolicy> autoImport() {
        return autoImportPolicy().map(AutoImportPolicy::valueOf);
    }

    /** The data repository associations as {@link LustreRules} checks them. */
    List<LustreRules.Association> associations() {
        return dataRepositoryAssociations().stream().map(LustreAssociationArgs::toAssociation).toList();
    }

    /** Whether the file system is linked to the bucket (import/export paths or associations): FSx backs it up never. */
    public boolean linked() {
        return importPath().isPresent() || exportPath().isPresent() || !dataRepositoryAssociations().isEmpty();
    }

    /**
     * Records what is wrong with these arguments; {@code key} turns a field name ({@code storageGiB})
     * into the key it is reported under ({@code hot.storageGiB}, {@code strata:training.hot.storageGiB}).
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        DeploymentType type = Choices.deploymentType(key.apply("deploymentType"), deploymentType, problems);
        AutoImportPolicy autoImport = autoImportPolicy == null ? null
                : Choices.autoImport(key.apply("autoImportPolicy"), autoImportPolicy, problems);
        if (storageGiB == null) {
            problems.missing(key.apply("storageGiB"), "is required; 1200, 2400, or the deployment type's steps");
        }
        LustreRules.validate(key, type, storageGiB, perUnitStorageThroughput, importPath, exportPath, autoImport, associations(),
                automaticBackupRetentionDays(), fileSystemTypeVersion(), problems);
        KubernetesValues.checkObjectName(claimName(), key.apply("claimName"), problems);
    }
}

package dev.strata.training;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.KubernetesValues;
import dev.strata.core.OneOf;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The hot tier's managed FSx for Lustre file system, its static PersistentVolume and its claim.
 * {@link LustreRules} checks the combination.
 */
public final class HotTierArgs extends ResourceArgs {
    /** SCRATCH_1, SCRATCH_2, PERSISTENT_1 or PERSISTENT_2. Required. */
    @OneOf(DeploymentType.class)
    @Import(name = "deploymentType", required = true)
    private String deploymentType;

    /** Storage capacity in GiB, on the type's steps. Required. */
    @Import(name = "storageGiB", required = true)
    private Integer storageGiB;

    /** MB/s per TiB; persistent types only (PERSISTENT_1 50/100/200, PERSISTENT_2 125/250/500/1000). */
    @Import(name = "perUnitStorageThroughput")
    @Nullable
    private Integer perUnitStorageThroughput;

    /** Key prefix of the training bucket the file system imports (not on PERSISTENT_2). Default: no import. */
    @Import(name = "importPath")
    @Nullable
    private String importPath;

    /** Key prefix of the training bucket the file system exports to (needs importPath; not on PERSISTENT_2). */
    @Import(name = "exportPath")
    @Nullable
    private String exportPath;

    /** NONE, NEW, NEW_CHANGED or NEW_CHANGED_DELETED (needs importPath; not on PERSISTENT_2). */
    @OneOf(AutoImportPolicy.class)
    @Import(name = "autoImportPolicy")
    @Nullable
    private String autoImportPolicy;

    /** PERSISTENT_2 only: at most 8 directories linked to bucket prefixes. Default: none. */
    @Import(name = "dataRepositoryAssociations")
    @Nullable
    private List<LustreAssociationArgs> dataRepositoryAssociations;

    /**
     * Days automatic daily backups are kept, 0 to 90; persistent types not linked to S3 only (FSx backs up
     * no file system with an import/export path or a data repository association: the bucket is the
     * durable copy). Default: 0 (none).
     */
    @Import(name = "automaticBackupRetentionDays")
    @Nullable
    private Integer automaticBackupRetentionDays;

    /** The claim's name when none is given. */
    public static final String DEFAULT_CLAIM_NAME = "training-hot";

    /** Name of the claim pods mount. Default: {@code training-hot}. */
    @Import(name = "claimName")
    @Nullable
    private String claimName;

    /**
     * Lustre version of the file system: {@code 2.12} or {@code 2.15}, the versions the nodes' Lustre
     * client mounts ({@link LustreVersion}). Default: {@code 2.15} (FSx's own default, 2.10, is one
     * Amazon Linux 2023 nodes cannot mount).
     */
    @OneOf(value = LustreVersion.class, spelled = "apiValue", accepted = "nodesMount")
    @Import(name = "fileSystemTypeVersion")
    @Nullable
    private String fileSystemTypeVersion;

    public String deploymentType() {
        return deploymentType;
    }

    public Integer storageGiB() {
        return storageGiB;
    }

    public Optional<Integer> perUnitStorageThroughput() {
        return Optional.ofNullable(perUnitStorageThroughput);
    }

    public Optional<String> importPath() {
        return Optional.ofNullable(importPath);
    }

    public Optional<String> exportPath() {
        return Optional.ofNullable(exportPath);
    }

    public Optional<String> autoImportPolicy() {
        return Optional.ofNullable(autoImportPolicy);
    }

    public List<LustreAssociationArgs> dataRepositoryAssociations() {
        return Optional.ofNullable(dataRepositoryAssociations).orElse(List.of());
    }

    public int automaticBackupRetentionDays() {
        return Optional.ofNullable(automaticBackupRetentionDays).orElse(0);
    }

    public String claimName() {
        return Optional.ofNullable(claimName).orElse(DEFAULT_CLAIM_NAME);
    }

    public String fileSystemTypeVersion() {
        return Optional.ofNullable(fileSystemTypeVersion).orElse(LustreVersion.DEFAULT.apiValue());
    }

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final HotTierArgs args = new HotTierArgs();

        public Builder deploymentType(String type) {
            args.deploymentType = type;
            return this;
        }

        public Builder storageGiB(Integer gib) {
            args.storageGiB = gib;
            return this;
        }

        public Builder perUnitStorageThroughput(Integer mbpsPerTiB) {
            args.perUnitStorageThroughput = mbpsPerTiB;
            return this;
        }

        public Builder importPath(String prefix) {
            args.importPath = prefix;
            return this;
        }

        public Builder exportPath(String prefix) {
            args.exportPath = prefix;
            return this;
        }

        public Builder autoImportPolicy(String policy) {
            args.autoImportPolicy = policy;
            return this;
        }

        public Builder dataRepositoryAssociations(List<LustreAssociationArgs> associations) {
            args.dataRepositoryAssociations = List.copyOf(associations);
            return this;
        }

        public Builder automaticBackupRetentionDays(int days) {
            args.automaticBackupRetentionDays = days;
            return this;
        }

        public Builder claimName(String name) {
            args.claimName = name;
            return this;
        }

        public Builder fileSystemTypeVersion(String version) {
            args.fileSystemTypeVersion = version;
            return this;
        }

        public HotTierArgs build() {
            return args;
        }
    }
}

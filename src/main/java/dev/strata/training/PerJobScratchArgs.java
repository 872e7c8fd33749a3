package dev.strata.training;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import dev.strata.core.KubernetesValues;
import dev.strata.core.Problems;
import dev.strata.core.OneOf;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The StorageClass through which a training job's claim creates its own FSx for Lustre file
 * system (the FSx CSI driver's dynamic provisioning), deleted with the claim.
 */
public final class PerJobScratchArgs extends ResourceArgs {
    /** The StorageClass's name when none is given. */
    public static final String DEFAULT_STORAGE_CLASS_NAME = "fsx-lustre-training";
    /** The per-job file systems' deployment type when none is given: scratch, deleted with the claim. */
    public static final DeploymentType DEFAULT_DEPLOYMENT_TYPE = DeploymentType.SCRATCH_2;

    /** The StorageClass name. Default: {@code fsx-lustre-training}. */
    @Import(name = "storageClassName")
    @Nullable
    private String storageClassName;

    /** Deployment type of the per-job file systems. Default: SCRATCH_2. */
    @OneOf(DeploymentType.class)
    @Import(name = "deploymentType")
    @Nullable
    private String deploymentType;

    /** MB/s per TiB; persistent types only. */
    @Import(name = "perUnitStorageThroughput")
    @Nullable
    private Integer perUnitStorageThroughput;

    /** Not allowed (see {@link #checkNoDataRepository}); kept so that a stack that sets it is told why. */
    @Import(name = "importPath")
    @Nullable
    private String importPath;

    /** Not allowed (see {@link #checkNoDataRepository}). */
    @Import(name = "exportPath")
    @Nullable
    private String exportPath;

    /** Not allowed (see {@link #checkNoDataRepository}). */
    @OneOf(AutoImportPolicy.class)
    @Import(name = "autoImportPolicy")
    @Nullable
    private String autoImportPolicy;

    /**
     * Lustre version of the file systems each claim creates: {@code 2.12} or {@code 2.15}, the versions
     * the nodes' Lustre client mounts ({@link LustreVersion}). Default: {@code 2.15} (FSx's own default, 2.10, is one
     * Amazon Linux 2023 nodes cannot mount).
     */
    @OneOf(value = LustreVersion.class, spelled = "apiValue", accepted = "nodesMount")
    @Import(name = "fileSystemTypeVersion")
    @Nullable
    private String fileSystemTypeVersion;

    public String storageClassName() {
        return Optional.ofNullable(storageClassName).orElse(DEFAULT_STORAGE_CLASS_NAME);
    }

    public String deploymentType() {
        return Optional.ofNullable(deploymentType).orElse(DEFAULT_DEPLOYMENT_TYPE.name());
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

    public String fileSystemTypeVersion() {
        return Optional.ofNullable(fileSystemTypeVersion).orElse(LustreVersion.DEFAULT.apiValue());
    }

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final PerJobScratchArgs args = new PerJobScratchArgs();

        public Builder storageClassName(String name) {
            args.storageClassName = name;
            return this;
        }

        public Builder deploymentType(String type) {
            args.deploymentType = type;
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

        public Builder fileSystemTypeVersion(String version) {
            args.fileSystemTypeVersion = version;
            return this;
        }

        public PerJobScratchArgs build() {
            return args;
        }
    }
}

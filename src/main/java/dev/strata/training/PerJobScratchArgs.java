package dev.strata.training;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * The StorageClass through which a training job's claim creates its own FSx for Lustre file
 * system (the FSx CSI driver's dynamic provisioning), deleted with the claim.
 */
public final class PerJobScratchArgs extends ResourceArgs {
    /** The StorageClass name. Default: {@code fsx-lustre-training}. */
    @Import(name = "storageClassName")
    @Nullable
    private String storageClassName;

    /** Deployment type of the per-job file systems. Default: SCRATCH_2. */
    @Import(name = "deploymentType")
    @Nullable
    private String deploymentType;

    /** MB/s per TiB; persistent types only. */
    @Import(name = "perUnitStorageThroughput")
    @Nullable
    private Integer perUnitStorageThroughput;

    /** Key prefix of the training bucket each file system imports. Default: none. */
    @Import(name = "importPath")
    @Nullable
    private String importPath;

    /** Key prefix of the training bucket each file system exports to. Default: none. */
    @Import(name = "exportPath")
    @Nullable
    private String exportPath;

    /** NONE, NEW, NEW_CHANGED or NEW_CHANGED_DELETED. Default: unset. */
    @Import(name = "autoImportPolicy")
    @Nullable
    private String autoImportPolicy;

    /**
     * Lustre version of the file systems each claim creates: {@code 2.12} or {@code 2.15}, the versions
     * the nodes' Lustre client mounts ({@link LustreVersion}). Default: {@code 2.15} (FSx's own default, 2.10, is one
     * Amazon Linux 2023 nodes cannot mount).
     */
    @Import(name = "fileSystemTypeVersion")
    @Nullable
    private String fileSystemTypeVersion;

    public String storageClassName() {
        return Optional.ofNullable(storageClassName).orElse("fsx-lustre-training");
    }

    public String deploymentType() {
        return Optional.ofNullable(deploymentType).orElse(DeploymentType.SCRATCH_2.name());
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

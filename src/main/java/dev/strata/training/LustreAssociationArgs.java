package dev.strata.training;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * A data repository association of a PERSISTENT_2 hot tier: a directory of the file system linked to
 * a key prefix of the training bucket, importing and exporting new, changed and deleted objects.
 */
public final class LustreAssociationArgs extends ResourceArgs {
    /** The directory of the file system, e.g. {@code /datasets}. Required. */
    @Import(name = "fileSystemPath", required = true)
    private String fileSystemPath;

    /** The key prefix of the training bucket, e.g. {@code datasets/}. Required. */
    @Import(name = "dataRepositoryPath", required = true)
    private String dataRepositoryPath;

    public static LustreAssociationArgs of(String fileSystemPath, String dataRepositoryPath) {
        LustreAssociationArgs args = new LustreAssociationArgs();
        args.fileSystemPath = fileSystemPath;
        args.dataRepositoryPath = dataRepositoryPath;
        return args;
    }

    public String fileSystemPath() {
        return fileSystemPath;
    }

    public String dataRepositoryPath() {
        return dataRepositoryPath;
    }

    LustreRules.Association toAssociation() {
        return new LustreRules.Association(fileSystemPath, dataRepositoryPath);
    }
}

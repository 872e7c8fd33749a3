package dev.strata.training;

/**
 * A data repository association of a PERSISTENT_2 hot tier: a directory of the file system linked to
 * a key prefix of the training bucket, importing and exporting new, changed and deleted objects.
 */
public final class LustreAssociationArgs extends LustreAssociationArgsBase {
    public static LustreAssociationArgs of(String fileSystemPath, String dataRepositoryPath) {
        LustreAssociationArgs args = new LustreAssociationArgs();
        args.fileSystemPath = fileSystemPath;
        args.dataRepositoryPath = dataRepositoryPath;
        return args;
    }

    LustreRules.Association toAssociation() {
        return new LustreRules.Association(fileSystemPath, dataRepositoryPath);
    }
}

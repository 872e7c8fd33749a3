package dev.strata.efs;

import dev.strata.core.Problems;

/**
 * An EFS access point of an {@link EfsFileSystem}: clients that mount through it see {@code path}
 * as the root and act as the given POSIX user, whatever user they run as. EFS creates the
 * directory on first use with the given owner and permissions.
 */
public final class EfsAccessPointArgs extends EfsAccessPointArgsBase {
    /** Records what is wrong with these arguments under {@code key}. */
    void validate(String key, Problems problems) {
        if (name == null || !EfsRules.ACCESS_POINT_NAME.matcher(name).matches()) {
            problems.add(key + ".name", name, "must be 1 to 32 lower-case letters, digits or hyphens");
        }
        validatePath(key + ".path", path, problems);
        if (uid() < 0) {
            problems.add(key + ".uid", uid, "must be 0 or more");
        }
        if (gid() < 0) {
            problems.add(key + ".gid", gid, "must be 0 or more");
        }
        if (!EfsRules.PERMISSIONS.matcher(permissions()).matches()) {
            problems.add(key + ".permissions", permissions, "must be octal permissions such as 0755");
        }
    }

    /** Checks an access point's directory: the one EFS path rule ({@link EfsRules#checkDirectory}). */
    public static void validatePath(String key, String path, Problems problems) {
        EfsRules.checkDirectory(key, path, problems);
    }
}

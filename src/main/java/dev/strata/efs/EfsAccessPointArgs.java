package dev.strata.efs;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.Optional;

/**
 * An EFS access point of an {@link EfsFileSystem}: clients that mount through it see {@code path}
 * as the root and act as the given POSIX user, whatever user they run as. EFS creates the
 * directory on first use with the given owner and permissions.
 */
public final class EfsAccessPointArgs extends ResourceArgs {
    /** The access point's name: it names the child resource and its entry in {@code accessPointIds}. Required. */
    @Import(name = "name", required = true)
    private String name;

    /** The directory clients see as the root, e.g. {@code /datasets}. Required. */
    @Import(name = "path", required = true)
    private String path;

    /** POSIX user id clients act as and owner of the directory. Default: 1000. */
    @Import(name = "uid")
    @Nullable
    private Integer uid;

    /** POSIX group id clients act as and group of the directory. Default: 1000. */
    @Import(name = "gid")
    @Nullable
    private Integer gid;

    /** Octal permissions of the directory when EFS creates it. Default: {@code 0755}. */
    @Import(name = "permissions")
    @Nullable
    private String permissions;

    public String name() {
        return name;
    }

    public String path() {
        return path;
    }

    public int uid() {
        return Optional.ofNullable(uid).orElse(1000);
    }

    public int gid() {
        return Optional.ofNullable(gid).orElse(1000);
    }

    public String permissions() {
        return Optional.ofNullable(permissions).orElse("0755");
    }

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<EfsAccessPointArgs, Builder> {
        private Builder() {
            super(new EfsAccessPointArgs());
        }

        public Builder name(String name) {
            args.name = name;
            return this;
        }

        public Builder path(String path) {
            args.path = path;
            return this;
        }

        public Builder uid(int uid) {
            args.uid = uid;
            return this;
        }

        public Builder gid(int gid) {
            args.gid = gid;
            return this;
        }

        public Builder permissions(String permissions) {
            args.permissions = permissions;
            return this;
        }
    }
}

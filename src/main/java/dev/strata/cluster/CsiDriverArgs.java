package dev.strata.cluster;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.OneOf;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/** Arguments of {@link CsiDriver}. */
public final class CsiDriverArgs extends ResourceArgs {
    /** Which driver: {@code efs} (Amazon EFS CSI driver) or {@code fsx} (Amazon FSx for Lustre CSI driver). Required. */
    @OneOf(value = CsiDriver.Driver.class, spelled = "configValue", schemaName = "CsiDriverKind")
    @Import(name = "driver", required = true)
    private String driver;

    /**
     * {@code create}: Strata installs the add-on with an IRSA role of its own. {@code existing}: the
     * (adopted) cluster already runs the driver, installed by its owner; Strata installs nothing and adds
     * its file-system grants to {@code roleName}, the role the driver runs as. Default: {@code create}.
     */
    @OneOf(value = EksAddons.Use.class, spelled = "configValue", schemaName = "AddonUse")
    @Import(name = "use")
    @Nullable
    private String use;

    /** With {@code use: existing}: the name of the IAM role the existing driver runs as. Required then, refused otherwise. */
    @Import(name = "roleName")
    @Nullable
    private String roleName;

    /** The EKS add-on version, pinned (e.g. {@code v2.1.4-eksbuild.1}). Default: the driver's {@link CsiDriver.Driver#defaultVersion()}. */
    @Import(name = "addonVersion")
    @Nullable
    private String addonVersion;

    /** The cluster's name. Required to create the add-on. */
    @Import(name = "clusterName")
    private Output<String> clusterName;

    /** ARN of the cluster's IAM OIDC provider. Required to create the add-on. */
    @Import(name = "oidcProviderArn")
    private Output<String> oidcProviderArn;

    /** The cluster's OIDC issuer URL. Required to create the add-on. */
    @Import(name = "oidcIssuer")
    private Output<String> oidcIssuer;

    /**
     * FSx only: let the controller create and delete file systems for claims (a StorageClass with
     * dynamic provisioning). Default: false (static volumes need no AWS permissions but describe).
     */
    @Import(name = "dynamicProvisioning")
    @Nullable
    private Boolean dynamicProvisioning;

    /** Tags for the role and the add-on. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    public String driver() {
        return driver;
    }

    /** The raw choice, checked by the component; {@code create} when unset. */
    public String use() {
        return Optional.ofNullable(use).orElse(EksAddons.Use.CREATE.configValue());
    }

    public Optional<String> roleName() {
        return Optional.ofNullable(roleName);
    }

    public Optional<String> addonVersion() {
        return Optional.ofNullable(addonVersion);
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    public Output<String> oidcIssuer() {
        return oidcIssuer;
    }

    public boolean dynamicProvisioning() {
        return Boolean.TRUE.equals(dynamicProvisioning);
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final CsiDriverArgs args = new CsiDriverArgs();

        public Builder driver(String driver) {
            args.driver = driver;
            return this;
        }

        public Builder use(String use) {
            args.use = use;
            return this;
        }

        public Builder roleName(@Nullable String roleName) {
            args.roleName = roleName;
            return this;
        }

        public Builder addonVersion(@Nullable String version) {
            args.addonVersion = version;
            return this;
        }

        public Builder clusterName(Output<String> name) {
            args.clusterName = name;
            return this;
        }

        public Builder oidcProviderArn(Output<String> arn) {
            args.oidcProviderArn = arn;
            return this;
        }

        public Builder oidcIssuer(Output<String> issuer) {
            args.oidcIssuer = issuer;
            return this;
        }

        public Builder dynamicProvisioning(boolean dynamic) {
            args.dynamicProvisioning = dynamic;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public CsiDriverArgs build() {
            return args;
        }
    }
}

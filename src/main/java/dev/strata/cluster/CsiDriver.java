package dev.strata.cluster;

import dev.strata.core.ComponentOutputs;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.inputs.GetRoleArgs;
import com.pulumi.aws.iam.outputs.GetRoleResult;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.core.Children;
import dev.strata.core.OptionalOutput;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.security.Grant;
import dev.strata.security.Grantee;
import dev.strata.security.Grants;
import dev.strata.security.PolicyDocument;
import dev.strata.security.TrustPolicy;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CSI driver installed as an EKS add-on with an IRSA role of its own, whose trust policy admits
 * exactly the driver's service accounts in {@code kube-system}. The role starts with only the
 * driver's account-level needs; each file system grants the driver what it needs on that file
 * system ({@code EfsFileSystem.grantCsiDriver}). The add-on waits for what this component depends
 * on (the cluster's nodes: EKS reports an add-on active only once its pods run).
 *
 * <p>On an adopted cluster that already runs the driver ({@code use: existing}), Strata installs
 * nothing (creating the add-on again would fail) and adds its grants, each an inline policy named
 * {@code <component>-<grant id>}, to the role the existing driver runs as ({@code roleName}), which
 * is looked up, so that a missing role fails the preview.
 * <ul>
 *   <li>{@code efs}: add-on {@code aws-efs-csi-driver}; the controller creates and deletes access
 *       points (dynamic provisioning), the node plugin mounts with TLS and IAM. Service accounts
 *       {@code efs-csi-controller-sa} and {@code efs-csi-node-sa}
 *       (https://docs.aws.amazon.com/eks/latest/userguide/efs-csi.html). AWS's managed policy also grants
 *       {@code ec2:DescribeAvailabilityZones} on "*", used only for cross-account mounts, which Strata
 *       does not make: it is left out.</li>
 *   <li>{@code fsx}: add-on {@code aws-fsx-csi-driver}; {@code fsx:DescribeFileSystems} (the one
 *       {@code Resource: "*"}), and with dynamic provisioning the create/delete/tag/update of file
 *       systems in this account and region and FSx's service-linked roles. Service account
 *       {@code fsx-csi-controller-sa}; the node plugin calls no AWS API
 *       (https://docs.aws.amazon.com/eks/latest/userguide/fsx-csi.html).</li>
 *   <li>{@code s3}: add-on {@code aws-mountpoint-s3-csi-driver} (Mountpoint for Amazon S3), which "uses the IAM roles
 *       for service accounts capability of Amazon EKS" with the service account {@code s3-csi-driver-sa} in
 *       kube-system (https://docs.aws.amazon.com/eks/latest/userguide/mountpoint-for-s3-add-on.html). Driver-level
 *       credentials: the node plugin hands the role's credentials to the Mountpoint Pod of every volume whose
 *       {@code authenticationSource} is {@code driver}, the default
 *       (https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md#driver-level-credentials-with-irsa).
 *       The controller's account {@code s3-csi-driver-controller-sa} calls no AWS API
 *       (charts/aws-mountpoint-s3-csi-driver/values.yaml). The role starts with nothing: each volume grants read on
 *       exactly its bucket prefix and key (the bucket's {@code grantRead}, see {@link MountpointVolume}).</li>
 * </ul>
 */
public final class CsiDriver extends ComponentResource implements Grantee {
    public static final String TYPE = "strata:cluster:CsiDriver";
    public static final String NAMESPACE = "kube-system";

    /** The drivers Strata installs. */
    public enum Driver {
        EFS("efs", "aws-efs-csi-driver", "v2.1.4-eksbuild.1", List.of("efs-csi-controller-sa", "efs-csi-node-sa")),
        FSX("fsx", "aws-fsx-csi-driver", "v1.5.0-eksbuild.1", List.of("fsx-csi-controller-sa")),
        /**
         * Mountpoint for Amazon S3, v2.7.0 (driver v2: Mountpoint runs in its own Pods in {@code mount-s3}, as
         * non-root; Kubernetes 1.31 or later,
         * https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/README.md#compatibility).
         */
        S3("s3", "aws-mountpoint-s3-csi-driver", "v2.7.0-eksbuild.1", List.of("s3-csi-driver-sa"));

        private final String configValue;
        private final String addonName;
        private final String defaultVersion;
        private final List<String> serviceAccounts;

        Driver(String configValue, String addonName, String defaultVersion, List<String> serviceAccounts) {
            this.configValue = configValue;
            this.addonName = addonName;
            this.defaultVersion = defaultVersion;
            this.serviceAccounts = serviceAccounts;
        }

        public String configValue() {
            return configValue;
        }

        public String addonName() {
            return addonName;
        }

        /** The pinned add-on version used unless another is configured. */
        public String defaultVersion() {
            return defaultVersion;
        }

        /** The driver's service accounts in kube-system that assume the role. */
        public List<String> serviceAccounts() {
            return serviceAccounts;
        }

        public static Optional<Driver> of(@Nullable String value) {
            return Arrays.stream(values()).filter(d -> d.configValue.equals(value)).findFirst();
        }
    }

    /** The ARN of the driver's role: its IRSA role, or the existing driver's role. */
    @Export(name = "roleArn", refs = {String.class}, tree = "[0]")
    public final Output<String> roleArn;

    /** The add-on's name. */
    @Export(name = "addonName", refs = {String.class}, tree = "[0]")
    public final Output<String> addonName;

    /** The add-on's pinned version (none when the cluster's own driver is used). */
    @OptionalOutput
    @Export(name = "addonVersion", refs = {String.class}, tree = "[0]")
    public final Output<String> addonVersion;

    private final String name;
    private final Output<String> roleName;
    private final boolean existing;
    private final Set<String> grantIds = new HashSet<>();
    private final List<Resource> policies = new ArrayList<>();

    /** The CsiDriver {@code name} with default resource options, as {@code new CsiDriver(name, args, null)}. */
    public CsiDriver(String name, CsiDriverArgs args) {
        this(name, args, null);
    }

    public CsiDriver(String name, CsiDriverArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args), options);
    }

    /** Arguments that passed validation, with the driver typed; checked before anything is registered. */
    private record Checked(CsiDriverArgs args, Driver driver, EksAddons.Use use, String version) {
        static Checked of(CsiDriverArgs args) {
            Problems problems = new Problems();
            Optional<Driver> driver = Driver.of(args.driver());
            if (driver.isEmpty()) {
                problems.add("driver", args.driver(), "must be one of "
                        + String.join(", ", Arrays.stream(Driver.values()).map(Driver::configValue).toList()));
            }
            Optional<EksAddons.Use> use = EksAddons.checkUse("use", args.use(), problems);
            boolean existing = use.filter(u -> u == EksAddons.Use.EXISTING).isPresent();
            checkUse(key -> key, "use", use.orElse(EksAddons.Use.CREATE), "addonVersion", args.addonVersion(), "roleName",
                    args.roleName(), problems);
            String version = args.addonVersion().orElse(driver.map(Driver::defaultVersion).orElse(null));
            if (args.dynamicProvisioning() && driver.filter(d -> d == Driver.FSX).isEmpty()) {
                problems.add("dynamicProvisioning", true, "driver", args.driver(), "applies to the fsx driver only");
            }
            if (!existing && (args.clusterName() == null || args.oidcProviderArn() == null || args.oidcIssuer() == null)) {
                problems.missing("clusterName/oidcProviderArn/oidcIssuer", "are required to create the add-on: the cluster "
                        + "it goes to and its OIDC provider");
            }
            problems.throwIfAny();
            return new Checked(args, driver.orElseThrow(), use.orElseThrow(), existing ? null : version);
        }
    }

    /**
     * A driver Strata creates gets its own role and a pinned version; an existing driver keeps both and
     * names the role it runs as. {@code key} turns a field name into its full key.
     */
    public static void checkUse(java.util.function.UnaryOperator<String> key, String useKey, EksAddons.Use use, String versionKey,
                                Optional<String> version, String roleKey, Optional<String> roleName, Problems problems) {
        if (use == EksAddons.Use.EXISTING) {
            if (version.isPresent()) {
                problems.add(key.apply(versionKey), version.get(), key.apply(useKey), use.configValue(),
                        "the existing add-on keeps its own version; a version applies only to an add-on Strata creates");
            }
            if (roleName.isEmpty()) {
                problems.missing(key.apply(roleKey), "is required by " + key.apply(useKey) + " = \"existing\": the IAM role the "
                        + "existing driver runs as, to which Strata adds the grants on its file systems");
            }
            roleName.ifPresent(role -> EksAddons.checkRoleName(key.apply(roleKey), role, problems));
        } else {
            version.ifPresent(v -> EksAddons.checkVersion(key.apply(versionKey), v, problems));
            roleName.ifPresent(role -> problems.add(key.apply(roleKey), role, key.apply(useKey), use.configValue(),
                    "applies only to an existing driver; Strata creates the role of a driver it installs"));
        }
    }

    private CsiDriver(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        CsiDriverArgs args = checked.args();
        Driver driver = checked.driver();
        this.name = name;
        this.existing = checked.use() == EksAddons.Use.EXISTING;
        Map<String, String> tags = Tags.of(args.tags(), "cluster", "csi-" + driver.configValue());
        List<String> subjects = driver.serviceAccounts().stream().map(sa -> TrustPolicy.subject(NAMESPACE, sa)).toList();

        Role role = null;
        if (existing) {
            Output<GetRoleResult> found = IamFunctions.getRole(GetRoleArgs.builder().name(args.roleName().orElseThrow()).build(),
                    new InvokeOutputOptions.Builder().parent(this).build());
            this.roleName = found.applyValue(GetRoleResult::name);
            this.roleArn = found.applyValue(GetRoleResult::arn);
        } else {
            role = new Role(name, RoleArgs.builder()
                    .description("Strata " + driver.addonName() + " (IRSA: " + String.join(", ", driver.serviceAccounts()) + ")")
                    .assumeRolePolicy(Output.tuple(args.oidcProviderArn(), args.oidcIssuer())
                            .applyValue(t -> TrustPolicy.json(t.t1, t.t2, subjects)))
                    .tags(tags)
                    .build(), Children.of(this));
            this.roleName = role.id();
            this.roleArn = role.arn();
        }

        var account = Output.tuple(AwsFunctions.getPartition(), AwsFunctions.getRegion(), AwsFunctions.getCallerIdentity());
        switch (driver) {
            case EFS -> grant(new Grant("efs-csi-access-points",
                    account.applyValue(t -> Grants.efsCsiAccessPoints(t.t1.partition(), t.t2.name(), t.t3.accountId()))));
            case FSX -> {
                grant(Grants.describeFileSystems());
                if (args.dynamicProvisioning()) {
                    grant(new Grant("fsx-csi-provisioning",
                            account.applyValue(t -> Grants.fsxCsiProvisioning(t.t1.partition(), t.t2.name(), t.t3.accountId()))));
                }
            }
            case S3 -> {
                // Nothing account-wide: each mounted bucket grants read on its prefix (SecureBucket.grantRead).
            }
        }

        if (existing) {
            this.addonName = Output.of(driver.addonName());
            this.addonVersion = Output.ofNullable(null);
        } else {
            Addon addon = new Addon(name, AddonArgs.builder()
                    .clusterName(args.clusterName())
                    .addonName(driver.addonName())
                    .addonVersion(checked.version())
                    .serviceAccountRoleArn(role.arn())
                    .resolveConflictsOnCreate("OVERWRITE")
                    .resolveConflictsOnUpdate("OVERWRITE")
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(options == null ? Output.of(List.copyOf(policies))
                            : Output.concatList(Output.of(List.copyOf(policies)), options.getDependsOn())).build());
            this.addonName = addon.addonName();
            this.addonVersion = addon.addonVersion();
        }
        registerOutputs(ComponentOutputs.of(this));
    }

    /** The version of the add-on Strata installs; empty for an existing driver, which is running already. */
    public Optional<Output<String>> installedVersion() {
        return existing ? Optional.empty() : Optional.of(addonVersion);
    }

    /**
     * Adds a grant as an inline policy of the driver's role (resource {@code <name>-<grant id>}; policy
     * name the grant id, or {@code <name>-<grant id>} on an existing driver's role). Each grant id once.
     */
    @Override
    public void grant(Grant grant) {
        if (!grantIds.add(grant.id())) {
            throw new IllegalArgumentException(name + " already has the grant " + grant.id());
        }
        policies.add(new RolePolicy(name + "-" + grant.id(), RolePolicyArgs.builder()
                .role(roleName)
                // On a role another team owns, the component's name keeps Strata's policy names apart from theirs.
                .name(existing ? name + "-" + grant.id() : grant.id())
                .policy(grant.statements().applyValue(PolicyDocument::json))
                .build(), Children.of(this)));
    }
}

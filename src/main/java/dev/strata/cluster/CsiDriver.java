package dev.strata.cluster;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.core.Children;
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
import java.util.regex.Pattern;

/**
 * A CSI driver installed as an EKS add-on with an IRSA role of its own, whose trust policy admits
 * exactly the driver's service accounts in {@code kube-system}. The role starts with only the
 * driver's account-level needs; each file system grants the driver what it needs on that file
 * system ({@code EfsFileSystem.grantCsiDriver}). The add-on waits for what this component depends
 * on (the cluster's nodes: EKS reports an add-on active only once its pods run).
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
 * </ul>
 */
public final class CsiDriver extends ComponentResource implements Grantee {
    public static final String TYPE = "strata:cluster:CsiDriver";
    public static final String NAMESPACE = "kube-system";
    private static final Pattern VERSION = Pattern.compile("v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+");

    /** The drivers Strata installs. */
    public enum Driver {
        EFS("efs", "aws-efs-csi-driver", "v2.1.4-eksbuild.1", List.of("efs-csi-controller-sa", "efs-csi-node-sa")),
        FSX("fsx", "aws-fsx-csi-driver", "v1.5.0-eksbuild.1", List.of("fsx-csi-controller-sa"));

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

    /** The add-on version pattern EKS uses: {@code v<major>.<minor>.<patch>-eksbuild.<n>}. */
    public static void checkVersion(String key, @Nullable String version, Problems problems) {
        if (version == null || !VERSION.matcher(version).matches()) {
            problems.add(key, version, "must be a pinned EKS add-on version such as v2.1.4-eksbuild.1 "
                    + "(aws eks describe-addon-versions --addon-name <add-on>)");
        }
    }

    /** The driver's IRSA role's ARN. */
    @Export(name = "roleArn", refs = {String.class}, tree = "[0]")
    public final Output<String> roleArn;

    /** The add-on's name. */
    @Export(name = "addonName", refs = {String.class}, tree = "[0]")
    public final Output<String> addonName;

    /** The add-on's pinned version. */
    @Export(name = "addonVersion", refs = {String.class}, tree = "[0]")
    public final Output<String> addonVersion;

    private final String name;
    private final Role role;
    private final Set<String> grantIds = new HashSet<>();
    private final List<Resource> policies = new ArrayList<>();

    public CsiDriver(String name, CsiDriverArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args), options);
    }

    /** Arguments that passed validation, with the driver typed; checked before anything is registered. */
    private record Checked(CsiDriverArgs args, Driver driver, String version) {
        static Checked of(CsiDriverArgs args) {
            Problems problems = new Problems();
            Optional<Driver> driver = Driver.of(args.driver());
            if (driver.isEmpty()) {
                problems.add("driver", args.driver(), "must be one of efs, fsx");
            }
            String version = args.addonVersion().orElse(driver.map(Driver::defaultVersion).orElse(null));
            if (driver.isPresent()) {
                checkVersion("addonVersion", version, problems);
            }
            if (args.dynamicProvisioning() && driver.filter(d -> d == Driver.FSX).isEmpty()) {
                problems.add("dynamicProvisioning", true, "driver", args.driver(), "applies to the fsx driver only");
            }
            if (args.clusterName() == null || args.oidcProviderArn() == null || args.oidcIssuer() == null) {
                problems.missing("clusterName/oidcProviderArn/oidcIssuer", "are required: the cluster the add-on goes to and its OIDC provider");
            }
            problems.throwIfAny();
            return new Checked(args, driver.orElseThrow(), version);
        }
    }

    private CsiDriver(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        CsiDriverArgs args = checked.args();
        Driver driver = checked.driver();
        this.name = name;
        Map<String, String> tags = Tags.of(args.tags(), "cluster", "csi-" + driver.configValue());
        List<String> subjects = driver.serviceAccounts().stream().map(sa -> TrustPolicy.subject(NAMESPACE, sa)).toList();

        this.role = new Role(name, RoleArgs.builder()
                .description("Strata " + driver.addonName() + " (IRSA: " + String.join(", ", driver.serviceAccounts()) + ")")
                .assumeRolePolicy(Output.tuple(args.oidcProviderArn(), args.oidcIssuer())
                        .applyValue(t -> TrustPolicy.json(t.t1, t.t2, subjects)))
                .tags(tags)
                .build(), Children.of(this));

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
        }

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

        this.roleArn = role.arn();
        this.addonName = addon.addonName();
        this.addonVersion = addon.addonVersion();
        registerOutputs(Map.of("roleArn", roleArn, "addonName", addonName, "addonVersion", addonVersion));
    }

    /** Adds a grant as an inline policy {@code <name>-<grant id>} of the driver's role. Each grant id once. */
    @Override
    public void grant(Grant grant) {
        if (!grantIds.add(grant.id())) {
            throw new IllegalArgumentException(name + " already has the grant " + grant.id());
        }
        policies.add(new RolePolicy(name + "-" + grant.id(), RolePolicyArgs.builder()
                .role(role.id())
                .name(grant.id())
                .policy(grant.statements().applyValue(PolicyDocument::json))
                .build(), Children.of(this)));
    }
}

package dev.strata.cluster;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Facts about EKS add-ons shared by the cluster and the CSI drivers: the add-ons Strata installs
 * besides the CSI drivers, how an add-on version is written, and whether Strata creates an add-on
 * or uses one the cluster already runs.
 */
public final class EksAddons {
    /**
     * The EKS Pod Identity Agent. The FSx CSI driver add-on requires it ("Without this component, the
     * add-on will fail with the error Amazon EKS Pod Identity agent is not installed in the cluster",
     * https://docs.aws.amazon.com/eks/latest/userguide/fsx-csi-create.html and
     * https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html#add-ons-aws-fsx-csi-driver).
     * It needs no role of its own: it uses the node role's {@code eks-auth:AssumeRoleForPodIdentity},
     * which {@code AmazonEKSWorkerNodePolicy} grants
     * (https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html#add-ons-pod-id).
     */
    public static final String POD_IDENTITY_AGENT = "eks-pod-identity-agent";
    /**
     * The Amazon VPC CNI plugin, on its own IRSA role (service account {@code kube-system/aws-node})
     * with {@code AmazonEKS_CNI_Policy} rather than on the node role, as AWS recommends
     * (https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html).
     */
    public static final String VPC_CNI = "vpc-cni";
    /** The VPC CNI's service account in kube-system (https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html). */
    public static final String VPC_CNI_SERVICE_ACCOUNT = "aws-node";

    private static final Pattern VERSION = Pattern.compile("v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+");
    /** IAM role names: https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private EksAddons() {
    }

    /** Whether Strata creates an add-on or uses the one the cluster already runs. */
    public enum Use {
        /** Strata creates the add-on (an existing one of the same name makes CreateAddon fail). */
        CREATE("create"),
        /** The cluster already runs it (installed by its owner); Strata leaves it alone. */
        EXISTING("existing");

        private final String configValue;

        Use(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        public static Optional<Use> of(@Nullable String value) {
            return Arrays.stream(values()).filter(u -> u.configValue.equals(value)).findFirst();
        }
    }

    /** The add-on version pattern EKS uses: {@code v<major>.<minor>.<patch>-eksbuild.<n>}. */
    public static void checkVersion(String key, @Nullable String version, Problems problems) {
        if (version == null || !VERSION.matcher(version).matches()) {
            problems.add(key, version, "must be a pinned EKS add-on version such as v2.1.4-eksbuild.1 "
                    + "(aws eks describe-addon-versions --addon-name <add-on>)");
        }
    }

    /** An IAM role name: 1 to 64 letters, digits or {@code +=,.@_-}. */
    public static void checkRoleName(String key, @Nullable String name, Problems problems) {
        if (name == null || !ROLE_NAME.matcher(name).matches()) {
            problems.add(key, name, "must be an IAM role name: 1 to 64 letters, digits or +=,.@_- (not an ARN)");
        }
    }

    /** Checks a {@code create}/{@code existing} choice. */
    public static Optional<Use> checkUse(String key, @Nullable String value, Problems problems) {
        Optional<Use> use = Use.of(value);
        if (use.isEmpty()) {
            problems.add(key, value, "must be one of create, existing");
        }
        return use;
    }

    /** An EKS add-on of a cluster, a child of its {@link EksCluster} component, at a pinned version or EKS's default, optionally on an IRSA role. */
    static Addon addon(ComponentResource parent, String resourceName, Output<String> cluster, String addonName, Optional<String> version,
                       @Nullable Output<String> roleArn, Map<String, String> tags, List<Resource> dependsOn) {
        AddonArgs.Builder addon = AddonArgs.builder()
                .clusterName(cluster)
                .addonName(addonName)
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .tags(tags);
        version.ifPresent(addon::addonVersion);
        if (roleArn != null) {
            addon.serviceAccountRoleArn(roleArn);
        }
        return new Addon(resourceName, addon.build(), CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn).build());
    }
}

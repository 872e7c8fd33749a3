package dev.strata.cluster;

import dev.strata.core.ComponentOutputs;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.eks.Addon;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.core.KnownValue;
import dev.strata.core.NetworkRules;
import dev.strata.core.Problems;
import dev.strata.core.Tags;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The EKS cluster the stack's Kubernetes objects go to, created or adopted, and the one Kubernetes
 * provider built from it.
 * <ul>
 *   <li><b>create</b>: the cluster from AWS provider resources ({@code CreatedCluster}): control plane in the
 *       given private subnets with a private API endpoint (public only when asked, and then only for
 *       the given CIDR blocks), Kubernetes secrets envelope-encrypted with the given customer-managed
 *       KMS key, control-plane logs into a log group with a retention, an IAM OIDC provider (for IRSA),
 *       the VPC CNI add-on on its own IRSA role, and a managed node group without public IPs whose
 *       root volumes are encrypted gp3 volumes, whose pods cannot reach the instance metadata service
 *       (IMDSv2, hop limit 1), and which joins the given node security group; optionally a second,
 *       inference node group hardened by the same code, whose instance-store NVMe disks nodeadm
 *       assembles into RAID0 at boot ({@link InferenceNodeGroupArgs});</li>
 *   <li><b>adopt</b>: an existing cluster, by name: its endpoint, certificate authority and OIDC
 *       issuer are looked up through {@code aws:eks/getCluster}, and its IAM OIDC provider through
 *       {@code aws:iam/getOpenIdConnectProvider} by the issuer URL (a cluster without one fails the
 *       preview, rather than trust policies naming a provider that does not exist).</li>
 * </ul>
 * Either way the EKS Pod Identity Agent add-on is installed, unless {@code podIdentityAgent} says the
 * adopted cluster already runs it.
 * The Kubernetes provider {@code <name>-k8s} authenticates with {@code aws eks get-token}: no
 * credentials are stored.
 *
 * <p>Not pulumi-eks: its Java SDK 0.37.1 cannot take its own component's outputs back under this
 * Pulumi SDK (the {@code kubeconfig} output is typed {@code Object}, which the SDK refuses to
 * deserialize, and {@code core} names classes the Kubernetes SDK does not have), so a program that
 * creates a pulumi-eks cluster fails as soon as the cluster exists. The AWS provider's own resources
 * have no such gap, and every input is visible in the plan.
 */
public final class EksCluster extends ComponentResource {
    public static final String TYPE = "strata:cluster:EksCluster";
    public static final String DEFAULT_VERSION = "1.32";
    public static final String DEFAULT_INSTANCE_TYPE = "m6i.xlarge";
    /**
     * Control-plane logs a created cluster sends to CloudWatch, into the log group
     * {@code /aws/eks/<cluster>/cluster} (https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html).
     */
    public static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator");
    public static final int DEFAULT_LOG_RETENTION_DAYS = 90;
    /**
     * The retention values CloudWatch Logs accepts; without one a log group keeps its events forever
     * (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html).
     */
    public static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /**
     * The node launch template's IMDS response hop limit: 1 keeps IMDSv2 tokens on the node, so pods
     * that do not use host networking cannot read the node role's credentials
     * (https://docs.aws.amazon.com/eks/latest/userguide/best-practices-security.html); EKS's default for
     * AL2023 managed nodes is 1 as well, which this custom launch template would otherwise replace
     * (https://docs.aws.amazon.com/eks/latest/userguide/al2023.html). Every AWS caller
     * Strata installs has its own IRSA role; the VPC CNI and the EFS node plugin use host networking;
     * the EFS controller falls back to the Kubernetes API for its region and zone
     * (aws-efs-csi-driver pkg/cloud/metadata.go); the FSx controller then needs {@code AWS_REGION}
     * (aws-fsx-csi-driver docs/install.md, "EKS Auto Mode", which blocks pod IMDS the same way), and AWS
     * lists the FSx add-on as compatible with Auto Mode
     * (https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html); docs/cluster.md
     * says how to check it on the first deploy.
     */
    public static final int IMDS_HOP_LIMIT = 1;
    /** What the created cluster envelope-encrypts with its key (https://docs.aws.amazon.com/eks/latest/APIReference/API_EncryptionConfig.html). */
    public static final List<String> ENCRYPTED_RESOURCES = List.of("secrets");
    /** EKS cluster names: https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html */
    public static final Pattern NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    public static final Pattern VERSION = Pattern.compile("1\\.[0-9]{2}");
    /**
     * The AWS managed policies of an EKS cluster role and of node roles
     * (https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html,
     * https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html).
     */
    public static final List<String> CLUSTER_POLICIES = List.of("AmazonEKSClusterPolicy");
    public static final List<String> NODE_POLICIES = List.of("AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly");
    /**
     * The VPC CNI's policy, on the CNI's own IRSA role and not on the node role: "If you don't use IRSA
     * or EKS Pod Identity to give permissions to the VPC CNI pods, then you must provide permissions for
     * the VPC CNI on the instance role" (https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html);
     * "we recommend that you assign it to a separate role" (https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html).
     */
    public static final List<String> CNI_POLICIES = List.of("AmazonEKS_CNI_Policy");
    /** Amazon Linux 2023 nodes; their root device. */
    public static final String AMI_TYPE = "AL2023_x86_64_STANDARD";
    public static final String ROOT_DEVICE = "/dev/xvda";

    /** The EKS cluster's name. */
    @Export(name = "clusterName", refs = {String.class}, tree = "[0]")
    public final Output<String> clusterName;

    /** The API server endpoint. */
    @Export(name = "endpoint", refs = {String.class}, tree = "[0]")
    public final Output<String> endpoint;

    /** The cluster's certificate authority data (base64). */
    @Export(name = "certificateAuthority", refs = {String.class}, tree = "[0]")
    public final Output<String> certificateAuthority;

    /** The OIDC issuer URL of the cluster's service account tokens. */
    @Export(name = "oidcIssuer", refs = {String.class}, tree = "[0]")
    public final Output<String> oidcIssuer;

    /** The ARN of the cluster's IAM OIDC provider, the principal of IRSA trust policies. */
    @Export(name = "oidcProviderArn", refs = {String.class}, tree = "[0]")
    public final Output<String> oidcProviderArn;

    /** A kubeconfig for the cluster that authenticates with {@code aws eks get-token}. */
    @Export(name = "kubeconfig", refs = {String.class}, tree = "[0]")
    public final Output<String> kubeconfig;

    private final Provider provider;
    private final Optional<Addon> podIdentityAgent;

    /** The EksCluster {@code name} with default resource options, as {@code new EksCluster(name, args, null)}. */
    public EksCluster(String name, EksClusterArgs args) {
        this(name, args, null);
    }

    public EksCluster(String name, EksClusterArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(name, args), options);
    }

    /** Arguments that passed validation, with the cluster's name settled; checked before anything is registered. */
    private record Checked(EksClusterArgs args, String clusterName, EksAddons.Use podIdentityAgent) {
        static Checked of(String name, EksClusterArgs args) {
            Problems problems = new Problems();
            String clusterName = args.clusterName().orElse(args.create() ? name : null);
            if (clusterName == null) {
                problems.add("clusterName", null, "create", false, "adopting a cluster needs its name");
            } else if (!NAME.matcher(clusterName).matches()) {
                problems.add("clusterName", clusterName, "must be an EKS cluster name: 1 to 100 letters, digits, - or _, starting with a letter or digit");
            }
            if (args.create()) {
                if (args.vpcId().isEmpty()) {
                    problems.missing("vpcId", "is required to create a cluster");
                }
                // References are checked here when known, else when they resolve (KnownValue).
                args.vpcId().flatMap(KnownValue::of).ifPresent(vpc -> NetworkRules.vpcId("vpcId", vpc, problems));
                args.nodeSecurityGroupId().flatMap(KnownValue::of)
                        .ifPresent(group -> NetworkRules.securityGroupId("nodeSecurityGroupId", group, problems));
                KnownValue.of(args.privateSubnetIds()).ifPresent(ids -> NetworkRules.subnetIds("privateSubnetIds", ids, problems));
                if (!VERSION.matcher(args.version()).matches()) {
                    problems.add("version", args.version(), "must be a Kubernetes minor version such as " + DEFAULT_VERSION);
                }
                NodeGroupRules.checkSizes(UnaryOperator.identity(), args.desiredSize(), args.minSize(), args.maxSize(), problems);
                NodeGroupRules.checkRootVolume("rootVolumeGiB", args.rootVolumeGiB(), problems);
                args.inferenceNodeGroup().ifPresent(group -> group.validate(field -> "inferenceNodeGroup." + field, problems));
                checkPublicEndpoint(UnaryOperator.identity(), args.endpointPublicAccess(), args.publicAccessCidrs(), problems);
                if (args.secretsKeyArn() == null) {
                    problems.missing("secretsKeyArn", "is required to create a cluster: its Kubernetes secrets are encrypted with "
                            + "a customer-managed KMS key (an EncryptionKey with service eks)");
                }
                checkLogRetention("logRetentionDays", args.logRetentionDays(), problems);
                args.vpcCniVersion().ifPresent(version -> EksAddons.checkVersion("vpcCniVersion", version, problems));
            } else {
                if (args.inferenceNodeGroup().isPresent()) {
                    problems.add("inferenceNodeGroup", "(set)", "create", false,
                            "applies only to a cluster Strata creates; an adopted cluster keeps its own nodes");
                }
                if (args.vpcCniVersion().isPresent()) {
                    problems.add("vpcCniVersion", args.vpcCniVersion().get(), "create", false,
                            "applies only to a cluster Strata creates; an adopted cluster keeps its own VPC CNI");
                }
            }
            Optional<EksAddons.Use> agent = EksAddons.checkUse("podIdentityAgent", args.podIdentityAgent(), problems);
            checkPodIdentityAgent(UnaryOperator.identity(), "create", args.create(), "podIdentityAgent",
                    agent.orElse(EksAddons.Use.CREATE), "podIdentityAgentVersion", args.podIdentityAgentVersion(), problems);
            problems.throwIfAny();
            return new Checked(args, clusterName, agent.orElseThrow());
        }
    }

    /**
     * The public endpoint admits only named CIDR blocks: EKS admits every address (0.0.0.0/0) when a
     * public endpoint has none (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html,
     * https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html). The blocks apply
     * only to a public endpoint, and none may be a {@code /0}. {@code key} turns a field name into its full key.
     */
    public static void checkPublicEndpoint(UnaryOperator<String> key, boolean publicAccess, List<String> cidrs, Problems problems) {
        if (publicAccess && cidrs.isEmpty()) {
            problems.add(key.apply("publicAccessCidrs"), List.of(), key.apply("endpointPublicAccess"), true,
                    "a public endpoint needs the CIDR blocks allowed to reach it (the operators' and CI's addresses); "
                            + "without them EKS admits every address (0.0.0.0/0)");
        }
        if (!publicAccess && !cidrs.isEmpty()) {
            problems.add(key.apply("publicAccessCidrs"), cidrs, key.apply("endpointPublicAccess"), false,
                    "apply only to a public endpoint; set endpointPublicAccess: true or remove them");
        }
        for (int i = 0; i < cidrs.size(); i++) {
            String cidr = cidrs.get(i);
            String itemKey = key.apply("publicAccessCidrs") + "[" + i + "]";
            if (cidr != null && cidr.endsWith("/0")) {
                problems.add(itemKey, cidr, "admits every address on the internet; name the operators' and CI's address ranges");
            } else {
                NetworkRules.cidr(itemKey, cidr, problems);
            }
        }
    }

    /** A control-plane log retention CloudWatch accepts. */
    public static void checkLogRetention(String key, int days, Problems problems) {
        if (!LOG_RETENTION_DAYS.contains(days)) {
            problems.add(key, days, "must be one of CloudWatch Logs' retention values: "
                    + LOG_RETENTION_DAYS.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
        }
    }

    /**
     * The Pod Identity Agent on a created cluster is Strata's to install (a new cluster has none); a
     * pinned version applies only to the add-on Strata creates. {@code key} turns the agent's field
     * names into full keys; {@code createKey} is the full key of the cluster's {@code create}.
     */
    public static void checkPodIdentityAgent(UnaryOperator<String> key, String createKey, boolean createCluster, String useKey,
                                             EksAddons.Use use, String versionKey, Optional<String> version, Problems problems) {
        if (createCluster && use == EksAddons.Use.EXISTING) {
            problems.add(key.apply(useKey), use.configValue(), createKey, true,
                    "a cluster Strata creates has no " + EksAddons.POD_IDENTITY_AGENT + " add-on yet: Strata installs it (create)");
        }
        if (use == EksAddons.Use.EXISTING && version.isPresent()) {
            problems.add(key.apply(versionKey), version.get(), key.apply(useKey), use.configValue(),
                    "the existing add-on keeps its own version; a version applies only to an add-on Strata creates");
        }
        version.ifPresent(v -> EksAddons.checkVersion(key.apply(versionKey), v, problems));
    }

    private EksCluster(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        EksClusterArgs args = checked.args();
        String clusterName = checked.clusterName();

        if (args.create()) {
            CreatedCluster created = CreatedCluster.create(this, name, clusterName, args);
            this.clusterName = created.cluster().name();
            this.endpoint = created.cluster().endpoint();
            this.certificateAuthority = created.cluster().certificateAuthority().applyValue(ca -> ca.data().orElse(null));
            this.oidcIssuer = created.cluster().identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElse(null));
            this.oidcProviderArn = created.oidcProvider().arn();
        } else {
            AdoptedCluster found = AdoptedCluster.lookUp(this, clusterName);
            this.clusterName = found.clusterName();
            this.endpoint = found.endpoint();
            this.certificateAuthority = found.certificateAuthority();
            this.oidcIssuer = found.oidcIssuer();
            this.oidcProviderArn = found.oidcProviderArn();
        }
        this.podIdentityAgent = checked.podIdentityAgent() == EksAddons.Use.CREATE
                ? Optional.of(EksAddons.addon(this, name + "-pod-identity-agent", this.clusterName, EksAddons.POD_IDENTITY_AGENT, args.podIdentityAgentVersion(),
                        null, Tags.of(args.tags(), "cluster", "eks"), List.of()))
                : Optional.empty();
        this.kubeconfig = Output.tuple(this.clusterName, endpoint, certificateAuthority, AwsFunctions.getRegion())
                .applyValue(t -> Kubeconfigs.kubeconfig(t.t1, t.t2, t.t3, t.t4.name()));
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(ComponentOutputs.of(this));
    }

    /** The log group EKS writes a cluster's control-plane logs to (https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html). */
    public static String controlPlaneLogGroup(String clusterName) {
        return "/aws/eks/" + clusterName + "/cluster";
    }

    /**
     * The Pod Identity Agent add-on Strata created on this cluster (empty when the cluster already runs
     * it): the FSx CSI driver add-on waits for it.
     */
    public Optional<Addon> podIdentityAgent() {
        return podIdentityAgent;
    }

    /** The stack's one Kubernetes provider, on this cluster: hand it to components through {@code providers(...)}. */
    public Provider kubernetesProvider() {
        return provider;
    }
}

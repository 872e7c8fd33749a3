package dev.strata.cluster;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.EksFunctions;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.inputs.GetOpenIdConnectProviderArgs;
import com.pulumi.aws.iam.outputs.GetOpenIdConnectProviderResult;
import com.pulumi.aws.eks.inputs.GetClusterArgs;
import com.pulumi.aws.eks.outputs.GetClusterResult;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.resources.Resource;
import dev.strata.core.Children;
import dev.strata.security.Grants;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.core.NetworkRules;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.security.TrustPolicy;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The EKS cluster the stack's Kubernetes objects go to, created or adopted, and the one Kubernetes
 * provider built from it.
 * <ul>
 *   <li><b>create</b>: the cluster from AWS provider resources ({@link #create}): control plane in the
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
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

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
                args.vpcId().ifPresent(vpc -> NetworkRules.vpcId("vpcId", vpc, problems));
                args.nodeSecurityGroupId().ifPresent(group -> NetworkRules.securityGroupId("nodeSecurityGroupId", group, problems));
                NetworkRules.subnetIds("privateSubnetIds", args.privateSubnetIds(), problems);
                if (!VERSION.matcher(args.version()).matches()) {
                    problems.add("version", args.version(), "must be a Kubernetes minor version such as " + DEFAULT_VERSION);
                }
                InferenceNodeGroupArgs.checkSizes(UnaryOperator.identity(), args.desiredSize(), args.minSize(), args.maxSize(), problems);
                InferenceNodeGroupArgs.checkRootVolume("rootVolumeGiB", args.rootVolumeGiB(), problems);
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
            Created created = create(name, clusterName, args);
            this.clusterName = created.cluster().name();
            this.endpoint = created.cluster().endpoint();
            this.certificateAuthority = created.cluster().certificateAuthority().applyValue(ca -> ca.data().orElse(null));
            this.oidcIssuer = created.cluster().identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElse(null));
            this.oidcProviderArn = created.oidcProvider().arn();
        } else {
            Output<GetClusterResult> found = EksFunctions.getCluster(GetClusterArgs.builder().name(clusterName).build(),
                    new InvokeOutputOptions.Builder().parent(this).build());
            this.clusterName = found.applyValue(GetClusterResult::name);
            this.endpoint = found.applyValue(GetClusterResult::endpoint);
            this.certificateAuthority = found.applyValue(c -> c.certificateAuthorities().get(0).data());
            this.oidcIssuer = found.applyValue(c -> c.identities().get(0).oidcs().get(0).issuer());
            // The cluster's IAM OIDC provider, looked up by its issuer URL: IRSA trusts exactly it, and an
            // adopted cluster without one fails here, naming the URL, instead of at the first pod's AssumeRole
            // (https://docs.aws.amazon.com/eks/latest/userguide/enable-iam-roles-for-service-accounts.html).
            this.oidcProviderArn = IamFunctions.getOpenIdConnectProvider(GetOpenIdConnectProviderArgs.builder().url(oidcIssuer).build(),
                    new InvokeOutputOptions.Builder().parent(this).build()).applyValue(GetOpenIdConnectProviderResult::arn);
        }
        this.podIdentityAgent = checked.podIdentityAgent() == EksAddons.Use.CREATE
                ? Optional.of(addon(name + "-pod-identity-agent", this.clusterName, EksAddons.POD_IDENTITY_AGENT, args.podIdentityAgentVersion(),
                        null, Tags.of(args.tags(), "cluster", "eks"), List.of()))
                : Optional.empty();
        this.kubeconfig = Output.tuple(this.clusterName, endpoint, certificateAuthority, AwsFunctions.getRegion())
                .applyValue(t -> kubeconfig(t.t1, t.t2, t.t3, t.t4.name()));
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("clusterName", this.clusterName, "endpoint", endpoint,
                "certificateAuthority", certificateAuthority, "oidcIssuer", oidcIssuer,
                "oidcProviderArn", oidcProviderArn, "kubeconfig", kubeconfig));
    }

    /** A created cluster and its IAM OIDC provider. */
    private record Created(com.pulumi.aws.eks.Cluster cluster, OpenIdConnectProvider oidcProvider) {
    }

    /**
     * The cluster from AWS provider resources, in the order they must exist: its service role and the
     * control-plane log group (with a retention) before the control plane in the private subnets (API
     * endpoint private, public only when asked and only from the given CIDR blocks; secrets encrypted
     * with the given key; access entries with the creator as administrator); the IAM OIDC provider of
     * its issuer (IRSA); the VPC CNI add-on on its own IRSA role; then a managed node group without
     * public IPs from a launch template whose root volume is an encrypted gp3 volume and whose instances
     * require IMDSv2 with hop limit 1 and join the cluster security group plus the given node security
     * group (the one the file systems and the cache admit).
     */
    private Created create(String name, String clusterName, EksClusterArgs args) {
        Map<String, String> tags = Tags.of(args.tags(), "cluster", "eks");
        Role clusterRole = new Role(name + "-cluster", RoleArgs.builder()
                .description("EKS control plane of " + clusterName)
                .assumeRolePolicy(servicePrincipalTrust("eks.amazonaws.com"))
                .tags(tags)
                .build(), Children.of(this));
        List<Resource> clusterDependencies = new ArrayList<>(attach(name + "-cluster", clusterRole, CLUSTER_POLICIES));
        // The control-plane log group, created before the cluster so that EKS writes into it rather than
        // create one that keeps its events forever (the pulumi-aws eks.Cluster "Enabling Control Plane
        // Logging" example: https://www.pulumi.com/registry/packages/aws/api-docs/eks/cluster/).
        clusterDependencies.add(new LogGroup(name + "-control-plane", LogGroupArgs.builder()
                .name(controlPlaneLogGroup(clusterName))
                .retentionInDays(args.logRetentionDays())
                .tags(tags)
                .build(), Children.of(this)));
        ClusterVpcConfigArgs.Builder endpoint = ClusterVpcConfigArgs.builder()
                .subnetIds(args.privateSubnetIds())
                .endpointPrivateAccess(true)
                .endpointPublicAccess(args.endpointPublicAccess());
        if (args.endpointPublicAccess()) {
            endpoint.publicAccessCidrs(args.publicAccessCidrs());
        }
        com.pulumi.aws.eks.Cluster cluster = new com.pulumi.aws.eks.Cluster(name, com.pulumi.aws.eks.ClusterArgs.builder()
                .name(clusterName)
                .version(args.version())
                .roleArn(clusterRole.arn())
                .vpcConfig(endpoint.build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API_AND_CONFIG_MAP")
                        .bootstrapClusterCreatorAdminPermissions(true)
                        .build())
                // Secrets envelope-encrypted with the stack's own key. Since Kubernetes 1.28 EKS envelope-
                // encrypts all API data with an AWS-owned key by default; a customer-managed key puts the key's
                // policy, rotation and CloudTrail record in the account's hands
                // (https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html). Deleting that key
                // degrades the cluster for good (https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html).
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources(ENCRYPTED_RESOURCES)
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(args.secretsKeyArn()).build())
                        .build())
                .enabledClusterLogTypes(LOG_TYPES)
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(clusterDependencies).build());

        Output<String> issuer = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
        OpenIdConnectProvider oidcProvider = new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(issuer)
                .clientIdLists(Grants.STS_AUDIENCE)
                .tags(tags)
                .build(), Children.of(this));

        // The VPC CNI on its own IRSA role, created before the nodes: the node role no longer carries the
        // CNI policy, so the nodes' aws-node pods get their permissions only from this add-on's role. The
        // add-on takes over the self-managed aws-node EKS installs at creation (OVERWRITE), and needs the
        // OIDC provider and the role first (https://docs.aws.amazon.com/eks/latest/userguide/vpc-add-on-create.html).
        Role cniRole = new Role(name + "-vpc-cni", RoleArgs.builder()
                .description("VPC CNI of " + clusterName + " (IRSA: " + CsiDriver.NAMESPACE + "/" + EksAddons.VPC_CNI_SERVICE_ACCOUNT + ")")
                .assumeRolePolicy(Output.tuple(oidcProvider.arn(), issuer).applyValue(t -> TrustPolicy.json(t.t1, t.t2,
                        List.of(TrustPolicy.subject(CsiDriver.NAMESPACE, EksAddons.VPC_CNI_SERVICE_ACCOUNT)))))
                .tags(tags)
                .build(), Children.of(this));
        Addon cni = addon(name + "-vpc-cni", cluster.name(), EksAddons.VPC_CNI, args.vpcCniVersion(), cniRole.arn(), tags,
                attach(name + "-vpc-cni", cniRole, CNI_POLICIES));

        Role nodeRole = new Role(name + "-nodes", RoleArgs.builder()
                .description("EKS nodes of " + clusterName)
                .assumeRolePolicy(servicePrincipalTrust("ec2.amazonaws.com"))
                .tags(tags)
                .build(), Children.of(this));
        List<Resource> nodePolicies = attach(name + "-nodes", nodeRole, NODE_POLICIES);
        Output<List<String>> nodeGroups = cluster.vpcConfig().applyValue(vpc -> {
            List<String> groups = new ArrayList<>();
            vpc.clusterSecurityGroupId().ifPresent(groups::add);
            args.nodeSecurityGroupId().ifPresent(groups::add);
            return groups;
        });
        List<Resource> nodeDependencies = new ArrayList<>(nodePolicies);
        nodeDependencies.add(cni);
        NodeGroups nodes = new NodeGroups(cluster, nodeRole, nodeGroups, args.privateSubnetIds(), tags, nodeDependencies);
        hardenedNodeGroup(name + "-nodes", "Nodes of " + clusterName + ": encrypted gp3 root volume, IMDSv2 on the node only",
                AMI_TYPE, List.of(args.instanceType()), args.desiredSize(), args.minSize(), args.maxSize(), args.rootVolumeGiB(),
                Map.of(), Map.of(), null, nodes);
        args.inferenceNodeGroup().ifPresent(group -> hardenedNodeGroup(name + "-inference-nodes",
                "Inference nodes of " + clusterName + ": instance-store NVMe in RAID0 (nodeadm), encrypted gp3 root volume, "
                        + "IMDSv2 on the node only",
                group.amiType(), group.instanceTypes(), group.desiredSize(), group.minSize(), group.maxSize(), group.rootVolumeGiB(),
                group.labels(), group.taints(), NodeUserData.base64(group.bootScript().orElse(null)), nodes));
        return new Created(cluster, oidcProvider);
    }

    /** What every node group of a created cluster shares: its cluster, node role, security groups, subnets, tags and what it waits for. */
    private record NodeGroups(com.pulumi.aws.eks.Cluster cluster, Role nodeRole, Output<List<String>> securityGroups,
                              List<String> subnetIds, Map<String, String> tags, List<Resource> dependsOn) {
    }

    /**
     * A managed node group and its launch template, hardened the same way for every group: an encrypted
     * gp3 root volume, IMDSv2 required with hop limit {@value #IMDS_HOP_LIMIT}, the cluster security group
     * plus the node security group, no public IP (private subnets). Labels, taints (effect NoSchedule) and
     * user data only when given, so that the general group's inputs stay as they were.
     */
    private NodeGroup hardenedNodeGroup(String resourceName, String description, String amiType, List<String> instanceTypes,
                                        int desired, int min, int max, int rootVolumeGiB, Map<String, String> labels,
                                        Map<String, String> taints, @Nullable String userData, NodeGroups shared) {
        LaunchTemplateArgs.Builder template = LaunchTemplateArgs.builder()
                .description(description)
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(ROOT_DEVICE)
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .encrypted("true")
                                .volumeType("gp3")
                                .volumeSize(rootVolumeGiB)
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(IMDS_HOP_LIMIT)
                        .build())
                .vpcSecurityGroupIds(shared.securityGroups())
                .tags(shared.tags());
        if (userData != null) {
            template.userData(userData);
        }
        LaunchTemplate launchTemplate = new LaunchTemplate(resourceName, template.build(), Children.of(this));
        NodeGroupArgs.Builder group = NodeGroupArgs.builder()
                .clusterName(shared.cluster().name())
                .nodeRoleArn(shared.nodeRole().arn())
                .subnetIds(shared.subnetIds())
                .amiType(amiType)
                .instanceTypes(instanceTypes)
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .desiredSize(desired)
                        .minSize(min)
                        .maxSize(max)
                        .build())
                .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                        .id(launchTemplate.id())
                        .version(launchTemplate.latestVersion().applyValue(String::valueOf))
                        .build())
                .tags(shared.tags());
        if (!labels.isEmpty()) {
            group.labels(labels);
        }
        if (!taints.isEmpty()) {
            group.taints(taints.entrySet().stream().map(t -> NodeGroupTaintArgs.builder()
                    .key(t.getKey()).value(t.getValue()).effect(InferenceNodeGroupArgs.TAINT_EFFECT).build()).toList());
        }
        return new NodeGroup(resourceName, group.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(shared.dependsOn()).build());
    }

    /** The log group EKS writes a cluster's control-plane logs to (https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html). */
    public static String controlPlaneLogGroup(String clusterName) {
        return "/aws/eks/" + clusterName + "/cluster";
    }

    /** An EKS add-on of this cluster, at a pinned version or EKS's default, optionally on an IRSA role. */
    private Addon addon(String resourceName, Output<String> cluster, String addonName, Optional<String> version,
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
        return new Addon(resourceName, addon.build(), CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build());
    }

    private List<Resource> attach(String prefix, Role role, List<String> policies) {
        List<Resource> attachments = new ArrayList<>();
        for (String policy : policies) {
            attachments.add(new RolePolicyAttachment(prefix + "-" + policy, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(AwsFunctions.getPartition().applyValue(p -> "arn:" + p.partition() + ":iam::aws:policy/" + policy))
                    .build(), Children.of(this)));
        }
        return attachments;
    }

    /** The trust policy of a role an AWS service assumes. */
    static String servicePrincipalTrust(String service) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "ServiceAssumesRole");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", service));
        statement.put("Action", "sts:AssumeRole");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return GSON.toJson(document);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
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

    /**
     * A kubeconfig from the endpoint and certificate authority whose user runs
     * {@code aws eks get-token} (https://docs.aws.amazon.com/eks/latest/userguide/create-kubeconfig.html).
     */
    static String kubeconfig(String clusterName, String endpoint, String certificateAuthority, String region) {
        // Ordered maps only: the plan renders the same kubeconfig text on every run.
        Map<String, Object> cluster = ordered("server", endpoint, "certificate-authority-data", certificateAuthority);
        Map<String, Object> exec = ordered("apiVersion", "client.authentication.k8s.io/v1beta1", "command", "aws",
                "args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region));
        Map<String, Object> config = ordered("apiVersion", "v1", "kind", "Config",
                "clusters", List.of(ordered("name", clusterName, "cluster", cluster)),
                "contexts", List.of(ordered("name", clusterName, "context", ordered("cluster", clusterName, "user", clusterName))),
                "current-context", clusterName,
                "users", List.of(ordered("name", clusterName, "user", ordered("exec", exec))));
        return GSON.toJson(config);
    }
}

package dev.strata.cluster;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.eks.EksFunctions;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The EKS cluster the stack's Kubernetes objects go to, created or adopted, and the one Kubernetes
 * provider built from it.
 * <ul>
 *   <li><b>create</b>: the cluster from AWS provider resources ({@link #create}): control plane in the
 *       given private subnets with a private API endpoint (public only when asked), control-plane
 *       logs, an IAM OIDC provider (for IRSA), and a managed node group without public IPs whose root
 *       volumes are encrypted gp3 volumes and which joins the given node security group;</li>
 *   <li><b>adopt</b>: an existing cluster, by name: its endpoint, certificate authority and OIDC
 *       issuer are looked up through {@code aws:eks/getCluster}, and its OIDC provider ARN is
 *       {@code arn:<partition>:iam::<account>:oidc-provider/<issuer without https://>}.</li>
 * </ul>
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
    /** Control-plane logs a created cluster sends to CloudWatch. */
    public static final List<String> LOG_TYPES = List.of("api", "audit", "authenticator");
    /** EKS cluster names: https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html */
    public static final Pattern NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    public static final Pattern VERSION = Pattern.compile("1\\.[0-9]{2}");
    /**
     * The AWS managed policies of an EKS cluster role and of node roles
     * (https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html,
     * https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html).
     */
    public static final List<String> CLUSTER_POLICIES = List.of("AmazonEKSClusterPolicy");
    public static final List<String> NODE_POLICIES = List.of("AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy",
            "AmazonEC2ContainerRegistryReadOnly");
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

    public EksCluster(String name, EksClusterArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(name, args), options);
    }

    /** Arguments that passed validation, with the cluster's name settled; checked before anything is registered. */
    private record Checked(EksClusterArgs args, String clusterName) {
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
                if (args.minSize() < 0 || args.minSize() > args.desiredSize() || args.desiredSize() > args.maxSize() || args.maxSize() < 1) {
                    problems.add("desiredSize", args.desiredSize(), "minSize/maxSize", args.minSize() + "/" + args.maxSize(),
                            "need 0 <= minSize <= desiredSize <= maxSize and maxSize >= 1");
                }
                if (args.rootVolumeGiB() < 20 || args.rootVolumeGiB() > 16_384) {
                    problems.add("rootVolumeGiB", args.rootVolumeGiB(), "must be from 20 to 16384 (EBS gp3 limits)");
                }
            }
            problems.throwIfAny();
            return new Checked(args, clusterName);
        }
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
            this.oidcProviderArn = Output.tuple(AwsFunctions.getPartition(), AwsFunctions.getCallerIdentity(), oidcIssuer)
                    .applyValue(t -> TrustPolicy.oidcProviderArn(t.t1.partition(), t.t2.accountId(), t.t3));
        }
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
     * The cluster from AWS provider resources: its service role, the control plane in the private
     * subnets (API endpoint private, public only when asked; control-plane logs; access entries with
     * the creator as administrator), the IAM OIDC provider of its issuer (IRSA), and a managed node
     * group without public IPs from a launch template whose root volume is an encrypted gp3 volume and
     * whose instances require IMDSv2 and join the cluster security group plus the given node security
     * group (the one the file systems and the cache admit).
     */
    private Created create(String name, String clusterName, EksClusterArgs args) {
        Map<String, String> tags = Tags.of(args.tags(), "cluster", "eks");
        Role clusterRole = new Role(name + "-cluster", RoleArgs.builder()
                .description("EKS control plane of " + clusterName)
                .assumeRolePolicy(servicePrincipalTrust("eks.amazonaws.com"))
                .tags(tags)
                .build(), Children.of(this));
        List<Resource> clusterPolicies = attach(name + "-cluster", clusterRole, CLUSTER_POLICIES);
        com.pulumi.aws.eks.Cluster cluster = new com.pulumi.aws.eks.Cluster(name, com.pulumi.aws.eks.ClusterArgs.builder()
                .name(clusterName)
                .version(args.version())
                .roleArn(clusterRole.arn())
                .vpcConfig(ClusterVpcConfigArgs.builder()
                        .subnetIds(args.privateSubnetIds())
                        .endpointPrivateAccess(true)
                        .endpointPublicAccess(args.endpointPublicAccess())
                        .build())
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API_AND_CONFIG_MAP")
                        .bootstrapClusterCreatorAdminPermissions(true)
                        .build())
                .enabledClusterLogTypes(LOG_TYPES)
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(clusterPolicies).build());

        OpenIdConnectProvider oidcProvider = new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow()))
                .clientIdLists(Grants.STS_AUDIENCE)
                .tags(tags)
                .build(), Children.of(this));

        Role nodeRole = new Role(name + "-nodes", RoleArgs.builder()
                .description("EKS nodes of " + clusterName)
                .assumeRolePolicy(servicePrincipalTrust("ec2.amazonaws.com"))
                .tags(tags)
                .build(), Children.of(this));
        List<Resource> nodePolicies = attach(name + "-nodes", nodeRole, NODE_POLICIES);
        Output<List<String>> nodeGroups = cluster.vpcConfig().applyValue(vpc -> {
            List<String> groups = new java.util.ArrayList<>();
            vpc.clusterSecurityGroupId().ifPresent(groups::add);
            args.nodeSecurityGroupId().ifPresent(groups::add);
            return groups;
        });
        LaunchTemplate template = new LaunchTemplate(name + "-nodes", LaunchTemplateArgs.builder()
                .description("Nodes of " + clusterName + ": encrypted gp3 root volume, IMDSv2")
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(ROOT_DEVICE)
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .encrypted("true")
                                .volumeType("gp3")
                                .volumeSize(args.rootVolumeGiB())
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        .httpPutResponseHopLimit(2)
                        .build())
                .vpcSecurityGroupIds(nodeGroups)
                .tags(tags)
                .build(), Children.of(this));
        List<Resource> nodeDependencies = new java.util.ArrayList<>(nodePolicies);
        new NodeGroup(name + "-nodes", NodeGroupArgs.builder()
                .clusterName(cluster.name())
                .nodeRoleArn(nodeRole.arn())
                .subnetIds(args.privateSubnetIds())
                .amiType(AMI_TYPE)
                .instanceTypes(args.instanceType())
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .desiredSize(args.desiredSize())
                        .minSize(args.minSize())
                        .maxSize(args.maxSize())
                        .build())
                .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                        .id(template.id())
                        .version(template.latestVersion().applyValue(String::valueOf))
                        .build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(nodeDependencies).build());
        return new Created(cluster, oidcProvider);
    }

    private List<Resource> attach(String prefix, Role role, List<String> policies) {
        List<Resource> attachments = new java.util.ArrayList<>();
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

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
import com.pulumi.eks.Cluster;
import com.pulumi.eks.ClusterArgs;
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
 *   <li><b>create</b>: a pulumi-eks cluster in the given VPC and private subnets, with an IAM OIDC
 *       provider (for IRSA), control-plane logs, a default node group without public IPs whose root
 *       volumes are encrypted (pulumi-eks leaves them unencrypted by default), and a private API
 *       endpoint (public only when asked);</li>
 *   <li><b>adopt</b>: an existing cluster, by name.</li>
 * </ul>
 * Either way the endpoint, certificate authority and OIDC issuer are looked up through
 * {@code aws:eks/getCluster} (after creation, for a created cluster), the OIDC provider ARN is
 * {@code arn:<partition>:iam::<account>:oidc-provider/<issuer without https://>}, and the Kubernetes
 * provider {@code <name>-k8s} authenticates with {@code aws eks get-token}: no credentials are stored.
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

        var lookupOptions = new InvokeOutputOptions.Builder().parent(this);
        if (args.create()) {
            Cluster cluster = new Cluster(name, ClusterArgs.builder()
                    .name(clusterName)
                    .version(args.version())
                    .vpcId(args.vpcId().orElseThrow())
                    .privateSubnetIds(args.privateSubnetIds())
                    .nodeAssociatePublicIpAddress(false)
                    .endpointPrivateAccess(true)
                    .endpointPublicAccess(args.endpointPublicAccess())
                    .createOidcProvider(true)
                    .enabledClusterLogTypes(LOG_TYPES)
                    .instanceType(args.instanceType())
                    .desiredCapacity(args.desiredSize())
                    .minSize(args.minSize())
                    .maxSize(args.maxSize())
                    .nodeRootVolumeSize(args.rootVolumeGiB())
                    .nodeRootVolumeEncrypted(true)
                    .nodeRootVolumeType("gp3")
                    .tags(Tags.of(args.tags(), "cluster", "eks"))
                    .build(), ComponentResourceOptions.builder().parent(this).build());
            // Look the cluster up only once it exists.
            lookupOptions.dependsOn(cluster);
        }
        Output<GetClusterResult> found = EksFunctions.getCluster(GetClusterArgs.builder().name(clusterName).build(),
                lookupOptions.build());

        this.clusterName = found.applyValue(GetClusterResult::name);
        this.endpoint = found.applyValue(GetClusterResult::endpoint);
        this.certificateAuthority = found.applyValue(c -> c.certificateAuthorities().get(0).data());
        this.oidcIssuer = found.applyValue(c -> c.identities().get(0).oidcs().get(0).issuer());
        this.oidcProviderArn = Output.tuple(AwsFunctions.getPartition(), AwsFunctions.getCallerIdentity(), oidcIssuer)
                .applyValue(t -> TrustPolicy.oidcProviderArn(t.t1.partition(), t.t2.accountId(), t.t3));
        this.kubeconfig = Output.tuple(this.clusterName, endpoint, certificateAuthority, AwsFunctions.getRegion())
                .applyValue(t -> kubeconfig(t.t1, t.t2, t.t3, t.t4.name()));
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("clusterName", this.clusterName, "endpoint", endpoint,
                "certificateAuthority", certificateAuthority, "oidcIssuer", oidcIssuer,
                "oidcProviderArn", oidcProviderArn, "kubeconfig", kubeconfig));
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
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", endpoint);
        cluster.put("certificate-authority-data", certificateAuthority);
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
        exec.put("command", "aws");
        exec.put("args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(Map.of("name", clusterName, "cluster", cluster)));
        config.put("contexts", List.of(Map.of("name", clusterName,
                "context", Map.of("cluster", clusterName, "user", clusterName))));
        config.put("current-context", clusterName);
        config.put("users", List.of(Map.of("name", clusterName, "user", Map.of("exec", exec))));
        return GSON.toJson(config);
    }
}

package dev.strata.cluster;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.KnownValue;
import dev.strata.core.NetworkRules;
import dev.strata.core.OneOf;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Arguments of {@link EksCluster}. Every default is the safe one. */
public final class EksClusterArgs extends ResourceArgs {
    /** Create the cluster (true) or adopt an existing one by {@code clusterName} (false). Default: true. */
    @Import(name = "create")
    @Nullable
    private Boolean create;

    /** The EKS cluster's name. Required to adopt; default when creating: the component's name. */
    @Import(name = "clusterName")
    @Nullable
    private String clusterName;

    /** Kubernetes version of a created cluster. Default: {@value EksCluster#DEFAULT_VERSION}. */
    @Import(name = "version")
    @Nullable
    private String version;

    /**
     * The VPC of a created cluster: checked, and documents where the subnets are (EKS takes the VPC from
     * the subnets). Required to create.
     */
    @Import(name = "vpcId")
    @Nullable
    private Output<String> vpcId;

    /**
     * Private subnets of a created cluster's control plane ENIs and nodes. Required to create, at least
     * one, no duplicates (checked when known: {@link dev.strata.core.KnownValue}).
     */
    @Import(name = "privateSubnetIds")
    @Nullable
    private Output<List<String>> privateSubnetIds;

    /**
     * An existing security group the created cluster's nodes also join: the one the file systems and
     * the cache admit ({@code strata:network.nodeSecurityGroupId}). Default: none.
     */
    @Import(name = "nodeSecurityGroupId")
    @Nullable
    private Output<String> nodeSecurityGroupId;

    /**
     * Also serve the API on a public endpoint. Default: false (private only). A public endpoint needs
     * {@code publicAccessCidrs}: without them EKS admits every address (0.0.0.0/0).
     */
    @Import(name = "endpointPublicAccess")
    @Nullable
    private Boolean endpointPublicAccess;

    /**
     * The IPv4 CIDR blocks that may reach the public endpoint (the operators' and CI's addresses).
     * Required with {@code endpointPublicAccess}, refused without it; never a {@code /0}. Default: none.
     */
    @Import(name = "publicAccessCidrs")
    @Nullable
    private List<String> publicAccessCidrs;

    /**
     * ARN of the customer-managed KMS key that envelope-encrypts the created cluster's Kubernetes
     * secrets (symmetric, same region; {@code EncryptionKey} with service {@code eks}). Required to create.
     */
    @Import(name = "secretsKeyArn")
    @Nullable
    private Output<String> secretsKeyArn;

    /**
     * Days CloudWatch keeps the created cluster's control-plane logs (log group
     * {@code /aws/eks/<cluster>/cluster}); one of CloudWatch's retention values. Default:
     * {@value EksCluster#DEFAULT_LOG_RETENTION_DAYS}.
     */
    @Import(name = "logRetentionDays")
    @Nullable
    private Integer logRetentionDays;

    /** Pinned version of the created cluster's {@code vpc-cni} add-on. Default: EKS's default for the Kubernetes version. */
    @Import(name = "vpcCniVersion")
    @Nullable
    private String vpcCniVersion;

    /**
     * The EKS Pod Identity Agent add-on, which the FSx CSI driver add-on requires: {@code create} (Strata
     * installs it) or {@code existing} (an adopted cluster already runs it). Default: {@code create}.
     */
    @OneOf(value = EksAddons.Use.class, spelled = "configValue", schemaName = "AddonUse")
    @Import(name = "podIdentityAgent")
    @Nullable
    private String podIdentityAgent;

    /** Pinned version of the Pod Identity Agent add-on Strata creates. Default: EKS's default for the Kubernetes version. */
    @Import(name = "podIdentityAgentVersion")
    @Nullable
    private String podIdentityAgentVersion;

    /** Instance type of the default node group. Default: {@value EksCluster#DEFAULT_INSTANCE_TYPE}. */
    @Import(name = "instanceType")
    @Nullable
    private String instanceType;

    /** Desired, minimum and maximum node counts. Defaults: 2, 1, 4. */
    @Import(name = "desiredSize")
    @Nullable
    private Integer desiredSize;

    /** Minimum node count of the default node group. Default: {@value #DEFAULT_MIN_SIZE}. */
    @Import(name = "minSize")
    @Nullable
    private Integer minSize;

    /** Maximum node count of the default node group. Default: {@value #DEFAULT_MAX_SIZE}. */
    @Import(name = "maxSize")
    @Nullable
    private Integer maxSize;

    /** Size of each node's (encrypted) root volume in GiB. Default: 100. */
    @Import(name = "rootVolumeGiB")
    @Nullable
    private Integer rootVolumeGiB;

    /**
     * A second managed node group, for inference, whose instance-store NVMe disks nodeadm assembles into a
     * RAID0 array at boot (created clusters only). Default: none.
     */
    @Import(name = "inferenceNodeGroup")
    @Nullable
    private InferenceNodeGroupArgs inferenceNodeGroup;

    /** Tags for the cluster and its resources. */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    public boolean create() {
        return !Boolean.FALSE.equals(create);
    }

    public Optional<String> clusterName() {
        return Optional.ofNullable(clusterName);
    }

    public String version() {
        return Optional.ofNullable(version).orElse(EksCluster.DEFAULT_VERSION);
    }

    public Optional<Output<String>> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    /** The subnets; checked when they resolve if they were not known when the component was built. */
    public Output<List<String>> privateSubnetIds() {
        return privateSubnetIds == null ? Output.of(List.of())
                : KnownValue.checked(privateSubnetIds, (ids, problems) -> NetworkRules.subnetIds("privateSubnetIds", ids, problems));
    }

    /** The nodes' extra security group; checked when it resolves if it was not known when the component was built. */
    public Optional<Output<String>> nodeSecurityGroupId() {
        return Optional.ofNullable(nodeSecurityGroupId).map(group -> KnownValue.checked(group,
                (id, problems) -> NetworkRules.securityGroupId("nodeSecurityGroupId", id, problems)));
    }

    public boolean endpointPublicAccess() {
        return Boolean.TRUE.equals(endpointPublicAccess);
    }

    public List<String> publicAccessCidrs() {
        return Optional.ofNullable(publicAccessCidrs).orElse(List.of());
    }

    @Nullable
    public Output<String> secretsKeyArn() {
        return secretsKeyArn;
    }

    public int logRetentionDays() {
        return Optional.ofNullable(logRetentionDays).orElse(EksCluster.DEFAULT_LOG_RETENTION_DAYS);
    }

    public Optional<String> vpcCniVersion() {
        return Optional.ofNullable(vpcCniVersion);
    }

    /** The raw choice, checked by the component; {@code create} when unset. */
    public String podIdentityAgent() {
        return Optional.ofNullable(podIdentityAgent).orElse(EksAddons.Use.CREATE.configValue());
    }

    public Optional<String> podIdentityAgentVersion() {
        return Optional.ofNullable(podIdentityAgentVersion);
    }

    /** The general node group's size and root volume when not set: two nodes, one to four, 100 GiB. */
    public static final int DEFAULT_DESIRED_SIZE = 2;
    public static final int DEFAULT_MIN_SIZE = 1;
    public static final int DEFAULT_MAX_SIZE = 4;
    public static final int DEFAULT_ROOT_VOLUME_GIB = 100;

    public String instanceType() {
        return Optional.ofNullable(instanceType).orElse(EksCluster.DEFAULT_INSTANCE_TYPE);
    }

    public int desiredSize() {
        return Optional.ofNullable(desiredSize).orElse(DEFAULT_DESIRED_SIZE);
    }

    public int minSize() {
        return Optional.ofNullable(minSize).orElse(DEFAULT_MIN_SIZE);
    }

    public int maxSize() {
        return Optional.ofNullable(maxSize).orElse(DEFAULT_MAX_SIZE);
    }

    public int rootVolumeGiB() {
        return Optional.ofNullable(rootVolumeGiB).orElse(DEFAULT_ROOT_VOLUME_GIB);
    }

    public Optional<InferenceNodeGroupArgs> inferenceNodeGroup() {
        return Optional.ofNullable(inferenceNodeGroup);
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final EksClusterArgs args = new EksClusterArgs();

        public Builder create(boolean create) {
            args.create = create;
            return this;
        }

        public Builder clusterName(@Nullable String name) {
            args.clusterName = name;
            return this;
        }

        public Builder version(String version) {
            args.version = version;
            return this;
        }

        public Builder vpcId(@Nullable Output<String> vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        public Builder vpcId(@Nullable String vpcId) {
            return vpcId(vpcId == null ? null : Output.of(vpcId));
        }

        public Builder privateSubnetIds(Output<List<String>> subnetIds) {
            args.privateSubnetIds = subnetIds;
            return this;
        }

        public Builder privateSubnetIds(List<String> subnetIds) {
            return privateSubnetIds(Output.of(List.copyOf(subnetIds)));
        }

        public Builder nodeSecurityGroupId(@Nullable Output<String> groupId) {
            args.nodeSecurityGroupId = groupId;
            return this;
        }

        public Builder nodeSecurityGroupId(@Nullable String groupId) {
            return nodeSecurityGroupId(groupId == null ? null : Output.of(groupId));
        }

        public Builder endpointPublicAccess(boolean publicAccess) {
            args.endpointPublicAccess = publicAccess;
            return this;
        }

        public Builder publicAccessCidrs(List<String> cidrs) {
            args.publicAccessCidrs = List.copyOf(cidrs);
            return this;
        }

        public Builder secretsKeyArn(Output<String> keyArn) {
            args.secretsKeyArn = keyArn;
            return this;
        }

        public Builder logRetentionDays(int days) {
            args.logRetentionDays = days;
            return this;
        }

        public Builder vpcCniVersion(@Nullable String version) {
            args.vpcCniVersion = version;
            return this;
        }

        public Builder podIdentityAgent(String use) {
            args.podIdentityAgent = use;
            return this;
        }

        public Builder podIdentityAgentVersion(@Nullable String version) {
            args.podIdentityAgentVersion = version;
            return this;
        }

        public Builder instanceType(String instanceType) {
            args.instanceType = instanceType;
            return this;
        }

        public Builder desiredSize(int size) {
            args.desiredSize = size;
            return this;
        }

        public Builder minSize(int size) {
            args.minSize = size;
            return this;
        }

        public Builder maxSize(int size) {
            args.maxSize = size;
            return this;
        }

        public Builder rootVolumeGiB(int gib) {
            args.rootVolumeGiB = gib;
            return this;
        }

        public Builder inferenceNodeGroup(@Nullable InferenceNodeGroupArgs group) {
            args.inferenceNodeGroup = group;
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public EksClusterArgs build() {
            return args;
        }
    }
}

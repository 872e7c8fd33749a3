package dev.strata.cluster;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

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
    private String vpcId;

    /** Private subnets of a created cluster's control plane ENIs and nodes. Required to create. */
    @Import(name = "privateSubnetIds")
    @Nullable
    private List<String> privateSubnetIds;

    /**
     * An existing security group the created cluster's nodes also join: the one the file systems and
     * the cache admit ({@code strata:network.nodeSecurityGroupId}). Default: none.
     */
    @Import(name = "nodeSecurityGroupId")
    @Nullable
    private String nodeSecurityGroupId;

    /** Also serve the API on a public endpoint. Default: false (private only). */
    @Import(name = "endpointPublicAccess")
    @Nullable
    private Boolean endpointPublicAccess;

    /** Instance type of the default node group. Default: {@value EksCluster#DEFAULT_INSTANCE_TYPE}. */
    @Import(name = "instanceType")
    @Nullable
    private String instanceType;

    /** Desired, minimum and maximum node counts. Defaults: 2, 1, 4. */
    @Import(name = "desiredSize")
    @Nullable
    private Integer desiredSize;

    @Import(name = "minSize")
    @Nullable
    private Integer minSize;

    @Import(name = "maxSize")
    @Nullable
    private Integer maxSize;

    /** Size of each node's (encrypted) root volume in GiB. Default: 100. */
    @Import(name = "rootVolumeGiB")
    @Nullable
    private Integer rootVolumeGiB;

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

    public Optional<String> vpcId() {
        return Optional.ofNullable(vpcId);
    }

    public List<String> privateSubnetIds() {
        return Optional.ofNullable(privateSubnetIds).orElse(List.of());
    }

    public Optional<String> nodeSecurityGroupId() {
        return Optional.ofNullable(nodeSecurityGroupId);
    }

    public boolean endpointPublicAccess() {
        return Boolean.TRUE.equals(endpointPublicAccess);
    }

    public String instanceType() {
        return Optional.ofNullable(instanceType).orElse(EksCluster.DEFAULT_INSTANCE_TYPE);
    }

    public int desiredSize() {
        return Optional.ofNullable(desiredSize).orElse(2);
    }

    public int minSize() {
        return Optional.ofNullable(minSize).orElse(1);
    }

    public int maxSize() {
        return Optional.ofNullable(maxSize).orElse(4);
    }

    public int rootVolumeGiB() {
        return Optional.ofNullable(rootVolumeGiB).orElse(100);
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

        public Builder vpcId(@Nullable String vpcId) {
            args.vpcId = vpcId;
            return this;
        }

        public Builder privateSubnetIds(List<String> subnetIds) {
            args.privateSubnetIds = List.copyOf(subnetIds);
            return this;
        }

        public Builder nodeSecurityGroupId(@Nullable String groupId) {
            args.nodeSecurityGroupId = groupId;
            return this;
        }

        public Builder endpointPublicAccess(boolean publicAccess) {
            args.endpointPublicAccess = publicAccess;
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

        public Builder tags(Map<String, String> tags) {
            args.tags = Map.copyOf(tags);
            return this;
        }

        public EksClusterArgs build() {
            return args;
        }
    }
}

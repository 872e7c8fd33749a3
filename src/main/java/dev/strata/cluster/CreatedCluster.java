package dev.strata.cluster;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.core.Children;
import dev.strata.core.Tags;
import dev.strata.security.Grants;
import dev.strata.security.TrustPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster {@link EksCluster} creates, and its IAM OIDC provider: the AWS provider resources of the
 * control plane, its roles, control-plane log group, VPC CNI add-on and node groups, all children of
 * the {@code EksCluster} component.
 */
record CreatedCluster(com.pulumi.aws.eks.Cluster cluster, OpenIdConnectProvider oidcProvider) {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

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
    static CreatedCluster create(ComponentResource parent, String name, String clusterName, EksClusterArgs args) {
        Map<String, String> tags = Tags.of(args.tags(), "cluster", "eks");
        Role clusterRole = new Role(name + "-cluster", RoleArgs.builder()
                .description("EKS control plane of " + clusterName)
                .assumeRolePolicy(servicePrincipalTrust("eks.amazonaws.com"))
                .tags(tags)
                .build(), Children.of(parent));
        List<Resource> clusterDependencies = new ArrayList<>(attach(parent, name + "-cluster", clusterRole, EksCluster.CLUSTER_POLICIES));
        // The control-plane log group, created before the cluster so that EKS writes into it rather than
        // create one that keeps its events forever (the pulumi-aws eks.Cluster "Enabling Control Plane
        // Logging" example: https://www.pulumi.com/registry/packages/aws/api-docs/eks/cluster/).
        clusterDependencies.add(new LogGroup(name + "-control-plane", LogGroupArgs.builder()
                .name(EksCluster.controlPlaneLogGroup(clusterName))
                .retentionInDays(args.logRetentionDays())
                .tags(tags)
                .build(), Children.of(parent)));
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
                        .resources(EksCluster.ENCRYPTED_RESOURCES)
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(args.secretsKeyArn()).build())
                        .build())
                .enabledClusterLogTypes(EksCluster.LOG_TYPES)
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(clusterDependencies).build());

        Output<String> issuer = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElseThrow());
        OpenIdConnectProvider oidcProvider = new OpenIdConnectProvider(name + "-oidc", OpenIdConnectProviderArgs.builder()
                .url(issuer)
                .clientIdLists(Grants.STS_AUDIENCE)
                .tags(tags)
                .build(), Children.of(parent));

        // The VPC CNI on its own IRSA role, created before the nodes: the node role no longer carries the
        // CNI policy, so the nodes' aws-node pods get their permissions only from this add-on's role. The
        // add-on takes over the self-managed aws-node EKS installs at creation (OVERWRITE), and needs the
        // OIDC provider and the role first (https://docs.aws.amazon.com/eks/latest/userguide/vpc-add-on-create.html).
        Role cniRole = new Role(name + "-vpc-cni", RoleArgs.builder()
                .description("VPC CNI of " + clusterName + " (IRSA: " + CsiDriver.NAMESPACE + "/" + EksAddons.VPC_CNI_SERVICE_ACCOUNT + ")")
                .assumeRolePolicy(Output.tuple(oidcProvider.arn(), issuer).applyValue(t -> TrustPolicy.json(t.t1, t.t2,
                        List.of(TrustPolicy.subject(CsiDriver.NAMESPACE, EksAddons.VPC_CNI_SERVICE_ACCOUNT)))))
                .tags(tags)
                .build(), Children.of(parent));
        Addon cni = EksAddons.addon(parent, name + "-vpc-cni", cluster.name(), EksAddons.VPC_CNI, args.vpcCniVersion(), cniRole.arn(), tags,
                attach(parent, name + "-vpc-cni", cniRole, EksCluster.CNI_POLICIES));

        Role nodeRole = new Role(name + "-nodes", RoleArgs.builder()
                .description("EKS nodes of " + clusterName)
                .assumeRolePolicy(servicePrincipalTrust("ec2.amazonaws.com"))
                .tags(tags)
                .build(), Children.of(parent));
        List<Resource> nodePolicies = attach(parent, name + "-nodes", nodeRole, EksCluster.NODE_POLICIES);
        Output<List<String>> nodeGroups = Output.tuple(cluster.vpcConfig(), args.nodeSecurityGroupId().orElse(Output.ofNullable(null)))
                .applyValue(t -> {
                    List<String> groups = new ArrayList<>();
                    t.t1.clusterSecurityGroupId().ifPresent(groups::add);
                    Optional.ofNullable(t.t2).ifPresent(groups::add);
                    return groups;
                });
        List<Resource> nodeDependencies = new ArrayList<>(nodePolicies);
        nodeDependencies.add(cni);
        HardenedNodeGroup.Shared nodes = new HardenedNodeGroup.Shared(parent, cluster, nodeRole, nodeGroups, args.privateSubnetIds(), tags, nodeDependencies);
        HardenedNodeGroup.create(name + "-nodes", "Nodes of " + clusterName + ": encrypted gp3 root volume, IMDSv2 on the node only",
                EksCluster.AMI_TYPE, List.of(args.instanceType()), args.desiredSize(), args.minSize(), args.maxSize(), args.rootVolumeGiB(),
                Map.of(), Map.of(), null, nodes);
        args.inferenceNodeGroup().ifPresent(group -> HardenedNodeGroup.create(name + "-inference-nodes",
                "Inference nodes of " + clusterName + ": instance-store NVMe in RAID0 (nodeadm), encrypted gp3 root volume, "
                        + "IMDSv2 on the node only",
                group.amiType(), group.instanceTypes(), group.desiredSize(), group.minSize(), group.maxSize(), group.rootVolumeGiB(),
                group.labels(), group.taints(), NodeUserData.base64(group.bootScript().orElse(null)), nodes));
        return new CreatedCluster(cluster, oidcProvider);
    }

    private static List<Resource> attach(ComponentResource parent, String prefix, Role role, List<String> policies) {
        List<Resource> attachments = new ArrayList<>();
        for (String policy : policies) {
            attachments.add(new RolePolicyAttachment(prefix + "-" + policy, RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(AwsFunctions.getPartition().applyValue(p -> "arn:" + p.partition() + ":iam::aws:policy/" + policy))
                    .build(), Children.of(parent)));
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
}

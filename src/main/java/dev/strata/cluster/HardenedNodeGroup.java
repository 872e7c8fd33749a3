package dev.strata.cluster;

import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.core.Children;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/** The managed node groups of a cluster {@link EksCluster} creates, each with its hardened launch template. */
final class HardenedNodeGroup {
    private HardenedNodeGroup() {
    }

    /**
     * What every node group of a created cluster shares: the component it belongs to, its cluster, node role,
     * security groups, subnets, tags and what it waits for.
     */
    record Shared(ComponentResource parent, com.pulumi.aws.eks.Cluster cluster, Role nodeRole, Output<List<String>> securityGroups,
                  Output<List<String>> subnetIds, Map<String, String> tags, List<Resource> dependsOn) {
    }

    /**
     * A managed node group and its launch template, hardened the same way for every group: an encrypted
     * gp3 root volume, IMDSv2 required with hop limit {@value EksCluster#IMDS_HOP_LIMIT}, the cluster security group
     * plus the node security group, no public IP (private subnets). Labels, taints (effect NoSchedule) and
     * user data only when given, so that the general group's inputs stay as they were.
     */
    static NodeGroup create(String resourceName, String description, String amiType, List<String> instanceTypes,
                         int desired, int min, int max, int rootVolumeGiB, Map<String, String> labels,
                         Map<String, String> taints, @Nullable String userData, Shared shared) {
        LaunchTemplateArgs.Builder template = LaunchTemplateArgs.builder()
                .description(description)
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(EksCluster.ROOT_DEVICE)
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
                        .httpPutResponseHopLimit(EksCluster.IMDS_HOP_LIMIT)
                        .build())
                .vpcSecurityGroupIds(shared.securityGroups())
                .tags(shared.tags());
        if (userData != null) {
            template.userData(userData);
        }
        LaunchTemplate launchTemplate = new LaunchTemplate(resourceName, template.build(), Children.of(shared.parent()));
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
                CustomResourceOptions.builder().parent(shared.parent()).dependsOn(shared.dependsOn()).build());
    }
}

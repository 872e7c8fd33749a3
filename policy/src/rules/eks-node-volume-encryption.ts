import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
const EKS_COMPONENT_CLUSTER = "eks:index:Cluster";
const EKS_COMPONENT_MANAGED_NODE_GROUP = "eks:index:ManagedNodeGroup";

/**
 * Node volumes (root and NVMe-backed cache spill) are encrypted. A launch template encrypts every EBS
 * mapping (pulumi-aws types `encrypted` as the string "true"); a managed node group uses such a
 * template, since without one its disks follow the account's EBS default; pulumi-eks's default
 * node group sets nodeRootVolumeEncrypted.
 */
export const policy: ResourceValidationPolicy = {
    name: "eks-node-volume-encryption",
    description: "Checks whether every EKS node volume is encrypted: launch template EBS mappings, managed node groups and pulumi-eks default node groups.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === LAUNCH_TEMPLATE) {
            const mappings = known(() => args.props.blockDeviceMappings);
            if (mappings === UNKNOWN) {
                return;
            }
            const ebs = (Array.isArray(mappings) ? mappings : []).map((m: any) => m?.ebs).filter((e: any) => e);
            if (ebs.length === 0 || ebs.some((e: any) => !(e.encrypted === "true" || e.encrypted === true))) {
                reportViolation(`${label(args)} must map its EBS volumes with encrypted "true".`);
            }
        } else if (args.type === NODE_GROUP || args.type === EKS_COMPONENT_MANAGED_NODE_GROUP) {
            const template = known(() => args.props.launchTemplate);
            if (template !== UNKNOWN && !template) {
                reportViolation(`${label(args)} must use a launch template with encrypted EBS volumes.`);
            }
        } else if (args.type === EKS_COMPONENT_CLUSTER) {
            const skip = known(() => args.props.skipDefaultNodeGroup);
            const encrypted = known(() => args.props.nodeRootVolumeEncrypted ?? args.props.encryptRootBlockDevice);
            if (skip === UNKNOWN || encrypted === UNKNOWN || skip === true) {
                return;
            }
            if (encrypted !== true) {
                reportViolation(`${label(args)} must set nodeRootVolumeEncrypted true or skipDefaultNodeGroup true.`);
            }
        }
    },
};

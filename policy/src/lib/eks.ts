import type { PolicyResource } from "@pulumi/policy";
import { known, UNKNOWN } from "./known";

export const CLUSTER = "aws:eks/cluster:Cluster";
export const ADDON = "aws:eks/addon:Addon";
export const NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
export const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
export const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
/** pulumi-eks's component: offline its children are not planned, so its own inputs are checked. */
export const EKS_COMPONENT_CLUSTER = "eks:index:Cluster";

/** The EKS name of a cluster the stack creates (its `name` input), or UNKNOWN/undefined. */
export function clusterName(cluster: PolicyResource): string | typeof UNKNOWN | undefined {
    const name = known(() => cluster.props.name);
    return name === UNKNOWN ? UNKNOWN : (typeof name === "string" ? name : undefined);
}

/** The add-ons of the plan on the EKS cluster named `name` (matched by the add-on's `clusterName`). */
export function addonsOf(resources: PolicyResource[], name: string): PolicyResource[] {
    return resources.filter(r => r.type === ADDON && known(() => r.props.clusterName) === name);
}

/** An add-on's EKS name (e.g. `vpc-cni`), or undefined when unknown. */
export function addonName(addon: PolicyResource): string | undefined {
    const name = known(() => addon.props.addonName);
    return typeof name === "string" ? name : undefined;
}

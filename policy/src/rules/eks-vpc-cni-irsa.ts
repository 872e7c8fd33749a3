import type { StackValidationPolicy } from "@pulumi/policy";
import { addonName, addonsOf, CLUSTER, clusterName, NODE_GROUP } from "../lib/eks";
import { ROLE } from "../lib/iam";
import { known, UNKNOWN } from "../lib/known";
import { parsePolicy } from "../lib/policy-document";
import { label, ofType, referring } from "../lib/resources";

const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const CNI_POLICY = /:policy\/AmazonEKS_CNI_Policy$/;

/** True when a role's trust policy lets EC2 assume it (an instance role: the nodes'). */
function ec2Assumes(role: { props: Record<string, any> }): boolean | typeof UNKNOWN {
    const statements = parsePolicy(() => role.props.assumeRolePolicy);
    if (statements === UNKNOWN) {
        return UNKNOWN;
    }
    return statements.some(s => s.effect === "Allow" && JSON.stringify(s.principal ?? "").includes("ec2.amazonaws.com"));
}

/**
 * The VPC CNI runs on its own IRSA role: the `vpc-cni` add-on of every created cluster with nodes
 * names a serviceAccountRoleArn, and no role EC2 assumes carries AmazonEKS_CNI_Policy
 * (https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html,
 * https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html).
 */
export const policy: StackValidationPolicy = {
    name: "eks-vpc-cni-irsa",
    description: "Checks whether the VPC CNI runs on its own IRSA role: each created cluster with nodes has a vpc-cni add-on with serviceAccountRoleArn, and no EC2 (node) role carries AmazonEKS_CNI_Policy.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const role of ofType(args, ROLE)) {
            const instanceRole = ec2Assumes(role);
            if (instanceRole !== true) {
                continue;
            }
            const managed = known(() => role.props.managedPolicyArns);
            const attached = referring(args, role, ATTACHMENT, "role").map(a => known(() => a.props.policyArn));
            const arns = [...(Array.isArray(managed) ? managed : []), ...attached];
            if (arns.some(arn => typeof arn === "string" && CNI_POLICY.test(arn))) {
                reportViolation(`${label(role)} must not carry AmazonEKS_CNI_Policy: the VPC CNI must get it from its own IRSA role (the vpc-cni add-on's serviceAccountRoleArn).`, role.urn);
            }
        }
        for (const cluster of ofType(args, CLUSTER)) {
            const name = clusterName(cluster);
            if (name === UNKNOWN || name === undefined) {
                continue;
            }
            const nodes = args.resources.filter(r => r.type === NODE_GROUP && known(() => r.props.clusterName) === name);
            if (nodes.length === 0) {
                continue;
            }
            const cni = addonsOf(args.resources, name).filter(a => addonName(a) === "vpc-cni");
            const roles = cni.map(a => known(() => a.props.serviceAccountRoleArn));
            if (roles.includes(UNKNOWN)) {
                continue;
            }
            if (!roles.some(arn => typeof arn === "string" && arn !== "")) {
                reportViolation(`${label(cluster)} must run the vpc-cni add-on on its own IRSA role (serviceAccountRoleArn).`, cluster.urn);
            }
        }
    },
};

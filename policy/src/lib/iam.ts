import type { ResourceValidationArgs } from "@pulumi/policy";
import { known, UNKNOWN, Unknown } from "./known";
import { parsePolicy, Statement } from "./policy-document";

export const ROLE = "aws:iam/role:Role";

/** Resources whose `policy` input is an IAM identity policy (not a key, bucket or file-system policy). */
const IDENTITY_POLICY_TYPES = [
    "aws:iam/policy:Policy",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:iam/userPolicy:UserPolicy",
    "aws:iam/groupPolicy:GroupPolicy",
];

/** The IAM identity policies a resource carries: its `policy`, or a role's inline policies. */
export function identityPolicies(args: ResourceValidationArgs): Array<Statement[] | Unknown> {
    if (IDENTITY_POLICY_TYPES.includes(args.type)) {
        return [parsePolicy(() => args.props.policy)];
    }
    if (args.type === ROLE) {
        const inline = known(() => args.props.inlinePolicies);
        if (inline === UNKNOWN) {
            return [UNKNOWN];
        }
        return (Array.isArray(inline) ? inline : []).map((p: any) => parsePolicy(() => p?.policy));
    }
    return [];
}

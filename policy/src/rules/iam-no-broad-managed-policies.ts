import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { ROLE } from "../lib/iam";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

const ATTACHMENT_TYPES = [
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    "aws:iam/policyAttachment:PolicyAttachment",
];

const configSchema = {
    properties: {
        deniedPolicyNames: {
            type: "array" as const, items: { type: "string" as const },
            default: ["AdministratorAccess", "PowerUserAccess", "IAMFullAccess"],
            description: "AWS managed policy names that grant far more than a workload needs.",
        },
        denyFullAccess: {
            type: "boolean" as const, default: true,
            description: "Also deny every AWS managed policy whose name ends in FullAccess (AmazonS3FullAccess, ...).",
        },
    },
};

/** AWS managed policies that grant whole services or the account are never attached. */
export const policy: ResourceValidationPolicy = {
    name: "iam-no-broad-managed-policies",
    description: "Checks whether no IAM role, user or group is attached AdministratorAccess, PowerUserAccess, IAMFullAccess or a *FullAccess AWS managed policy.",
    enforcementLevel: "mandatory",
    configSchema,
    validateResource: (args, reportViolation) => {
        let arns: unknown[];
        if (ATTACHMENT_TYPES.includes(args.type)) {
            arns = [known(() => args.props.policyArn)];
        } else if (args.type === ROLE) {
            const managed = known(() => args.props.managedPolicyArns);
            arns = managed === UNKNOWN ? [] : Array.isArray(managed) ? [...managed] : [];
        } else {
            return;
        }
        const config = configOf<{ deniedPolicyNames: string[]; denyFullAccess: boolean }>(configSchema, args.getConfig());
        for (const arn of arns) {
            if (typeof arn !== "string") {
                continue;
            }
            const match = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn);
            if (!match) {
                continue; // a customer-managed policy: the wildcard rules judge its document
            }
            const name = match[1];
            if (config.deniedPolicyNames.includes(name) || (config.denyFullAccess && name.endsWith("FullAccess"))) {
                reportViolation(`${label(args)} must be attached a least-privilege policy, not the AWS managed ${name}.`);
            }
        }
    },
};

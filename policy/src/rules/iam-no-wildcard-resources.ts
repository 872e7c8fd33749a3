import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { identityPolicies } from "../lib/iam";
import { UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

/**
 * Actions that support no resource-level permission (or that the EBS, EFS and FSx CSI drivers and
 * workloads need account-wide, as AWS's own driver policies grant them), so `Resource: "*"` is the
 * only way to allow them. See the "Resource types" column of the Service Authorization Reference.
 */
export const DEFAULT_UNSCOPABLE_ACTIONS = [
    "sts:GetCallerIdentity",
    "ec2:DescribeAvailabilityZones", "ec2:DescribeInstances", "ec2:DescribeSnapshots", "ec2:DescribeTags",
    "ec2:DescribeVolumes", "ec2:DescribeVolumesModifications", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
    "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
    "elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeMountTargets",
    "fsx:DescribeFileSystems",
    "s3:ListAllMyBuckets",
    "kms:ListAliases", "kms:ListKeys",
    "ecr:GetAuthorizationToken",
];

const configSchema = {
    properties: {
        allowedActions: {
            type: "array" as const, items: { type: "string" as const }, default: DEFAULT_UNSCOPABLE_ACTIONS,
            description: "Actions that may be allowed on Resource \"*\" because AWS cannot scope them.",
        },
    },
};

/** `Resource: "*"` only for actions AWS cannot scope to a resource. */
export const policy: ResourceValidationPolicy = {
    name: "iam-no-wildcard-resources",
    description: "Checks whether every IAM policy statement allowing Resource \"*\" allows only actions AWS cannot scope to a resource.",
    enforcementLevel: "mandatory",
    configSchema,
    validateResource: (args, reportViolation) => {
        const { allowedActions } = configOf<{ allowedActions: string[] }>(configSchema, args.getConfig());
        const allowed = allowedActions.map(a => a.toLowerCase());
        for (const statements of identityPolicies(args)) {
            if (statements === UNKNOWN) {
                continue;
            }
            for (const s of statements.filter(s => s.effect === "Allow" && s.resources.includes("*"))) {
                const scopable = s.actions.filter(a => !allowed.includes(a.toLowerCase()));
                if (scopable.length > 0 || s.notActions.length > 0) {
                    reportViolation(`${label(args)} statement ${s.sid} must be scoped to resource ARNs for ${scopable.join(", ") || "NotAction"} (Resource "*" is only for actions AWS cannot scope).`);
                }
            }
        }
    },
};

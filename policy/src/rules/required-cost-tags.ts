import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

/** AWS resources that carry a `tags` input and cost money on their own. */
export const TAGGABLE_TYPES = [
    "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket", "aws:kms/key:Key",
    "aws:efs/fileSystem:FileSystem", "aws:fsx/lustreFileSystem:LustreFileSystem",
    "aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/serverlessCache:ServerlessCache",
    "aws:eks/cluster:Cluster", "aws:eks/nodeGroup:NodeGroup", "aws:ec2/launchTemplate:LaunchTemplate",
    "aws:ec2/securityGroup:SecurityGroup", "aws:iam/role:Role", "aws:iam/policy:Policy",
];

const configSchema = {
    properties: {
        requiredTags: {
            type: "array" as const, items: { type: "string" as const },
            default: ["environment", "component", "cost-center", "owner"],
            description: "Tag keys every taggable resource must carry with a non-empty value.",
        },
    },
};

/** Cost-allocation tags let the bill be split by environment, component, cost center and owner. */
export const policy: ResourceValidationPolicy = {
    name: "required-cost-tags",
    description: "Checks whether every taggable AWS resource carries the cost-allocation tags environment, component, cost-center and owner.",
    enforcementLevel: "advisory",
    configSchema,
    validateResource: (args, reportViolation) => {
        if (!TAGGABLE_TYPES.includes(args.type)) {
            return;
        }
        const tags = known(() => args.props.tags);
        if (tags === UNKNOWN) {
            return;
        }
        const { requiredTags } = configOf<{ requiredTags: string[] }>(configSchema, args.getConfig());
        const present = tags && typeof tags === "object" ? tags as Record<string, unknown> : {};
        const missing = requiredTags.filter(key => typeof present[key] !== "string" || present[key] === "");
        if (missing.length > 0) {
            reportViolation(`${label(args)} must be tagged with ${missing.join(", ")} (set strata:tags).`);
        }
    },
};

import type { StackValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { buckets, configurationsOf, LIFECYCLE, tierOf } from "../lib/s3";

const configSchema = {
    properties: {
        exemptTiers: {
            type: "array" as const, items: { type: "string" as const }, default: [] as string[],
            description: "Tier tags of buckets that need no lifecycle (none by default).",
        },
    },
};

/** Every data bucket has a lifecycle configuration with at least one enabled rule besides aborting uploads. */
export const policy: StackValidationPolicy = {
    name: "s3-bucket-lifecycle",
    description: "Checks whether every S3 data bucket has a lifecycle configuration with an enabled transition or expiration rule.",
    enforcementLevel: "mandatory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const { exemptTiers } = configOf<{ exemptTiers: string[] }>(configSchema, args.getConfig());
        for (const bucket of buckets(args)) {
            if (exemptTiers.includes(tierOf(bucket) ?? "")) {
                continue;
            }
            const rules = configurationsOf(args, bucket, LIFECYCLE).map(l => known(() => l.props.rules));
            if (rules.includes(UNKNOWN)) {
                continue;
            }
            const managesData = rules.flatMap(r => Array.isArray(r) ? r : []).some((rule: any) =>
                rule?.status === "Enabled" && (rule.expiration || rule.noncurrentVersionExpiration
                    || (rule.transitions ?? []).length > 0 || (rule.noncurrentVersionTransitions ?? []).length > 0));
            if (!managesData) {
                reportViolation(`${label(bucket)} must have a lifecycle configuration with an enabled transition or expiration rule.`, bucket.urn);
            }
        }
    },
};

import type { StackValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { buckets, configurationsOf, LIFECYCLE } from "../lib/s3";

const configSchema = {
    properties: {
        maximumDays: {
            type: "integer" as const, minimum: 1, default: 7,
            description: "The most days an incomplete multipart upload may be kept (and billed).",
        },
    },
};

/** True when a lifecycle rule's filter covers the whole bucket. */
function wholeBucket(rule: any): boolean {
    const filter = rule.filter;
    if (filter === undefined || filter === null) {
        return rule.prefix === undefined || rule.prefix === "";
    }
    return (filter.prefix === undefined || filter.prefix === "") && filter.and === undefined && filter.tag === undefined
        && filter.objectSizeGreaterThan === undefined && filter.objectSizeLessThan === undefined;
}

/** Every bucket aborts incomplete multipart uploads, whose parts are billed until removed. */
export const policy: StackValidationPolicy = {
    name: "s3-abort-incomplete-multipart-uploads",
    description: "Checks whether every S3 bucket has a lifecycle rule aborting incomplete multipart uploads across the whole bucket within the configured days.",
    enforcementLevel: "mandatory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const { maximumDays } = configOf<{ maximumDays: number }>(configSchema, args.getConfig());
        for (const bucket of buckets(args)) {
            const rules = configurationsOf(args, bucket, LIFECYCLE).map(l => known(() => l.props.rules));
            if (rules.includes(UNKNOWN)) {
                continue;
            }
            const aborts = rules.flatMap(r => Array.isArray(r) ? r : []).some((rule: any) => {
                const days = rule?.abortIncompleteMultipartUpload?.daysAfterInitiation;
                return rule?.status === "Enabled" && typeof days === "number" && days >= 1 && days <= maximumDays && wholeBucket(rule);
            });
            if (!aborts) {
                reportViolation(`${label(bucket)} must have an enabled lifecycle rule aborting incomplete multipart uploads within ${maximumDays} days.`, bucket.urn);
            }
        }
    },
};

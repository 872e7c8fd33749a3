import type { StackValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { buckets, configurationsOf, tierOf, VERSIONING } from "../lib/s3";

const configSchema = {
    properties: {
        modelTierPattern: {
            type: "string" as const, default: "model",
            description: "A regular expression; buckets whose tier tag matches it hold models.",
        },
    },
};

/** Model buckets keep every version: a model overwritten or deleted by mistake can be restored. */
export const policy: StackValidationPolicy = {
    name: "s3-model-bucket-versioning",
    description: "Checks whether every S3 bucket holding models (tier tag matching `model`) has versioning enabled.",
    enforcementLevel: "mandatory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const { modelTierPattern } = configOf<{ modelTierPattern: string }>(configSchema, args.getConfig());
        const pattern = new RegExp(modelTierPattern);
        for (const bucket of buckets(args)) {
            if (!pattern.test(tierOf(bucket) ?? "")) {
                continue;
            }
            const statuses = configurationsOf(args, bucket, VERSIONING).map(v => known(() => v.props.versioningConfiguration?.status));
            if (statuses.includes(UNKNOWN)) {
                continue;
            }
            if (!statuses.includes("Enabled")) {
                reportViolation(`${label(bucket)} must have versioning Enabled.`, bucket.urn);
            }
        }
    },
};

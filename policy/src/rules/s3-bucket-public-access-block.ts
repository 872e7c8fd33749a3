import type { StackValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { buckets, configurationsOf, PUBLIC_ACCESS_BLOCK } from "../lib/s3";

const FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/** Every bucket has a public access block with all four flags on. */
export const policy: StackValidationPolicy = {
    name: "s3-bucket-public-access-block",
    description: "Checks whether every S3 bucket has a public access block with all four flags on.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of buckets(args)) {
            const blocks = configurationsOf(args, bucket, PUBLIC_ACCESS_BLOCK);
            const values = blocks.flatMap(b => FLAGS.map(flag => known(() => b.props[flag])));
            if (values.includes(UNKNOWN)) {
                continue;
            }
            if (blocks.length === 0 || values.some(v => v !== true)) {
                reportViolation(`${label(bucket)} must have a public access block with ${FLAGS.join(", ")} all true.`, bucket.urn);
            }
        }
    },
};

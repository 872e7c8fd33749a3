import type { StackValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { buckets, configurationsOf, OWNERSHIP_CONTROLS } from "../lib/s3";

/** Every bucket disables ACLs: object ownership BucketOwnerEnforced. */
export const policy: StackValidationPolicy = {
    name: "s3-bucket-ownership-enforced",
    description: "Checks whether every S3 bucket has ownership controls set to BucketOwnerEnforced (ACLs disabled).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of buckets(args)) {
            const controls = configurationsOf(args, bucket, OWNERSHIP_CONTROLS);
            const values = controls.map(c => known(() => c.props.rule?.objectOwnership));
            if (values.includes(UNKNOWN)) {
                continue;
            }
            if (values.length === 0 || values.some(v => v !== "BucketOwnerEnforced")) {
                reportViolation(`${label(bucket)} must have object ownership BucketOwnerEnforced.`, bucket.urn);
            }
        }
    },
};

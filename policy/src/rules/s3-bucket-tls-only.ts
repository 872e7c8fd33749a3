import type { StackValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../lib/known";
import { deniesInsecureTransport, parsePolicy, actionCovers } from "../lib/policy-document";
import { label } from "../lib/resources";
import { BUCKET_POLICY, buckets, configurationsOf } from "../lib/s3";

/** Every bucket has a policy that denies every S3 action to every principal over plain HTTP. */
export const policy: StackValidationPolicy = {
    name: "s3-bucket-tls-only",
    description: "Checks whether every S3 bucket has a bucket policy denying all S3 actions when aws:SecureTransport is false.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of buckets(args)) {
            const documents = configurationsOf(args, bucket, BUCKET_POLICY).map(p => parsePolicy(() => p.props.policy));
            if (documents.includes(UNKNOWN)) {
                continue;
            }
            const statements = documents.flatMap(d => d === UNKNOWN ? [] : d);
            const tlsOnly = statements.some(s => deniesInsecureTransport(s) && s.actions.some(a => actionCovers(a, "s3:GetObject") && actionCovers(a, "s3:PutObject")));
            if (!tlsOnly) {
                reportViolation(`${label(bucket)} must have a bucket policy that denies s3:* when aws:SecureTransport is false.`, bucket.urn);
            }
        }
    },
};

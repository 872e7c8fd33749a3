import type { StackValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { isAwsManagedKey } from "../lib/kms";
import { label } from "../lib/resources";
import { ACCESS_LOG_TIER, buckets, configurationsOf, ENCRYPTION, tierOf } from "../lib/s3";

type Verdict = "cmk" | "sse-s3" | "unknown" | "other";

function verdict(rule: any): Verdict {
    const byDefault = known(() => rule?.applyServerSideEncryptionByDefault);
    if (byDefault === UNKNOWN) {
        return "unknown";
    }
    const algorithm = known(() => byDefault?.sseAlgorithm);
    const key = known(() => byDefault?.kmsMasterKeyId);
    const bucketKey = known(() => rule?.bucketKeyEnabled);
    if (algorithm === UNKNOWN || key === UNKNOWN || bucketKey === UNKNOWN) {
        // A key created in the same stack has an unknown ARN in preview: that alone is a customer-managed key.
        return algorithm === UNKNOWN || bucketKey === UNKNOWN ? "unknown"
            : (algorithm === "aws:kms" || algorithm === "aws:kms:dsse") && bucketKey === true ? "cmk" : "other";
    }
    if (algorithm === "AES256" && !key) {
        return "sse-s3";
    }
    if ((algorithm === "aws:kms" || algorithm === "aws:kms:dsse") && typeof key === "string" && key !== ""
        && !isAwsManagedKey(key) && bucketKey === true) {
        return "cmk";
    }
    return "other";
}

/**
 * Every bucket is encrypted with SSE-KMS under a customer-managed key with the S3 bucket key on.
 * The one exception is the access-log bucket (tier tag `access-logs`): S3 server access log delivery
 * supports only SSE-S3 on its destination, so that bucket may, and only it may, use AES256
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
 */
export const policy: StackValidationPolicy = {
    name: "s3-bucket-encryption-cmk",
    description: "Checks whether every S3 bucket is encrypted with SSE-KMS under a customer-managed key and an S3 bucket key (SSE-S3 only for the access-log bucket).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const bucket of buckets(args)) {
            const configurations = configurationsOf(args, bucket, ENCRYPTION);
            const rules = configurations.flatMap(c => {
                const r = known(() => c.props.rules);
                return r === UNKNOWN ? [UNKNOWN] : Array.isArray(r) ? r : [];
            });
            if (rules.some(r => r === UNKNOWN)) {
                continue;
            }
            const verdicts = rules.map(verdict);
            if (verdicts.includes("unknown")) {
                continue;
            }
            const accessLogs = tierOf(bucket) === ACCESS_LOG_TIER;
            const ok = verdicts.length > 0 && verdicts.every(v => v === "cmk" || (accessLogs && v === "sse-s3"));
            if (!ok) {
                reportViolation(accessLogs
                    ? `${label(bucket)} must be encrypted with SSE-S3 (AES256) or SSE-KMS under a customer-managed key with the S3 bucket key on.`
                    : `${label(bucket)} must be encrypted with SSE-KMS under a customer-managed key with the S3 bucket key on.`,
                bucket.urn);
            }
        }
    },
};

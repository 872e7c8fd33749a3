import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { isAwsManagedKey } from "../lib/kms";
import { label } from "../lib/resources";

export const TOPIC = "aws:sns/topic:Topic";

/**
 * Alarm notifications say which storage is in trouble: the topic is encrypted at rest (SNS SSE,
 * https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html) with a customer-managed
 * key. Not the AWS managed alias/aws/sns: its policy cannot be changed, so CloudWatch alarms cannot
 * publish to a topic encrypted with it
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services).
 */
export const policy: ResourceValidationPolicy = {
    name: "sns-topic-encryption-cmk",
    description: "Checks whether every SNS topic is encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== TOPIC) {
            return;
        }
        const key = known(() => args.props.kmsMasterKeyId);
        if (key === UNKNOWN) {
            return;
        }
        if (typeof key !== "string" || key === "" || isAwsManagedKey(key)) {
            reportViolation(`${label(args)} must be encrypted with a customer-managed kmsMasterKeyId.`);
        }
    },
};

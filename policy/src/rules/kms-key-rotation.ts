import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

export const KMS_KEY = "aws:kms/key:Key";

/** Customer-managed keys rotate their key material yearly. */
export const policy: ResourceValidationPolicy = {
    name: "kms-key-rotation",
    description: "Checks whether every customer-managed KMS key has automatic key rotation enabled.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== KMS_KEY) {
            return;
        }
        // Asymmetric and HMAC keys cannot rotate; rotation applies to symmetric encryption keys.
        const spec = known(() => args.props.customerMasterKeySpec);
        if (spec !== UNKNOWN && spec !== undefined && spec !== "SYMMETRIC_DEFAULT") {
            return;
        }
        const rotation = known(() => args.props.enableKeyRotation);
        if (rotation !== UNKNOWN && rotation !== true) {
            reportViolation(`${label(args)} must have enableKeyRotation true.`);
        }
    },
};

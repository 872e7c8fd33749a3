import type { ResourceValidationPolicy } from "@pulumi/policy";
import { FILE_SYSTEM } from "../lib/efs";
import { known, UNKNOWN } from "../lib/known";
import { isAwsManagedKey } from "../lib/kms";
import { label } from "../lib/resources";

/** EFS file systems are encrypted at rest under a customer-managed key (encryption cannot be added later). */
export const policy: ResourceValidationPolicy = {
    name: "efs-encryption-cmk",
    description: "Checks whether every EFS file system is encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== FILE_SYSTEM) {
            return;
        }
        const encrypted = known(() => args.props.encrypted);
        const key = known(() => args.props.kmsKeyId);
        if (encrypted === UNKNOWN) {
            return;
        }
        const cmk = key === UNKNOWN || (typeof key === "string" && key !== "" && !isAwsManagedKey(key));
        if (encrypted !== true || !cmk) {
            reportViolation(`${label(args)} must be encrypted (encrypted true) with a customer-managed kmsKeyId.`);
        }
    },
};

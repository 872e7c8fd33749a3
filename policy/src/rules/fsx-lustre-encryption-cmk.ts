import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DEFAULT_DEPLOYMENT_TYPE, isPersistent, LUSTRE } from "../lib/fsx";
import { known, UNKNOWN } from "../lib/known";
import { isAwsManagedKey } from "../lib/kms";
import { label } from "../lib/resources";

/**
 * Persistent Lustre file systems hold data for months: they are encrypted under a customer-managed
 * key. Scratch file systems are always encrypted with an FSx-managed key and accept no kmsKeyId.
 */
export const policy: ResourceValidationPolicy = {
    name: "fsx-lustre-encryption-cmk",
    description: "Checks whether every persistent FSx for Lustre file system is encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== LUSTRE) {
            return;
        }
        const deploymentType = known(() => args.props.deploymentType ?? DEFAULT_DEPLOYMENT_TYPE);
        const key = known(() => args.props.kmsKeyId);
        if (deploymentType === UNKNOWN || !isPersistent(deploymentType) || key === UNKNOWN) {
            return;
        }
        if (typeof key !== "string" || key === "" || isAwsManagedKey(key)) {
            reportViolation(`${label(args)} (${deploymentType}) must have a customer-managed kmsKeyId.`);
        }
    },
};

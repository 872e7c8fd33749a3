import type { ResourceValidationPolicy } from "@pulumi/policy";
import { reclaimPolicyOf, STORAGE_CLASS } from "../lib/kubernetes";
import { label } from "../lib/resources";

/** Recycle (a deprecated `rm -rf` of the volume for reuse) is never used: data would leak or be lost. */
export const policy: ResourceValidationPolicy = {
    name: "k8s-no-recycle-reclaim",
    description: "Checks whether no StorageClass or PersistentVolume uses the deprecated Recycle reclaim policy.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (reclaimPolicyOf(args.type, args.props) === "Recycle") {
            const key = args.type === STORAGE_CLASS ? "reclaimPolicy" : "spec.persistentVolumeReclaimPolicy";
            reportViolation(`${label(args)} ${key} must be Retain or Delete, not Recycle.`);
        }
    },
};

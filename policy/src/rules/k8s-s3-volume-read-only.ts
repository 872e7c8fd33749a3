import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { PERSISTENT_VOLUME } from "../lib/kubernetes";
import { label } from "../lib/resources";

/** The Mountpoint for Amazon S3 CSI driver (https://github.com/awslabs/mountpoint-s3-csi-driver/blob/main/docs/CONFIGURATION.md). */
export const MOUNTPOINT_DRIVER = "s3.csi.aws.com";

/**
 * Strata mounts S3 only to read it (the model archive for model servers, the datasets prefix for training jobs): a
 * Mountpoint volume is ReadOnlyMany, with which the driver passes --read-only, and carries the read-only mount
 * option itself (https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#file-modifications-and-deletions:
 * "--read-only" forbids all mutating actions). Writes go through the workload identities' own grants, never a mount.
 */
export const policy: ResourceValidationPolicy = {
    name: "k8s-s3-volume-read-only",
    description: "Checks whether every PersistentVolume of the Mountpoint for Amazon S3 CSI driver is read-only (ReadOnlyMany and the read-only mount option).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== PERSISTENT_VOLUME) {
            return;
        }
        const spec = known(() => args.props.spec);
        if (spec === UNKNOWN || known(() => spec?.csi?.driver) !== MOUNTPOINT_DRIVER) {
            return;
        }
        const modes = known(() => spec.accessModes);
        const options = known(() => spec.mountOptions);
        if (modes === UNKNOWN || options === UNKNOWN) {
            return;
        }
        const readOnlyModes = Array.isArray(modes) && modes.length > 0 && modes.every((m: unknown) => m === "ReadOnlyMany");
        const readOnlyOption = Array.isArray(options) && options.some((o: unknown) => typeof o === "string" && o.trim().replace(/^--/, "") === "read-only");
        if (!readOnlyModes || !readOnlyOption) {
            reportViolation(`${label(args)} mounts S3 through Mountpoint, so it must be read-only: accessModes [ReadOnlyMany] and the mount option read-only.`);
        }
    },
};

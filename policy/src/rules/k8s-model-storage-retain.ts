import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { known, UNKNOWN } from "../lib/known";
import { PERSISTENT_VOLUME, reclaimPolicyOf, STORAGE_CLASS } from "../lib/kubernetes";
import { label } from "../lib/resources";

const configSchema = {
    properties: {
        modelPattern: {
            type: "string" as const, default: "model",
            description: "A regular expression; StorageClasses and PersistentVolumes whose name, storage class or `tier` label matches it hold models.",
        },
        cachePattern: {
            type: "string" as const, default: "cache|scratch",
            description: "A regular expression; matching storage is a rebuildable cache (e.g. an NVMe model cache), not model storage.",
        },
    },
};

/** Model storage outlives its claims: deleting a PVC must not delete the models on the volume. */
export const policy: ResourceValidationPolicy = {
    name: "k8s-model-storage-retain",
    description: "Checks whether every StorageClass and PersistentVolume holding models has reclaim policy Retain.",
    enforcementLevel: "mandatory",
    configSchema,
    validateResource: (args, reportViolation) => {
        if (args.type !== STORAGE_CLASS && args.type !== PERSISTENT_VOLUME) {
            return;
        }
        const config = configOf<{ modelPattern: string; cachePattern: string }>(configSchema, args.getConfig());
        const pattern = new RegExp(config.modelPattern);
        const cache = new RegExp(config.cachePattern);
        const names = [args.name, known(() => args.props.metadata?.name), known(() => args.props.metadata?.labels?.tier),
            known(() => args.props.spec?.storageClassName)].filter((n): n is string => typeof n === "string");
        if (!names.some(n => pattern.test(n)) || names.some(n => cache.test(n))) {
            return;
        }
        const policy = reclaimPolicyOf(args.type, args.props);
        if (policy !== UNKNOWN && policy !== "Retain") {
            const key = args.type === STORAGE_CLASS ? "reclaimPolicy" : "spec.persistentVolumeReclaimPolicy";
            reportViolation(`${label(args)} holds models, so its ${key} must be Retain (it is ${policy}).`);
        }
    },
};

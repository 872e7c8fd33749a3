import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DEFAULT_DEPLOYMENT_TYPE, isPersistent, LUSTRE } from "../lib/fsx";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

/**
 * FSx for Lustre's storage capacity steps and per-unit throughput values, from the FSx API reference
 * (CreateFileSystem StorageCapacity; CreateFileSystemLustreConfiguration PerUnitStorageThroughput).
 */
function capacityStep(deploymentType: string, storageType: string, throughput: unknown): { fixed: number[]; step: number } {
    if (storageType === "HDD") {
        // PERSISTENT_1 HDD: increments of 6000 GiB at 12 MB/s/TiB, 1800 GiB at 40 MB/s/TiB.
        return { fixed: [], step: throughput === 40 ? 1800 : 6000 };
    }
    if (deploymentType === "SCRATCH_1") {
        return { fixed: [1200, 2400], step: 3600 };
    }
    return { fixed: [1200, 2400], step: 2400 };
}

function throughputValues(deploymentType: string, storageType: string): number[] {
    if (deploymentType === "PERSISTENT_1") {
        return storageType === "HDD" ? [12, 40] : [50, 100, 200];
    }
    if (deploymentType === "PERSISTENT_2") {
        return [125, 250, 500, 1000];
    }
    return [];
}

export const policy: ResourceValidationPolicy = {
    name: "fsx-lustre-capacity-throughput",
    description: "Checks whether every FSx for Lustre file system has a storage capacity and per-unit throughput valid for its deployment and storage type.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== LUSTRE) {
            return;
        }
        const deploymentType = known(() => args.props.deploymentType ?? DEFAULT_DEPLOYMENT_TYPE);
        const storageType = known(() => args.props.storageType ?? "SSD");
        const capacity = known(() => args.props.storageCapacity);
        const throughput = known(() => args.props.perUnitStorageThroughput);
        if ([deploymentType, storageType, capacity, throughput].includes(UNKNOWN)) {
            return;
        }
        const type = String(deploymentType);
        const { fixed, step } = capacityStep(type, String(storageType), throughput);
        if (typeof capacity !== "number" || !(fixed.includes(capacity) || (capacity > 0 && capacity % step === 0))) {
            const allowed = [...fixed.map(String), `a multiple of ${step}`].join(", ");
            reportViolation(`${label(args)} storageCapacity must be ${allowed} GiB for ${type} ${String(storageType)} (it is ${capacity}).`);
        }
        const values = throughputValues(type, String(storageType));
        if (isPersistent(type) ? !values.includes(throughput as number) : throughput !== undefined) {
            const allowed = values.length > 0 ? `one of ${values.join(", ")}` : "unset";
            reportViolation(`${label(args)} perUnitStorageThroughput must be ${allowed} for ${type} (it is ${throughput}).`);
        }
    },
};

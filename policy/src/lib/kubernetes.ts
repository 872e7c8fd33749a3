import { known, UNKNOWN } from "./known";

export const STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
export const PERSISTENT_VOLUME = "kubernetes:core/v1:PersistentVolume";

/** The reclaim policy of a StorageClass or PersistentVolume; Kubernetes defaults both to Delete. */
export function reclaimPolicyOf(type: string, props: Record<string, any>): string | typeof UNKNOWN | undefined {
    const value = type === STORAGE_CLASS ? known(() => props.reclaimPolicy)
        : type === PERSISTENT_VOLUME ? known(() => props.spec?.persistentVolumeReclaimPolicy) : undefined;
    if (value === UNKNOWN) {
        return UNKNOWN;
    }
    if (type !== STORAGE_CLASS && type !== PERSISTENT_VOLUME) {
        return undefined;
    }
    return typeof value === "string" ? value : "Delete";
}

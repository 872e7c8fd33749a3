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

export const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
export const DAEMON_SET = "kubernetes:apps/v1:DaemonSet";
/** The node label that names one node: what a static plan must never pin to (nodes are named at launch). */
export const HOSTNAME_LABEL = "kubernetes.io/hostname";
/** StorageClasses of local volumes created ahead rather than on demand. */
export const NO_PROVISIONER = "kubernetes.io/no-provisioner";

/** The kinds of workload whose pod template is at `spec.template.spec` (a Pod's spec is `spec`). */
export const WORKLOADS = new Set([
    "kubernetes:apps/v1:DaemonSet", "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet",
    "kubernetes:apps/v1:ReplicaSet", "kubernetes:batch/v1:Job",
]);

/** A workload's pod spec (a CronJob's is one level deeper); undefined for other types. */
export function podSpecOf(type: string, props: Record<string, any>): Record<string, any> | typeof UNKNOWN | undefined {
    if (type === "kubernetes:core/v1:Pod") {
        return known(() => props.spec);
    }
    if (type === "kubernetes:batch/v1:CronJob") {
        return known(() => props.spec?.jobTemplate?.spec?.template?.spec);
    }
    return WORKLOADS.has(type) ? known(() => props.spec?.template?.spec) : undefined;
}

/** Whether a NodeSelector (`nodeSelectorTerms[].matchExpressions|matchFields`) names a hostname or a node name. */
export function selectsAHost(selector: any): boolean {
    const terms: any[] = Array.isArray(selector?.nodeSelectorTerms) ? selector.nodeSelectorTerms : [];
    return terms.some(term => [...(Array.isArray(term?.matchExpressions) ? term.matchExpressions : []),
        ...(Array.isArray(term?.matchFields) ? term.matchFields : [])]
        .some((expression: any) => expression?.key === HOSTNAME_LABEL || expression?.key === "metadata.name"));
}

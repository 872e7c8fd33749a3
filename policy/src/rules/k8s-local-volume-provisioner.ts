import type { StackValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { CONFIG_MAP, DAEMON_SET, NO_PROVISIONER, reclaimPolicyOf, STORAGE_CLASS } from "../lib/kubernetes";
import { label, ofType } from "../lib/resources";

/** The class names a local static provisioner ConfigMap's `storageClassMap` maps (its top-level YAML keys). */
function mappedClasses(data: unknown): string[] {
    const map = typeof data === "object" && data !== null ? (data as Record<string, unknown>).storageClassMap : undefined;
    if (typeof map !== "string") {
        return [];
    }
    return map.split("\n").map(line => /^([A-Za-z0-9][-A-Za-z0-9_.]*)\s*:\s*$/.exec(line)?.[1]).filter((c): c is string => !!c);
}

/**
 * Local volumes of a StorageClass with provisioner `kubernetes.io/no-provisioner` are created ahead,
 * and nothing in Kubernetes deletes them: "The local PersistentVolume requires manual cleanup and
 * deletion by the user if the external static provisioner is not used to manage the volume lifecycle"
 * (https://kubernetes.io/docs/concepts/storage/volumes/#local); with reclaim policy Delete and no deleter,
 * a released volume fails and stays so. The local static provisioner cleans a released volume and
 * offers it again (kubernetes-sigs/sig-storage-local-static-provisioner docs/provisioner.md). The rule
 * asks, for each such class with Delete, for a ConfigMap whose `storageClassMap` names the class and a
 * DaemonSet that mounts that ConfigMap.
 */
export const policy: StackValidationPolicy = {
    name: "k8s-local-volume-provisioner",
    description: "Checks whether every StorageClass with provisioner kubernetes.io/no-provisioner and reclaim policy Delete is served by a local static provisioner: a ConfigMap whose storageClassMap names the class, mounted by a DaemonSet.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const served = new Set<string>();
        for (const daemonSet of ofType(args, DAEMON_SET)) {
            const volumes = known(() => daemonSet.props.spec?.template?.spec?.volumes);
            if (volumes === UNKNOWN) {
                return;
            }
            const namespace = known(() => daemonSet.props.metadata?.namespace);
            for (const volume of Array.isArray(volumes) ? volumes : []) {
                const configMap = known(() => volume?.configMap?.name);
                const config = ofType(args, CONFIG_MAP).find(c => known(() => c.props.metadata?.name) === configMap
                    && known(() => c.props.metadata?.namespace) === namespace);
                const data = config ? known(() => config.props.data) : undefined;
                if (data === UNKNOWN) {
                    return;
                }
                mappedClasses(data).forEach(c => served.add(c));
            }
        }
        for (const storageClass of ofType(args, STORAGE_CLASS)) {
            const provisioner = known(() => storageClass.props.provisioner);
            const name = known(() => storageClass.props.metadata?.name);
            const reclaim = reclaimPolicyOf(storageClass.type, storageClass.props);
            if (provisioner !== NO_PROVISIONER || reclaim !== "Delete" || name === UNKNOWN || typeof name !== "string") {
                continue;
            }
            if (!served.has(name)) {
                reportViolation(`${label(storageClass)} must be served by a local static provisioner (a ConfigMap whose storageClassMap names ${name}, mounted by a DaemonSet): without one its released volumes are never cleaned.`, storageClass.urn);
            }
        }
    },
};

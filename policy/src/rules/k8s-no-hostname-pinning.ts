import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { HOSTNAME_LABEL, PERSISTENT_VOLUME, podSpecOf, selectsAHost } from "../lib/kubernetes";
import { label } from "../lib/resources";

/**
 * Nothing a stack declares pins a volume or a pod to one node by name. Nodes of an EKS managed node
 * group are named when they launch (from their IP address) and a replaced node gets a new name, so a
 * PersistentVolume or a pod template naming a `kubernetes.io/hostname` (or `nodeName`) ahead of time
 * points at a node that does not exist yet, or no longer. Local volumes are created on each node, with
 * that node's own name, by the local static provisioner
 * (https://github.com/kubernetes-sigs/sig-storage-local-static-provisioner); pods select nodes by label
 * (https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/).
 */
export const policy: ResourceValidationPolicy = {
    name: "k8s-no-hostname-pinning",
    description: "Checks whether no PersistentVolume or pod template the stack declares pins itself to a node by kubernetes.io/hostname or nodeName.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type === PERSISTENT_VOLUME) {
            const required = known(() => args.props.spec?.nodeAffinity?.required);
            if (required !== UNKNOWN && selectsAHost(required)) {
                reportViolation(`${label(args)} must be created on its node by the local static provisioner, not pinned to a ${HOSTNAME_LABEL} in the stack.`);
            }
            return;
        }
        const pod = podSpecOf(args.type, args.props);
        if (pod === undefined || pod === UNKNOWN || pod === null) {
            return;
        }
        const affinity = known(() => (pod as any).affinity?.nodeAffinity);
        const hostSelector = known(() => (pod as any).nodeSelector?.[HOSTNAME_LABEL]);
        const nodeName = known(() => (pod as any).nodeName);
        const pinned = (affinity !== UNKNOWN && (selectsAHost((affinity as any)?.requiredDuringSchedulingIgnoredDuringExecution)
                || (Array.isArray((affinity as any)?.preferredDuringSchedulingIgnoredDuringExecution)
                    && (affinity as any).preferredDuringSchedulingIgnoredDuringExecution.some((p: any) => selectsAHost({ nodeSelectorTerms: [p?.preference] })))))
            || (hostSelector !== UNKNOWN && hostSelector !== undefined)
            || (nodeName !== UNKNOWN && nodeName !== undefined);
        if (pinned) {
            reportViolation(`${label(args)} must select its nodes by label, not by ${HOSTNAME_LABEL} or nodeName.`);
        }
    },
};

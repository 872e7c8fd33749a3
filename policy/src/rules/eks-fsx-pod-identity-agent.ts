import type { StackValidationPolicy } from "@pulumi/policy";
import { addonName, addonsOf, CLUSTER, clusterName } from "../lib/eks";
import { UNKNOWN } from "../lib/known";
import { label, ofType } from "../lib/resources";

/**
 * The FSx CSI driver add-on requires the EKS Pod Identity Agent: "Without this component, the add-on
 * will fail" (https://docs.aws.amazon.com/eks/latest/userguide/fsx-csi-create.html). A cluster the
 * stack creates has no agent unless the stack installs it; an adopted cluster's is not in the plan
 * (docs/cluster.md says what it must already run).
 */
export const policy: StackValidationPolicy = {
    name: "eks-fsx-pod-identity-agent",
    description: "Checks whether every EKS cluster the stack creates with the aws-fsx-csi-driver add-on also gets the eks-pod-identity-agent add-on.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const cluster of ofType(args, CLUSTER)) {
            const name = clusterName(cluster);
            if (name === UNKNOWN || name === undefined) {
                continue;
            }
            const addons = addonsOf(args.resources, name);
            const names = addons.map(addonName);
            for (const fsx of addons.filter(a => addonName(a) === "aws-fsx-csi-driver")) {
                if (!names.includes("eks-pod-identity-agent")) {
                    reportViolation(`${label(fsx)} must have the eks-pod-identity-agent add-on on its cluster ${name}: the FSx CSI driver add-on requires it.`, fsx.urn);
                }
            }
        }
    },
};

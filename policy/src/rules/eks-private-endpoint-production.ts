import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isProduction } from "../lib/environment";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

const AWS_CLUSTER = "aws:eks/cluster:Cluster";
/** pulumi-eks's component: offline its children are not planned, so its own inputs are checked. */
const EKS_COMPONENT_CLUSTER = "eks:index:Cluster";

/** In prod the Kubernetes API is reached from the VPC only (EKS's default is a public endpoint). */
export const policy: ResourceValidationPolicy = {
    name: "eks-private-endpoint-production",
    description: "Checks whether every EKS cluster in prod has a private API endpoint and no public one.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        let read: (key: string) => unknown;
        if (args.type === AWS_CLUSTER) {
            read = key => known(() => args.props.vpcConfig?.[key]);
        } else if (args.type === EKS_COMPONENT_CLUSTER) {
            read = key => known(() => args.props[key]);
        } else {
            return;
        }
        if (!isProduction(args.props, args.stackTags)) {
            return;
        }
        const publicAccess = read("endpointPublicAccess");
        const privateAccess = read("endpointPrivateAccess");
        if (publicAccess === UNKNOWN || privateAccess === UNKNOWN) {
            return;
        }
        // Both default to EKS's public-only endpoint when unset.
        if (publicAccess !== false || privateAccess !== true) {
            reportViolation(`${label(args)} must have endpointPrivateAccess true and endpointPublicAccess false in prod.`);
        }
    },
};

import type { ResourceValidationPolicy } from "@pulumi/policy";
import { CLUSTER, EKS_COMPONENT_CLUSTER } from "../lib/eks";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

/**
 * A public API endpoint admits only named CIDR blocks: with none, EKS admits every address
 * (0.0.0.0/0), and the endpoint is public unless endpointPublicAccess is false
 * (https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html,
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html).
 */
export const policy: ResourceValidationPolicy = {
    name: "eks-public-endpoint-cidrs",
    description: "Checks whether every EKS cluster with a public API endpoint restricts it to named CIDR blocks (publicAccessCidrs), none of them /0.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        let read: (key: string) => unknown;
        if (args.type === CLUSTER) {
            read = key => known(() => args.props.vpcConfig?.[key]);
        } else if (args.type === EKS_COMPONENT_CLUSTER) {
            read = key => known(() => args.props[key]);
        } else {
            return;
        }
        const publicAccess = read("endpointPublicAccess");
        const cidrs = read("publicAccessCidrs");
        if (publicAccess === UNKNOWN || cidrs === UNKNOWN) {
            return;
        }
        // EKS's endpoint is public unless endpointPublicAccess is false.
        if (publicAccess === false) {
            return;
        }
        const blocks = Array.isArray(cidrs) ? cidrs.map(String) : [];
        if (blocks.length === 0 || blocks.some(block => block.endsWith("/0"))) {
            reportViolation(`${label(args)} must restrict its public endpoint to named CIDR blocks in publicAccessCidrs, none of them /0.`);
        }
    },
};

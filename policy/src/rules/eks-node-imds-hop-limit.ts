import type { ResourceValidationPolicy } from "@pulumi/policy";
import { LAUNCH_TEMPLATE } from "../lib/eks";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

/**
 * Node launch templates require IMDSv2 with a response hop limit of 1, so that pods without host
 * networking cannot take the node role's credentials
 * (https://docs.aws.amazon.com/eks/latest/userguide/best-practices-security.html). EKS's own
 * launch template for AL2023 managed nodes uses 1 too
 * (https://docs.aws.amazon.com/eks/latest/userguide/al2023.html); a custom template's value replaces
 * it, so the rule asks for it explicitly: unset, it follows AMI or account defaults the plan does not show.
 */
export const policy: ResourceValidationPolicy = {
    name: "eks-node-imds-hop-limit",
    description: "Checks whether every launch template requires IMDSv2 (httpTokens required) with httpPutResponseHopLimit 1.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== LAUNCH_TEMPLATE) {
            return;
        }
        const options = known(() => args.props.metadataOptions);
        if (options === UNKNOWN) {
            return;
        }
        const tokens = known(() => (options as any)?.httpTokens);
        const hops = known(() => (options as any)?.httpPutResponseHopLimit);
        if (tokens === UNKNOWN || hops === UNKNOWN) {
            return;
        }
        if (tokens !== "required" || hops !== 1) {
            reportViolation(`${label(args)} must set metadataOptions httpTokens "required" and httpPutResponseHopLimit 1.`);
        }
    },
};

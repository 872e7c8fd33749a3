import type { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../lib/known";
import { isAccountScoped, isPublicPrincipal, parsePolicy } from "../lib/policy-document";
import { label } from "../lib/resources";
import { KMS_KEY } from "./kms-key-rotation";

/**
 * A key policy statement for the principal `*` must be pinned to an account, organization or
 * source by its condition (as `kms:CallerAccount` does for services using the key on the
 * account's behalf). The account root's `kms:*` is KMS's default key policy and is not `*`.
 */
export const policy: ResourceValidationPolicy = {
    name: "kms-key-policy-no-public-principal",
    description: "Checks whether every KMS key policy statement that allows the principal * is conditioned on an account, organization or source.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== KMS_KEY) {
            return;
        }
        const statements = parsePolicy(() => args.props.policy);
        if (statements === UNKNOWN) {
            return;
        }
        for (const s of statements) {
            if (s.effect === "Allow" && isPublicPrincipal(s.principal) && !isAccountScoped(s)) {
                reportViolation(`${label(args)} key policy statement ${s.sid} must be conditioned on an account, organization or source when it allows the principal *.`);
            }
        }
    },
};

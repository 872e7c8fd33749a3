import type { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../lib/known";
import { isPublicPrincipal, parsePolicy } from "../lib/policy-document";
import { label } from "../lib/resources";
import { KMS_KEY } from "./kms-key-rotation";

/**
 * No key policy statement allows the principal `*`, whatever its condition: a key trusts its account
 * root (KMS's default key policy, https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html),
 * so IAM policies decide who uses it, and names only the service principals or roles that need the key
 * policy itself. A `*` conditioned on the account and kms:ViaService still lets any principal of the
 * account with access to the service (S3 read on a bucket, say) decrypt through it.
 */
export const policy: ResourceValidationPolicy = {
    name: "kms-key-policy-no-public-principal",
    description: "Checks whether every KMS key policy statement that allows access names its principals (an account, role or service), never *.",
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
            if (s.effect === "Allow" && (isPublicPrincipal(s.principal) || isAnyService(s.principal))) {
                reportViolation(`${label(args)} key policy statement ${s.sid} must name its principals, not *.`);
            }
        }
    },
};

/** `{"Service": "*"}` (or a list holding it). */
function isAnyService(principal: unknown): boolean {
    if (!principal || typeof principal !== "object") {
        return false;
    }
    const service = (principal as Record<string, unknown>).Service;
    return (Array.isArray(service) ? service : [service]).includes("*");
}

import type { ResourceValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../lib/known";
import { isAccountScoped, isPublicPrincipal, parsePolicy } from "../lib/policy-document";
import { label } from "../lib/resources";
import { BUCKET_POLICY } from "../lib/s3";

/** No bucket policy allows everyone: an Allow to `*` must be scoped to an account, organization or source. */
export const policy: ResourceValidationPolicy = {
    name: "s3-bucket-policy-not-public",
    description: "Checks whether every S3 bucket policy statement that allows the principal * is conditioned on an account, organization or source.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== BUCKET_POLICY) {
            return;
        }
        const statements = parsePolicy(() => args.props.policy);
        if (statements === UNKNOWN) {
            return;
        }
        for (const s of statements) {
            if (s.effect === "Allow" && isPublicPrincipal(s.principal) && !isAccountScoped(s)) {
                reportViolation(`${label(args)} statement ${s.sid} must be conditioned on an account, organization or source when it allows the principal *.`);
            }
        }
    },
};

import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

export const KMS_GRANT = "aws:kms/grant:Grant";

/** Grant operations that hand the key on or manage grants: a grant for a service role needs none. */
const GRANT_MANAGEMENT = ["CreateGrant", "RetireGrant"];

/**
 * A KMS grant gives one principal a key without the key policy; Strata grants only an AWS service's
 * role the data-key operations it documents, limited by encryption context (so, for FSx's S3 access
 * role, to one bucket). A grant without an encryption-context constraint, to `*`, or allowing
 * CreateGrant would let the grantee use or hand on the key beyond that
 * (https://docs.aws.amazon.com/kms/latest/developerguide/grants.html,
 * https://docs.aws.amazon.com/kms/latest/developerguide/create-grant-overview.html#grant-constraints).
 */
export const policy: ResourceValidationPolicy = {
    name: "kms-grant-constrained",
    description: "Checks whether every KMS grant names one principal, is constrained to an encryption context and allows no CreateGrant or RetireGrant.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== KMS_GRANT) {
            return;
        }
        const grantee = known(() => args.props.granteePrincipal);
        const operations = known(() => args.props.operations);
        const constraints = known(() => args.props.constraints);
        if (grantee !== UNKNOWN && (typeof grantee !== "string" || grantee.includes("*"))) {
            reportViolation(`${label(args)} grantee must be one principal's ARN, not ${JSON.stringify(grantee)}.`);
        }
        if (operations !== UNKNOWN) {
            const handedOn = (Array.isArray(operations) ? operations : []).filter(o => GRANT_MANAGEMENT.includes(String(o)));
            if (handedOn.length > 0) {
                reportViolation(`${label(args)} operations must be data-key operations only, not ${handedOn.join(", ")}.`);
            }
        }
        if (constraints !== UNKNOWN) {
            const list = Array.isArray(constraints) ? constraints : constraints ? [constraints] : [];
            const constrained = list.some((c: any) => c && (nonEmpty(c.encryptionContextSubset) || nonEmpty(c.encryptionContextEquals)));
            if (!constrained) {
                reportViolation(`${label(args)} must be constrained to an encryption context (encryptionContextSubset or encryptionContextEquals).`);
            }
        }
    },
};

function nonEmpty(value: unknown): boolean {
    return !!value && typeof value === "object" && Object.keys(value as object).length > 0;
}

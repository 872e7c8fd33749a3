import type { ResourceValidationPolicy } from "@pulumi/policy";
import { identityPolicies } from "../lib/iam";
import { UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

/** Allowed actions are named one by one: `*`, `s3:*` or `s3:Get*` grant whatever AWS adds later. */
export const policy: ResourceValidationPolicy = {
    name: "iam-no-wildcard-actions",
    description: "Checks whether every IAM policy statement that allows actions names them without wildcards (and without NotAction).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        for (const statements of identityPolicies(args)) {
            if (statements === UNKNOWN) {
                continue;
            }
            for (const s of statements.filter(s => s.effect === "Allow")) {
                const wildcards = s.actions.filter(a => a.includes("*") || a.includes("?"));
                if (wildcards.length > 0 || s.notActions.length > 0) {
                    const shown = wildcards.length > 0 ? wildcards.join(", ") : "NotAction";
                    reportViolation(`${label(args)} statement ${s.sid} must name each allowed action without wildcards (found ${shown}).`);
                }
            }
        }
    },
};

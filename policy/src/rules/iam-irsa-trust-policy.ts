import type { ResourceValidationPolicy } from "@pulumi/policy";
import { ROLE } from "../lib/iam";
import { UNKNOWN } from "../lib/known";
import { parsePolicy, Statement } from "../lib/policy-document";
import { label } from "../lib/resources";

/** The exact values a StringEquals condition gives each key ending in `suffix`. */
function exactValues(s: Statement, suffix: string): string[] {
    const block = s.condition.StringEquals ?? {};
    return Object.entries(block)
        .filter(([key]) => key.toLowerCase().endsWith(suffix))
        .flatMap(([, value]) => (Array.isArray(value) ? value : [value]).map(String));
}

/**
 * A role assumed with a Kubernetes service account token (IRSA) trusts one service account: the
 * trust statement pins `<issuer>:sub` to `system:serviceaccount:<namespace>:<name>` and
 * `<issuer>:aud` to `sts.amazonaws.com` with StringEquals. StringLike, wildcards or a missing key let
 * any pod of the cluster assume the role
 * (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html).
 */
export const policy: ResourceValidationPolicy = {
    name: "iam-irsa-trust-policy",
    description: "Checks whether every IAM role trusting a web identity (IRSA) pins :sub to one service account and :aud to sts.amazonaws.com with StringEquals.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== ROLE) {
            return;
        }
        const statements = parsePolicy(() => args.props.assumeRolePolicy);
        if (statements === UNKNOWN) {
            return;
        }
        for (const s of statements) {
            if (s.effect !== "Allow" || !s.actions.some(a => a.toLowerCase() === "sts:assumerolewithwebidentity")) {
                continue;
            }
            const sub = exactValues(s, ":sub");
            const aud = exactValues(s, ":aud");
            const subOk = sub.length > 0 && sub.every(v => /^system:serviceaccount:[^:*?]+:[^:*?]+$/.test(v));
            const audOk = aud.length > 0 && aud.every(v => v === "sts.amazonaws.com");
            if (!subOk || !audOk) {
                reportViolation(`${label(args)} trust statement ${s.sid} must be conditioned with StringEquals on :sub (system:serviceaccount:<namespace>:<name>) and :aud (sts.amazonaws.com).`);
            }
        }
    },
};

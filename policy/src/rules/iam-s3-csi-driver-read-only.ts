import type { StackValidationPolicy } from "@pulumi/policy";
import { ROLE } from "../lib/iam";
import { known, UNKNOWN } from "../lib/known";
import { parsePolicy } from "../lib/policy-document";
import { label, ofType, referring } from "../lib/resources";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
/** The Mountpoint for Amazon S3 CSI driver's service account (https://docs.aws.amazon.com/eks/latest/userguide/mountpoint-for-s3-add-on.html). */
export const DRIVER_SUBJECT = "system:serviceaccount:kube-system:s3-csi-driver-sa";
/**
 * What Mountpoint needs to read: s3:ListBucket and s3:GetObject
 * (https://github.com/awslabs/mountpoint-s3/blob/main/doc/CONFIGURATION.md#iam-permissions), and kms:Decrypt for
 * SSE-KMS objects (https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html).
 */
export const READ_ACTIONS = ["s3:GetObject", "s3:ListBucket", "kms:Decrypt"];

/** True when a role's trust policy admits the Mountpoint driver's service account (IRSA). */
function trustsDriver(role: { props: Record<string, any> }): boolean | typeof UNKNOWN {
    const statements = parsePolicy(() => role.props.assumeRolePolicy);
    if (statements === UNKNOWN) {
        return UNKNOWN;
    }
    return statements.some(s => s.effect === "Allow" && JSON.stringify(s.condition).includes(`"${DRIVER_SUBJECT}"`));
}

/**
 * Strata mounts S3 only to read it: the role the Mountpoint driver runs as may read (the volumes' prefixes, their
 * keys) and nothing else, so that no pod gains write through a mount. Its inline policies allow only
 * READ_ACTIONS, and it carries no managed policy (AWS suggests AmazonS3FullAccess as the broad alternative).
 */
export const policy: StackValidationPolicy = {
    name: "iam-s3-csi-driver-read-only",
    description: "Checks whether the IAM role of the Mountpoint for Amazon S3 CSI driver (kube-system/s3-csi-driver-sa) allows only s3:GetObject, s3:ListBucket and kms:Decrypt, and has no managed policy attached.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        const allowed = new Set(READ_ACTIONS.map(a => a.toLowerCase()));
        for (const role of ofType(args, ROLE)) {
            if (trustsDriver(role) !== true) {
                continue;
            }
            const documents = referring(args, role, ROLE_POLICY, "role").map(p => parsePolicy(() => p.props.policy));
            const inline = known(() => role.props.inlinePolicies);
            (Array.isArray(inline) ? inline : []).forEach((p: any) => documents.push(parsePolicy(() => p?.policy)));
            const extra = new Set<string>();
            for (const statements of documents) {
                if (statements === UNKNOWN) {
                    continue;
                }
                statements.filter(s => s.effect === "Allow").forEach(s => {
                    s.actions.filter(a => !allowed.has(a.toLowerCase())).forEach(a => extra.add(a));
                    s.notActions.forEach(a => extra.add(`NotAction ${a}`));
                });
            }
            const managed = known(() => role.props.managedPolicyArns);
            const attached = [...(Array.isArray(managed) ? managed : []),
                ...referring(args, role, ATTACHMENT, "role").map(a => known(() => a.props.policyArn))];
            attached.filter(arn => typeof arn === "string").forEach(arn => extra.add(`managed policy ${arn}`));
            if (extra.size > 0) {
                reportViolation(`${label(role)} runs the Mountpoint for Amazon S3 CSI driver, so it must allow only ${READ_ACTIONS.join(", ")} (it also allows ${[...extra].sort().join(", ")}).`, role.urn);
            }
        }
    },
};

import type { StackValidationPolicy } from "@pulumi/policy";
import { FILE_SYSTEM, FILE_SYSTEM_POLICY } from "../lib/efs";
import { UNKNOWN } from "../lib/known";
import { deniesInsecureTransport, parsePolicy } from "../lib/policy-document";
import { label, ofType, referring } from "../lib/resources";

/** EFS clients mount with TLS only: the file-system policy denies requests without aws:SecureTransport. */
export const policy: StackValidationPolicy = {
    name: "efs-tls-only",
    description: "Checks whether every EFS file system has a file-system policy denying access when aws:SecureTransport is false.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const fs of ofType(args, FILE_SYSTEM)) {
            const documents = referring(args, fs, FILE_SYSTEM_POLICY, "fileSystemId").map(p => parsePolicy(() => p.props.policy));
            if (documents.includes(UNKNOWN)) {
                continue;
            }
            if (!documents.some(d => d !== UNKNOWN && d.some(deniesInsecureTransport))) {
                reportViolation(`${label(fs)} must have a file-system policy that denies access when aws:SecureTransport is false.`, fs.urn);
            }
        }
    },
};

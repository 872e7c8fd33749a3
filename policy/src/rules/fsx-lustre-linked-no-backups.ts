import type { StackValidationPolicy } from "@pulumi/policy";
import { DATA_REPOSITORY_ASSOCIATION, isFsxStorageClass, LUSTRE } from "../lib/fsx";
import { STORAGE_CLASS } from "../lib/kubernetes";
import { known, UNKNOWN } from "../lib/known";
import { label, ofType, referring } from "../lib/resources";

/**
 * FSx for Lustre backs up only persistent file systems "that are not linked to an Amazon S3 durable data
 * repository" (https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-backups-fsx.html); a data
 * repository association cannot be created on a file system with backups on, and a file system created
 * with an import path and backups fails. The linked bucket is the durable copy.
 */
export const policy: StackValidationPolicy = {
    name: "fsx-lustre-linked-no-backups",
    description: "Checks whether no FSx for Lustre file system linked to S3 (import/export path or data repository association) asks for automatic backups.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const fs of ofType(args, LUSTRE)) {
            const days = known(() => fs.props.automaticBackupRetentionDays);
            if (days === UNKNOWN || typeof days !== "number" || days <= 0) {
                continue;
            }
            const links = [
                ...["importPath", "exportPath"].filter(p => typeof known(() => fs.props[p]) === "string").map(p => p),
                ...referring(args, fs, DATA_REPOSITORY_ASSOCIATION, "fileSystemId").map(label),
            ];
            if (links.length > 0) {
                reportViolation(`${label(fs)} automaticBackupRetentionDays must be 0 on a file system linked to S3 (it is ${days}; linked by ${links.join(", ")}): FSx backs up no linked file system, the bucket is the durable copy.`, fs.urn);
            }
        }
        for (const sc of ofType(args, STORAGE_CLASS).filter(isFsxStorageClass)) {
            const parameters = known(() => sc.props.parameters);
            if (parameters === UNKNOWN || !parameters || typeof parameters !== "object") {
                continue;
            }
            const p = parameters as Record<string, unknown>;
            const days = Number(p.automaticBackupRetentionDays ?? 0);
            if (days > 0 && (p.s3ImportPath || p.s3ExportPath)) {
                reportViolation(`${label(sc)} parameters.automaticBackupRetentionDays must be 0 when the file systems it creates are linked to S3 (it is ${days}).`, sc.urn);
            }
        }
    },
};

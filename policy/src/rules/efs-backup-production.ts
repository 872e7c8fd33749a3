import type { StackValidationPolicy } from "@pulumi/policy";
import { BACKUP_POLICY, FILE_SYSTEM } from "../lib/efs";
import { isProduction } from "../lib/environment";
import { known, UNKNOWN } from "../lib/known";
import { label, ofType, referring } from "../lib/resources";

/** Production file systems are backed up by AWS Backup (EFS's automatic backup policy). */
export const policy: StackValidationPolicy = {
    name: "efs-backup-production",
    description: "Checks whether every EFS file system in prod has a backup policy with status ENABLED.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const fs of ofType(args, FILE_SYSTEM).filter(r => isProduction(r.props, args.stackTags))) {
            const statuses = referring(args, fs, BACKUP_POLICY, "fileSystemId").map(b => known(() => b.props.backupPolicy?.status));
            if (statuses.includes(UNKNOWN)) {
                continue;
            }
            if (!statuses.includes("ENABLED")) {
                reportViolation(`${label(fs)} must have a backup policy with status ENABLED in prod.`, fs.urn);
            }
        }
    },
};

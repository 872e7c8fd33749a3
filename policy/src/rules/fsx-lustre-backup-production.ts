import type { StackValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { isProduction } from "../lib/environment";
import { DEFAULT_DEPLOYMENT_TYPE, isLinked, isPersistent, LUSTRE } from "../lib/fsx";
import { known, UNKNOWN } from "../lib/known";
import { label, ofType } from "../lib/resources";

const configSchema = {
    properties: {
        minimumRetentionDays: { type: "integer" as const, minimum: 1, maximum: 90, default: 7, description: "Fewest days of automatic backups kept in prod." },
    },
};

/**
 * Persistent file systems in prod keep automatic daily backups (FSx's API default is 0 days: none).
 * Scratch file systems cannot be backed up, and neither can file systems linked to S3: for both, the
 * bucket is the durable copy (https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-backups-fsx.html;
 * fsx-lustre-linked-no-backups).
 */
export const policy: StackValidationPolicy = {
    name: "fsx-lustre-backup-production",
    description: "Checks whether every persistent FSx for Lustre file system in prod that is not linked to S3 keeps automatic backups for the configured days.",
    enforcementLevel: "mandatory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const { minimumRetentionDays } = configOf<{ minimumRetentionDays: number }>(configSchema, args.getConfig());
        for (const fs of ofType(args, LUSTRE).filter(r => isProduction(r.props, args.stackTags))) {
            const deploymentType = known(() => fs.props.deploymentType ?? DEFAULT_DEPLOYMENT_TYPE);
            const days = known(() => fs.props.automaticBackupRetentionDays);
            const linked = isLinked(args, fs);
            if (deploymentType === UNKNOWN || !isPersistent(deploymentType) || days === UNKNOWN || linked !== false) {
                continue;
            }
            if (typeof days !== "number" || days < minimumRetentionDays) {
                reportViolation(`${label(fs)} automaticBackupRetentionDays must be at least ${minimumRetentionDays} in prod (it is ${days ?? 0}).`, fs.urn);
            }
        }
    },
};

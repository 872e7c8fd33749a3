import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { isProduction } from "../lib/environment";
import { DEFAULT_DEPLOYMENT_TYPE, isPersistent, LUSTRE } from "../lib/fsx";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

const configSchema = {
    properties: {
        minimumRetentionDays: { type: "integer" as const, minimum: 1, maximum: 90, default: 7, description: "Fewest days of automatic backups kept in prod." },
    },
};

/**
 * Persistent file systems in prod keep automatic daily backups (FSx's API default is 0 days: none).
 * Scratch file systems cannot be backed up; their data lives in S3.
 */
export const policy: ResourceValidationPolicy = {
    name: "fsx-lustre-backup-production",
    description: "Checks whether every persistent FSx for Lustre file system in prod keeps automatic backups for the configured days.",
    enforcementLevel: "mandatory",
    configSchema,
    validateResource: (args, reportViolation) => {
        if (args.type !== LUSTRE || !isProduction(args.props, args.stackTags)) {
            return;
        }
        const deploymentType = known(() => args.props.deploymentType ?? DEFAULT_DEPLOYMENT_TYPE);
        const days = known(() => args.props.automaticBackupRetentionDays);
        if (deploymentType === UNKNOWN || !isPersistent(deploymentType) || days === UNKNOWN) {
            return;
        }
        const { minimumRetentionDays } = configOf<{ minimumRetentionDays: number }>(configSchema, args.getConfig());
        if (typeof days !== "number" || days < minimumRetentionDays) {
            reportViolation(`${label(args)} automaticBackupRetentionDays must be at least ${minimumRetentionDays} in prod (it is ${days ?? 0}).`);
        }
    },
};

import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

export const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";

/** Cached features and embeddings are data too: encrypted at rest and in transit (both default off). */
export const policy: ResourceValidationPolicy = {
    name: "elasticache-encryption",
    description: "Checks whether every ElastiCache replication group encrypts data at rest and in transit.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== REPLICATION_GROUP) {
            return;
        }
        const atRest = known(() => args.props.atRestEncryptionEnabled);
        const inTransit = known(() => args.props.transitEncryptionEnabled);
        // pulumi-aws 6 types atRestEncryptionEnabled as a boolean; older schemas as a string.
        const on = (value: unknown) => value === true || value === "true";
        if (atRest !== UNKNOWN && !on(atRest)) {
            reportViolation(`${label(args)} must have atRestEncryptionEnabled true.`);
        }
        if (inTransit !== UNKNOWN && !on(inTransit)) {
            reportViolation(`${label(args)} must have transitEncryptionEnabled true.`);
        }
    },
};

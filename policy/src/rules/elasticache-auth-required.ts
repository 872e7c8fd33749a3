import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { REPLICATION_GROUP } from "./elasticache-encryption";

/** Clients authenticate: a Redis AUTH token or RBAC user groups (both need transit encryption). */
export const policy: ResourceValidationPolicy = {
    name: "elasticache-auth-required",
    description: "Checks whether every ElastiCache replication group requires authentication (an AUTH token or RBAC user groups).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== REPLICATION_GROUP) {
            return;
        }
        const token = known(() => args.props.authToken);
        const groups = known(() => args.props.userGroupIds);
        if (token === UNKNOWN || groups === UNKNOWN) {
            return; // a token or group created in the same stack
        }
        const hasToken = typeof token === "string" && token !== "";
        const hasGroups = Array.isArray(groups) && groups.length > 0;
        if (!hasToken && !hasGroups) {
            reportViolation(`${label(args)} must require authentication with authToken or userGroupIds.`);
        }
    },
};

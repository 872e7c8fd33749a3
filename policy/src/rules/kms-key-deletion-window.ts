import type { ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { isProduction } from "../lib/environment";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { KMS_KEY } from "./kms-key-rotation";

/** KMS's own default when deletionWindowInDays is not set. */
const KMS_DEFAULT_DAYS = 30;

const configSchema = {
    properties: {
        minimumDays: { type: "integer" as const, minimum: 7, maximum: 30, default: 7, description: "Shortest deletion window outside prod." },
        productionMinimumDays: { type: "integer" as const, minimum: 7, maximum: 30, default: 30, description: "Shortest deletion window in prod." },
    },
};

/** A key scheduled for deletion can be recovered within its window; data under a deleted key is lost. */
export const policy: ResourceValidationPolicy = {
    name: "kms-key-deletion-window",
    description: "Checks whether every KMS key's deletion window is at least 7 days, and at least 30 days in prod.",
    enforcementLevel: "mandatory",
    configSchema,
    validateResource: (args, reportViolation) => {
        if (args.type !== KMS_KEY) {
            return;
        }
        const config = configOf<{ minimumDays: number; productionMinimumDays: number }>(configSchema, args.getConfig());
        const days = known(() => args.props.deletionWindowInDays);
        if (days === UNKNOWN) {
            return;
        }
        const minimum = isProduction(args.props, args.stackTags) ? config.productionMinimumDays : config.minimumDays;
        const effective = typeof days === "number" ? days : KMS_DEFAULT_DAYS;
        if (effective < minimum) {
            reportViolation(`${label(args)} must have deletionWindowInDays of at least ${minimum} (it is ${effective}).`);
        }
    },
};

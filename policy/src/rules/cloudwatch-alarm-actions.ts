import type { ResourceValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

export const METRIC_ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/**
 * An alarm that tells no one is a graph: a metric alarm has its actions enabled (actionsEnabled
 * defaults to true; false silences every action) and at least one alarm action, such as the storage
 * alarm topic (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
 */
export const policy: ResourceValidationPolicy = {
    name: "cloudwatch-alarm-actions",
    description: "Checks whether every CloudWatch metric alarm has its actions enabled and an action to take when it fires.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== METRIC_ALARM) {
            return;
        }
        const enabled = known(() => args.props.actionsEnabled);
        const actions = known(() => args.props.alarmActions);
        if (enabled !== UNKNOWN && enabled === false) {
            reportViolation(`${label(args)} must have actionsEnabled true.`);
        }
        if (actions !== UNKNOWN && (!Array.isArray(actions) || actions.length === 0)) {
            reportViolation(`${label(args)} must have at least one alarmActions entry.`);
        }
    },
};

import type { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER, clusterName, LOG_GROUP } from "../lib/eks";
import { known, UNKNOWN } from "../lib/known";
import { label, ofType } from "../lib/resources";

/**
 * A cluster sends its control-plane logs to CloudWatch (enabledClusterLogTypes) into the log group
 * `/aws/eks/<cluster>/cluster`, which the stack creates with a retention: a log group EKS creates
 * itself keeps its events forever
 * (https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html,
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html).
 */
export const policy: StackValidationPolicy = {
    name: "eks-control-plane-log-retention",
    description: "Checks whether every EKS cluster sends control-plane logs to a log group /aws/eks/<cluster>/cluster that the stack creates with a retention.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const cluster of ofType(args, CLUSTER)) {
            const name = clusterName(cluster);
            const types = known(() => cluster.props.enabledClusterLogTypes);
            if (name === UNKNOWN || types === UNKNOWN) {
                continue;
            }
            if (!Array.isArray(types) || types.length === 0) {
                reportViolation(`${label(cluster)} must send its control-plane logs to CloudWatch (enabledClusterLogTypes).`, cluster.urn);
                continue;
            }
            const group = `/aws/eks/${name ?? "<name>"}/cluster`;
            const retentions = ofType(args, LOG_GROUP).filter(g => known(() => g.props.name) === group)
                .map(g => known(() => g.props.retentionInDays));
            if (retentions.includes(UNKNOWN)) {
                continue;
            }
            if (!retentions.some(days => typeof days === "number" && days > 0)) {
                reportViolation(`${label(cluster)} must have its log group ${group} in the stack with retentionInDays set.`, cluster.urn);
            }
        }
    },
};

import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { ofType, label } from "../lib/resources";
import { known, UNKNOWN, Unknown } from "../lib/known";
import { parsePolicy } from "../lib/policy-document";
import { bucketNamed, bucketOfArn, configurationsOf, ENCRYPTION, REPLICATION, replicationSource } from "../lib/s3";

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";

/** The KMS key the bucket's default encryption names; UNKNOWN while a preview does not know it. */
function encryptionKeyOf(args: StackValidationArgs, bucket: PolicyResource): string | Unknown | undefined {
    for (const encryption of configurationsOf(args, bucket, ENCRYPTION)) {
        const key = known(() => encryption.props.rules?.[0]?.applyServerSideEncryptionByDefault?.kmsMasterKeyId);
        if (key === UNKNOWN || typeof key === "string") {
            return key;
        }
    }
    return undefined;
}

/**
 * The role S3 replication assumes may do what S3's replication docs list on the source bucket, the
 * destination bucket and their two keys, and nothing else
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/setting-repl-config-perm-overview.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html). So each
 * inline policy of the role a replication configuration names may name only: the source bucket (and its
 * objects), each rule's destination bucket (and its objects), the key the source bucket is encrypted with
 * and each rule's replica key. Values not known yet (a preview before the buckets exist) are skipped.
 */
export const policy: StackValidationPolicy = {
    name: "iam-replication-role-scoped",
    description: "Checks whether every S3 replication role's policy names only the replication's source and destination buckets and their KMS keys.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const config of ofType(args, REPLICATION)) {
            const role = known(() => config.props.role);
            const rules = known(() => config.props.rules);
            const source = replicationSource(args, config);
            if (typeof role !== "string" || rules === UNKNOWN || !Array.isArray(rules) || !source) {
                continue;
            }
            const buckets = new Set<PolicyResource>([source]);
            const keys = new Set<string>();
            const sourceKey = encryptionKeyOf(args, source);
            const destinations = rules.map(rule => known(() => rule?.destination?.bucket));
            const replicaKeys = rules.map(rule => known(() => rule?.destination?.encryptionConfiguration?.replicaKmsKeyId));
            if ([sourceKey, ...destinations, ...replicaKeys].includes(UNKNOWN)) {
                continue; // a preview before the buckets and keys exist: decided once they are known
            }
            [sourceKey, ...replicaKeys].filter((k): k is string => typeof k === "string").forEach(k => keys.add(k));
            for (const destination of destinations) {
                const name = bucketOfArn(String(destination ?? ""));
                const bucket = name ? bucketNamed(args, name) : undefined;
                if (bucket) {
                    buckets.add(bucket);
                }
            }
            const roleName = role.substring(role.lastIndexOf("/") + 1);
            for (const rolePolicy of ofType(args, ROLE_POLICY).filter(p => known(() => p.props.role) === roleName)) {
                const statements = parsePolicy(() => rolePolicy.props.policy);
                if (statements === UNKNOWN) {
                    continue;
                }
                for (const statement of statements) {
                    for (const resource of statement.resources) {
                        const bucketName = bucketOfArn(resource);
                        const named = bucketName ? bucketNamed(args, bucketName) : undefined;
                        const allowed = bucketName ? named !== undefined && buckets.has(named) : keys.has(resource);
                        if (!allowed) {
                            reportViolation(`${label(rolePolicy)} statement ${statement.sid} must name only the buckets and keys of ${label(config)}, not ${resource}.`, rolePolicy.urn);
                        }
                    }
                }
            }
        }
    },
};

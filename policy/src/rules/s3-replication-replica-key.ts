import type { StackValidationPolicy } from "@pulumi/policy";
import { known, UNKNOWN } from "../lib/known";
import { label, ofType } from "../lib/resources";
import { configurationsOf, ENCRYPTION, REPLICATION, replicationSource } from "../lib/s3";

/**
 * S3 replicates no SSE-KMS object unless the rule selects them (`sourceSelectionCriteria.sseKmsEncryptedObjects`
 * Enabled) and names the KMS key of the destination's region that encrypts the replicas
 * (`destination.encryptionConfiguration.replicaKmsKeyId`)
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-config-for-kms-objects.html). So
 * every enabled rule replicating a bucket encrypted with a KMS key does both.
 */
export const policy: StackValidationPolicy = {
    name: "s3-replication-replica-key",
    description: "Checks whether every S3 replication rule of a KMS-encrypted bucket selects SSE-KMS objects and sets a replica KMS key.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const config of ofType(args, REPLICATION)) {
            const source = replicationSource(args, config);
            const rules = known(() => config.props.rules);
            if (!source || rules === UNKNOWN || !Array.isArray(rules)) {
                continue;
            }
            const kmsEncrypted = configurationsOf(args, source, ENCRYPTION).some(e => {
                const encryption = known(() => e.props.rules);
                return Array.isArray(encryption) && String(encryption[0]?.applyServerSideEncryptionByDefault?.sseAlgorithm ?? "").startsWith("aws:kms");
            });
            if (!kmsEncrypted) {
                continue;
            }
            for (const rule of rules) {
                if (rule?.status !== "Enabled") {
                    continue;
                }
                const selected = rule?.sourceSelectionCriteria?.sseKmsEncryptedObjects?.status === "Enabled";
                const replicaKey = rule?.destination?.encryptionConfiguration?.replicaKmsKeyId;
                if (!selected || typeof replicaKey !== "string" || replicaKey === "") {
                    reportViolation(`${label(config)} rule ${rule?.id} must select SSE-KMS objects and set destination.encryptionConfiguration.replicaKmsKeyId: ${label(source)} is encrypted with a KMS key.`, config.urn);
                }
            }
        }
    },
};

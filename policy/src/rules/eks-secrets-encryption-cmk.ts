import type { ResourceValidationPolicy } from "@pulumi/policy";
import { CLUSTER, EKS_COMPONENT_CLUSTER } from "../lib/eks";
import { isAwsManagedKey } from "../lib/kms";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

/**
 * Kubernetes secrets are envelope-encrypted with a customer-managed KMS key, whose policy, rotation
 * and audit trail the account controls (https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html,
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_EncryptionConfig.html).
 */
export const policy: ResourceValidationPolicy = {
    name: "eks-secrets-encryption-cmk",
    description: "Checks whether every EKS cluster envelope-encrypts Kubernetes secrets with a customer-managed KMS key (encryptionConfig).",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        let key: unknown;
        let resources: unknown = ["secrets"];
        if (args.type === CLUSTER) {
            const config = known(() => args.props.encryptionConfig);
            if (config === UNKNOWN) {
                return;
            }
            // pulumi-aws takes one encryption configuration; the EKS API a list of them.
            const first: any = Array.isArray(config) ? config[0] : config;
            key = known(() => first?.provider?.keyArn);
            resources = known(() => first?.resources);
        } else if (args.type === EKS_COMPONENT_CLUSTER) {
            key = known(() => args.props.encryptionConfigKeyArn);
        } else {
            return;
        }
        if (key === UNKNOWN || resources === UNKNOWN) {
            return;
        }
        const encrypted = Array.isArray(resources) && resources.includes("secrets");
        if (typeof key !== "string" || key === "" || isAwsManagedKey(key) || !encrypted) {
            reportViolation(`${label(args)} must encrypt Kubernetes secrets with a customer-managed KMS key (encryptionConfig with resources ["secrets"] and provider.keyArn).`);
        }
    },
};

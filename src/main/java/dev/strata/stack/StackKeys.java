package dev.strata.stack;

import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack's customer-managed keys, one per purpose, each {@code <stack>-<purpose>} (alias
 * {@code alias/strata-<stack>-<purpose>}). Their policies trust the account root, so IAM grants decide
 * who uses them.
 *
 * @param dataLake  the data lake's buckets (s3)
 * @param training  the training tiers (s3, fsx, elasticfilesystem), with strata:training
 * @param inference the inference levels (s3, elasticfilesystem, elasticache), with strata:inference
 * @param cluster   a created cluster's Kubernetes secrets (eks): EKS uses it through a grant created on behalf
 *                  of whoever calls CreateCluster, and the cluster role's kms:DescribeKey (AmazonEKSClusterPolicy)
 *                  (https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html,
 *                  https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html)
 */
record StackKeys(EncryptionKey dataLake, Optional<EncryptionKey> training, Optional<EncryptionKey> inference,
                 Optional<EncryptionKey> cluster) {

    static StackKeys create(String stack, StrataSettings settings, Map<String, String> tags) {
        return new StackKeys(key(stack, "datalake", List.of("s3"), tags, settings.protect()),
                settings.training().map(t -> key(stack, "training", List.of("s3", "fsx", "elasticfilesystem"), tags, settings.protect())),
                settings.inference().map(i -> key(stack, "inference", List.of("s3", "elasticfilesystem", "elasticache"), tags,
                        settings.protect())),
                settings.cluster().filter(c -> c.create()).map(c -> key(stack, "cluster", List.of("eks"), tags, settings.protect())));
    }

    private static EncryptionKey key(String stack, String purpose, List<String> services, Map<String, String> tags, boolean protect) {
        return new EncryptionKey(stack + "-" + purpose, EncryptionKeyArgs.builder()
                .purpose(purpose)
                .services(services)
                .tags(tags)
                .protect(protect)
                .build(), null);
    }
}

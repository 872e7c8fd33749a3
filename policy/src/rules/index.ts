// The pack's rules, one a file named by its id. Plain data: the offline runner imports them without
// constructing a PolicyPack (which would start the analyzer server the Pulumi CLI talks to).
import type { Policies } from "@pulumi/policy";
import { policy as cloudwatchAlarmActions } from "./cloudwatch-alarm-actions";
import { policy as efsBackupProduction } from "./efs-backup-production";
import { policy as efsEncryptionCmk } from "./efs-encryption-cmk";
import { policy as efsTlsOnly } from "./efs-tls-only";
import { policy as eksControlPlaneLogRetention } from "./eks-control-plane-log-retention";
import { policy as eksFsxPodIdentityAgent } from "./eks-fsx-pod-identity-agent";
import { policy as eksNodeImdsHopLimit } from "./eks-node-imds-hop-limit";
import { policy as eksNodeVolumeEncryption } from "./eks-node-volume-encryption";
import { policy as eksPrivateEndpointProduction } from "./eks-private-endpoint-production";
import { policy as eksPublicEndpointCidrs } from "./eks-public-endpoint-cidrs";
import { policy as eksSecretsEncryptionCmk } from "./eks-secrets-encryption-cmk";
import { policy as eksVpcCniIrsa } from "./eks-vpc-cni-irsa";
import { policy as elasticacheAuthRequired } from "./elasticache-auth-required";
import { policy as elasticacheEncryption } from "./elasticache-encryption";
import { policy as fsxLustreBackupProduction } from "./fsx-lustre-backup-production";
import { policy as fsxLustreCapacityThroughput } from "./fsx-lustre-capacity-throughput";
import { policy as fsxLustreClientRules } from "./fsx-lustre-client-rules";
import { policy as fsxLustreEncryptionCmk } from "./fsx-lustre-encryption-cmk";
import { policy as fsxLustreLinkedNoBackups } from "./fsx-lustre-linked-no-backups";
import { policy as fsxLustreLinkedPrefixReadable } from "./fsx-lustre-linked-prefix-readable";
import { policy as fsxLustreNoOpenSecurityGroup } from "./fsx-lustre-no-open-security-group";
import { policy as fsxLustreVersion } from "./fsx-lustre-version";
import { policy as iamIrsaTrustPolicy } from "./iam-irsa-trust-policy";
import { policy as iamNoBroadManagedPolicies } from "./iam-no-broad-managed-policies";
import { policy as iamNoWildcardActions } from "./iam-no-wildcard-actions";
import { policy as iamNoWildcardResources } from "./iam-no-wildcard-resources";
import { policy as iamS3CsiDriverReadOnly } from "./iam-s3-csi-driver-read-only";
import { policy as iamReplicationRoleScoped } from "./iam-replication-role-scoped";
import { policy as k8sLocalVolumeProvisioner } from "./k8s-local-volume-provisioner";
import { policy as k8sModelStorageRetain } from "./k8s-model-storage-retain";
import { policy as k8sNoHostnamePinning } from "./k8s-no-hostname-pinning";
import { policy as k8sNoRecycleReclaim } from "./k8s-no-recycle-reclaim";
import { policy as k8sS3VolumeReadOnly } from "./k8s-s3-volume-read-only";
import { policy as kmsGrantConstrained } from "./kms-grant-constrained";
import { policy as kmsKeyDeletionWindow } from "./kms-key-deletion-window";
import { policy as kmsKeyPolicyNoPublicPrincipal } from "./kms-key-policy-no-public-principal";
import { policy as kmsKeyRotation } from "./kms-key-rotation";
import { policy as requiredCostTags } from "./required-cost-tags";
import { policy as s3AbortIncompleteMultipartUploads } from "./s3-abort-incomplete-multipart-uploads";
import { policy as s3BucketEncryptionCmk } from "./s3-bucket-encryption-cmk";
import { policy as s3BucketLifecycle } from "./s3-bucket-lifecycle";
import { policy as s3BucketOwnershipEnforced } from "./s3-bucket-ownership-enforced";
import { policy as s3BucketPolicyNotPublic } from "./s3-bucket-policy-not-public";
import { policy as s3BucketPublicAccessBlock } from "./s3-bucket-public-access-block";
import { policy as s3BucketTlsOnly } from "./s3-bucket-tls-only";
import { policy as s3ModelBucketVersioning } from "./s3-model-bucket-versioning";
import { policy as snsTopicEncryptionCmk } from "./sns-topic-encryption-cmk";
import { policy as s3ReplicationReplicaKey } from "./s3-replication-replica-key";
import { policy as statefulResourcesProtected } from "./stateful-resources-protected";

export const rules: Policies = [
    cloudwatchAlarmActions,
    efsBackupProduction,
    efsEncryptionCmk,
    efsTlsOnly,
    eksControlPlaneLogRetention,
    eksFsxPodIdentityAgent,
    eksNodeImdsHopLimit,
    eksNodeVolumeEncryption,
    eksPrivateEndpointProduction,
    eksPublicEndpointCidrs,
    eksSecretsEncryptionCmk,
    eksVpcCniIrsa,
    elasticacheAuthRequired,
    elasticacheEncryption,
    fsxLustreBackupProduction,
    fsxLustreCapacityThroughput,
    fsxLustreClientRules,
    fsxLustreEncryptionCmk,
    fsxLustreLinkedNoBackups,
    fsxLustreLinkedPrefixReadable,
    fsxLustreNoOpenSecurityGroup,
    fsxLustreVersion,
    iamIrsaTrustPolicy,
    iamNoBroadManagedPolicies,
    iamNoWildcardActions,
    iamNoWildcardResources,
    iamS3CsiDriverReadOnly,
    iamReplicationRoleScoped,
    k8sLocalVolumeProvisioner,
    k8sModelStorageRetain,
    k8sNoHostnamePinning,
    k8sNoRecycleReclaim,
    k8sS3VolumeReadOnly,
    kmsGrantConstrained,
    kmsKeyDeletionWindow,
    kmsKeyPolicyNoPublicPrincipal,
    kmsKeyRotation,
    requiredCostTags,
    s3AbortIncompleteMultipartUploads,
    s3BucketEncryptionCmk,
    s3BucketLifecycle,
    s3BucketOwnershipEnforced,
    s3BucketPolicyNotPublic,
    s3BucketPublicAccessBlock,
    s3BucketTlsOnly,
    s3ModelBucketVersioning,
    snsTopicEncryptionCmk,
    s3ReplicationReplicaKey,
    statefulResourcesProtected,
];

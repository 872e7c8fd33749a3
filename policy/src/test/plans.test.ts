import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { evaluate, PlanDocument } from "../evaluate";
import { rules } from "../rules";
import { STATEFUL_TYPES } from "../rules/stateful-resources-protected";
import { mandatory, policyJson, resource, stackPlan } from "../testing/support";

/** A deep copy of a stack's plan, changed by `change`. */
function mutated(stack: string, change: (doc: PlanDocument) => void): PlanDocument {
    const doc = JSON.parse(JSON.stringify(stackPlan(stack))) as PlanDocument;
    change(doc);
    return doc;
}

function named(doc: PlanDocument, name: string) {
    const found = doc.resources.find(r => r.name === name);
    assert.ok(found, `the plan has a resource named ${name}`);
    return found!;
}

function mandatoryPolicies(doc: PlanDocument): string[] {
    return [...new Set(mandatory(evaluate(doc, rules)).map(f => f.policy))].sort();
}

describe("the stacks' plans", () => {
    for (const stack of ["dev", "staging", "prod"]) {
        it(`${stack} has no mandatory finding`, () => {
            const doc = stackPlan(stack);
            assert.ok(doc.resources.length > 0);
            assert.deepEqual(mandatory(evaluate(doc, rules)), []);
        });
    }
});

describe("mutated dev plans are caught", () => {
    it("a Mountpoint volume made writable", () => {
        const doc = JSON.parse(JSON.stringify(stackPlan("dev"))) as PlanDocument;
        const volume = named(doc, "dev-model-archive-s3-pv");
        (volume.inputs as any).spec.accessModes = ["ReadWriteMany"];
        (volume.inputs as any).spec.mountOptions = (volume.inputs as any).spec.mountOptions.filter((o: string) => o !== "read-only");
        assert.deepEqual(mandatoryPolicies(doc), ["k8s-s3-volume-read-only"]);
    });
    it("a write grant on the Mountpoint driver's role", () => {
        const doc = JSON.parse(JSON.stringify(stackPlan("dev"))) as PlanDocument;
        const grant = named(doc, "dev-s3-csi-read-dev-model-archive-models");
        grant.inputs.policy = policyJson({ Sid: "Write", Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::strata-dev-model-archive-plan/models/*" });
        assert.deepEqual(mandatoryPolicies(doc), ["iam-s3-csi-driver-read-only"]);
    });
});

describe("mutated prod plans are caught", () => {
    it("encryption removed from a bucket", () => {
        const doc = mutated("prod", d => { d.resources = d.resources.filter(r => r.name !== "prod-raw-encryption"); });
        assert.deepEqual(mandatoryPolicies(doc), ["s3-bucket-encryption-cmk"]);
    });
    it("a data bucket switched to SSE-S3", () => {
        const doc = mutated("prod", d => {
            named(d, "prod-model-encryption").inputs.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: false }];
        });
        // The model zone is replicated: its replication role now names a key the bucket no longer uses.
        assert.deepEqual(mandatoryPolicies(doc), ["iam-replication-role-scoped", "s3-bucket-encryption-cmk"]);
    });
    it("a wildcard action added", () => {
        const doc = mutated("prod", d => {
            d.resources.push(resource("aws:iam/rolePolicy:RolePolicy", "prod-reader-policy", {
                role: "prod-reader-id",
                policy: policyJson({ Sid: "ReadAll", Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::strata-prod-raw-plan/*"] }),
            }));
        });
        assert.deepEqual(mandatoryPolicies(doc), ["iam-no-wildcard-actions"]);
    });
    it("a bucket opened to the public", () => {
        const doc = mutated("prod", d => {
            const block = named(d, "prod-raw-public-access");
            block.inputs.blockPublicPolicy = false;
            block.inputs.restrictPublicBuckets = false;
            const policy = named(d, "prod-raw-policy");
            const document = JSON.parse(policy.inputs.policy as string);
            document.Statement.push({ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::strata-prod-raw-plan/*" });
            policy.inputs.policy = JSON.stringify(document);
        });
        assert.deepEqual(mandatoryPolicies(doc), ["s3-bucket-policy-not-public", "s3-bucket-public-access-block"]);
    });
    it("prod protection dropped", () => {
        const original = stackPlan("prod");
        const doc = mutated("prod", d => d.resources.forEach(r => { r.protect = false; r.retainOnDelete = false; }));
        const findings = mandatory(evaluate(doc, rules));
        assert.deepEqual([...new Set(findings.map(f => f.policy))], ["stateful-resources-protected"]);
        // every stateful resource Strata protects in prod: buckets, keys, EFS and persistent Lustre file systems
        const stateful = original.resources.filter(r => r.protect && STATEFUL_TYPES.includes(r.type)).map(r => r.urn);
        assert.ok(stateful.length >= 6);
        assert.deepEqual(findings.map(f => f.resource).sort(), stateful.sort());
    });
    it("the access-log exception covers the access-log bucket only", () => {
        const doc = mutated("prod", d => {
            for (const r of d.resources.filter(r => r.type === "aws:s3/bucketV2:BucketV2" && r.name === "prod-raw")) {
                (r.inputs.tags as Record<string, string>).tier = "access-logs";
            }
            named(d, "prod-access-logs").inputs.tags = { ...(named(d, "prod-access-logs").inputs.tags as object), tier: "logs" };
        });
        // prod-raw (now "access-logs") keeps its CMK and passes; the real log bucket is AES256 under another tier and fails.
        const findings = mandatory(evaluate(doc, rules)).filter(f => f.policy === "s3-bucket-encryption-cmk");
        assert.deepEqual(findings.map(f => f.resource), [named(doc, "prod-access-logs").urn]);
    });
});

describe("mutated prod plans of the training and inference storage are caught", () => {
    it("the EFS TLS-only statement removed", () => {
        const doc = mutated("prod", d => {
            const policy = named(d, "prod-training-warm-policy");
            const document = JSON.parse(policy.inputs.policy as string);
            document.Statement = document.Statement.filter((s: { Sid: string }) => s.Sid !== "DenyInsecureTransport");
            policy.inputs.policy = JSON.stringify(document);
        });
        assert.deepEqual(mandatoryPolicies(doc), ["efs-tls-only"]);
    });
    it("EFS backups removed in prod", () => {
        const doc = mutated("prod", d => { d.resources = d.resources.filter(r => r.type !== "aws:efs/backupPolicy:BackupPolicy"); });
        assert.deepEqual(mandatoryPolicies(doc), ["efs-backup-production"]);
    });
    it("the Lustre security group opened to the internet", () => {
        const doc = mutated("prod", d => {
            d.resources.push(resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "prod-training-lustre-anywhere", {
                securityGroupId: named(d, "prod-training-lustre").id, ipProtocol: "tcp", fromPort: 988, toPort: 988, cidrIpv4: "0.0.0.0/0",
            }));
        });
        assert.deepEqual(mandatoryPolicies(doc), ["fsx-lustre-no-open-security-group"]);
    });
    it("the Lustre customer-managed key dropped", () => {
        const doc = mutated("prod", d => { delete named(d, "prod-training-hot").inputs.kmsKeyId; });
        assert.deepEqual(mandatoryPolicies(doc), ["fsx-lustre-encryption-cmk"]);
    });
    it("backups asked for on the S3-linked Lustre file system", () => {
        const doc = mutated("prod", d => { named(d, "prod-training-hot").inputs.automaticBackupRetentionDays = 14; });
        assert.deepEqual(mandatoryPolicies(doc), ["fsx-lustre-linked-no-backups"]);
    });
    it("the Lustre file system unlinked from S3 without backups", () => {
        const doc = mutated("prod", d => {
            d.resources = d.resources.filter(r => r.type !== "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation");
        });
        assert.deepEqual(mandatoryPolicies(doc), ["fsx-lustre-backup-production"]);
    });
    it("the Lustre version left to FSx's default, and 2.10 on the per-job StorageClass", () => {
        const doc = mutated("prod", d => {
            delete named(d, "prod-training-hot").inputs.fileSystemTypeVersion;
            (named(d, "prod-training-scratch-class").inputs.parameters as Record<string, string>).fileSystemTypeVersion = "2.10";
        });
        assert.deepEqual(mandatoryPolicies(doc), ["fsx-lustre-version"]);
        assert.equal(mandatory(evaluate(doc, rules)).length, 2);
    });
    it("the linked datasets/ prefix archived to GLACIER, as the playbook had it", () => {
        const doc = mutated("prod", d => {
            const lifecycle = named(d, "prod-training-data-lifecycle");
            const datasets = (lifecycle.inputs.rules as Array<Record<string, unknown>>).find(r => r.id === "datasets-tiering")!;
            datasets.transitions = [{ days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "GLACIER" }];
        });
        assert.deepEqual(mandatoryPolicies(doc), ["fsx-lustre-linked-prefix-readable"]);
        // the association links datasets/ (per-job file systems link no bucket)
        assert.equal(mandatory(evaluate(doc, rules)).length, 1);
    });
    it("the Lustre rules on the nodes' security group left out: advisory", () => {
        const doc = mutated("prod", d => { d.resources = d.resources.filter(r => !r.name.startsWith("prod-training-lustre-client-in-")); });
        assert.deepEqual(mandatoryPolicies(doc), []);
        assert.deepEqual(evaluate(doc, rules).map(f => f.policy), ["fsx-lustre-client-rules"]);
    });
    it("Redis without transit encryption or users", () => {
        const doc = mutated("prod", d => {
            const group = d.resources.find(r => r.type === "aws:elasticache/replicationGroup:ReplicationGroup")!;
            group.inputs.transitEncryptionEnabled = false;
            delete group.inputs.userGroupIds;
        });
        assert.deepEqual(mandatoryPolicies(doc), ["elasticache-auth-required", "elasticache-encryption"]);
    });
    it("the training key opened to the account's principals through S3, and its FSx grant unconstrained", () => {
        const doc = mutated("prod", d => {
            const key = d.resources.find(r => r.type === "aws:kms/key:Key" && r.name === "prod-training")!;
            const document = JSON.parse(key.inputs.policy as string);
            document.Statement.push({ Sid: "ServicesUseKeyOnAccountsBehalf", Effect: "Allow", Principal: { AWS: "*" },
                Action: "kms:Decrypt", Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": "s3.us-west-2.amazonaws.com" } } });
            key.inputs.policy = JSON.stringify(document);
            delete named(d, "prod-training-hot-s3-access").inputs.constraints;
        });
        assert.deepEqual(mandatoryPolicies(doc), ["kms-grant-constrained", "kms-key-policy-no-public-principal"]);
    });
    it("the model repository's StorageClass deleting volumes", () => {
        const doc = mutated("prod", d => { named(d, "prod-efs-models").inputs.reclaimPolicy = "Delete"; });
        assert.deepEqual(mandatoryPolicies(doc), ["k8s-model-storage-retain"]);
    });
});

describe("mutated plans of the L2 cache are caught", () => {
    it("the local static provisioner removed, leaving local-nvme's released volumes uncleaned", () => {
        const doc = mutated("staging", d => {
            d.resources = d.resources.filter(r => !(r.type === "kubernetes:apps/v1:DaemonSet" && r.name === "staging-local-volume-provisioner"));
        });
        assert.deepEqual(mandatoryPolicies(doc), ["k8s-local-volume-provisioner"]);
    });
    it("the warm-up pinned to a hostname, as the L2 cache once listed its nodes", () => {
        const doc = mutated("staging", d => {
            const warmup = d.resources.find(r => r.type === "kubernetes:apps/v1:DaemonSet" && r.name === "staging-cache-warmup")!;
            (warmup.inputs.spec as any).template.spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["ip-10-20-1-20.ec2.internal"] }] }] } } };
        });
        assert.deepEqual(mandatoryPolicies(doc), ["k8s-no-hostname-pinning"]);
    });
});

describe("mutated plans of a created cluster are caught", () => {
    function ofTypeNamed(doc: PlanDocument, type: string, name: string) {
        const found = doc.resources.find(r => r.type === type && r.name === name);
        assert.ok(found, `the plan has a ${type} named ${name}`);
        return found!;
    }
    const CLUSTER = "aws:eks/cluster:Cluster";
    it("the public endpoint opened to every address", () => {
        const doc = mutated("dev", d => { delete (ofTypeNamed(d, CLUSTER, "dev").inputs.vpcConfig as any).publicAccessCidrs; });
        assert.deepEqual(mandatoryPolicies(doc), ["eks-public-endpoint-cidrs"]);
        const open = mutated("dev", d => { (ofTypeNamed(d, CLUSTER, "dev").inputs.vpcConfig as any).publicAccessCidrs = ["0.0.0.0/0"]; });
        assert.deepEqual(mandatoryPolicies(open), ["eks-public-endpoint-cidrs"]);
    });
    it("secrets left to the AWS-owned key", () => {
        const doc = mutated("staging", d => { delete ofTypeNamed(d, CLUSTER, "staging").inputs.encryptionConfig; });
        assert.deepEqual(mandatoryPolicies(doc), ["eks-secrets-encryption-cmk"]);
    });
    it("the control-plane log group left to EKS (no retention)", () => {
        const doc = mutated("staging", d => { d.resources = d.resources.filter(r => r.type !== "aws:cloudwatch/logGroup:LogGroup"); });
        assert.deepEqual(mandatoryPolicies(doc), ["eks-control-plane-log-retention"]);
    });
    it("pods let through to the instance metadata service", () => {
        const doc = mutated("dev", d => {
            (ofTypeNamed(d, "aws:ec2/launchTemplate:LaunchTemplate", "dev-nodes").inputs.metadataOptions as any).httpPutResponseHopLimit = 2;
        });
        assert.deepEqual(mandatoryPolicies(doc), ["eks-node-imds-hop-limit"]);
    });
    it("the CNI policy back on the node role and the CNI add-on's role dropped", () => {
        const doc = mutated("staging", d => {
            ofTypeNamed(d, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "staging-vpc-cni-AmazonEKS_CNI_Policy").inputs.role = "staging-nodes-id";
            delete ofTypeNamed(d, "aws:eks/addon:Addon", "staging-vpc-cni").inputs.serviceAccountRoleArn;
        });
        const found = mandatory(evaluate(doc, rules));
        assert.deepEqual([...new Set(found.map(f => f.policy))], ["eks-vpc-cni-irsa"]);
        assert.equal(found.length, 2);
    });
    it("the Pod Identity Agent the FSx add-on needs removed", () => {
        const doc = mutated("dev", d => { d.resources = d.resources.filter(r => r.name !== "dev-pod-identity-agent"); });
        assert.deepEqual(mandatoryPolicies(doc), ["eks-fsx-pod-identity-agent"]);
    });
});

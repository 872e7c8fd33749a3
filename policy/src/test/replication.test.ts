import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as roleScoped } from "../rules/iam-replication-role-scoped";
import { policy as replicaKey } from "../rules/s3-replication-replica-key";
import { findings, KEY_ARN, plan, policyJson, resource, secureBucket } from "../testing/support";
import type { PlanResource } from "../evaluate";

const REPLICA_KEY = "arn:aws:kms:us-east-1:123456789012:key/prod-replication-key-id";
const SOURCE = "arn:aws:s3:::strata-prod-model-plan";
const REPLICA = "arn:aws:s3:::strata-prod-replication-model-plan";

/** The statements Strata's ReplicationPolicy gives the role; `extra` adds to them. */
function rolePolicy(extra: object[] = []): string {
    const context = (bucket: string, region: string) => ({
        StringLike: { "kms:ViaService": `s3.${region}.amazonaws.com`, "kms:EncryptionContext:aws:s3:arn": [bucket, `${bucket}/*`] },
    });
    return policyJson(
        { Sid: "ReadSourceReplicationConfiguration", Effect: "Allow", Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"], Resource: SOURCE },
        { Sid: "ReadSourceObjectVersions", Effect: "Allow", Action: ["s3:GetObjectVersionForReplication"], Resource: `${SOURCE}/*` },
        { Sid: "ReplicateToDestination", Effect: "Allow", Action: ["s3:ReplicateObject"], Resource: `${REPLICA}/*` },
        { Sid: "DecryptSourceThroughS3", Effect: "Allow", Action: "kms:Decrypt", Resource: KEY_ARN, Condition: context(SOURCE, "us-west-2") },
        { Sid: "EncryptReplicasThroughS3", Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt"], Resource: REPLICA_KEY, Condition: context(REPLICA, "us-east-1") },
        ...extra);
}

function rule(change: (r: any) => void = () => undefined): object {
    const r: any = {
        id: "replicate-to-us-east-1", status: "Enabled", priority: 1, filter: { prefix: "" },
        deleteMarkerReplication: { status: "Disabled" },
        sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
        destination: { bucket: REPLICA, encryptionConfiguration: { replicaKmsKeyId: REPLICA_KEY } },
    };
    change(r);
    return r;
}

/** The model zone and its replica as Strata plans them; `policy` and `rules` replace the role's policy and the rules. */
function replication(policy = rolePolicy(), rules: object[] = [rule()]): PlanResource[] {
    return [
        ...secureBucket("prod", "prod-model", "model"),
        ...secureBucket("prod", "prod-replication-model", "model", p => {
            (p.encryption.inputs.rules as any)[0].applyServerSideEncryptionByDefault.kmsMasterKeyId = REPLICA_KEY;
        }),
        ...secureBucket("prod", "prod-feature", "feature"),
        resource("aws:iam/role:Role", "prod-replication-model", { assumeRolePolicy: policyJson({ Effect: "Allow", Principal: { Service: "s3.amazonaws.com" }, Action: "sts:AssumeRole" }) }),
        resource("aws:iam/rolePolicy:RolePolicy", "prod-replication-model", { role: "prod-replication-model-id", name: "replicate-model", policy }),
        resource("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "prod-replication-model", {
            bucket: "strata-prod-model-plan", role: "arn:aws:iam::123456789012:role/prod-replication-model-id", rules,
        }),
    ];
}

describe("iam-replication-role-scoped", () => {
    it("accepts a role that names the source, the replica and their two keys", () => {
        assert.deepEqual(findings(roleScoped, plan("prod", replication())), []);
    });
    it("rejects a role that also names another bucket of the plan", () => {
        const result = findings(roleScoped, plan("prod", replication(rolePolicy([
            { Sid: "ReadFeatures", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::strata-prod-feature-plan/*" },
        ]))));
        assert.equal(result.length, 1);
        assert.equal(result[0].resource, "urn:pulumi:test::strata::aws:iam/rolePolicy:RolePolicy::prod-replication-model");
        assert.equal(result[0].message, "RolePolicy prod-replication-model statement ReadFeatures must name only the buckets and keys of "
            + "BucketReplicationConfig prod-replication-model, not arn:aws:s3:::strata-prod-feature-plan/*.");
    });
    it("rejects a bucket outside the plan and a key no bucket of the replication uses", () => {
        const result = findings(roleScoped, plan("prod", replication(rolePolicy([
            { Sid: "Elsewhere", Effect: "Allow", Action: "s3:ReplicateObject", Resource: "arn:aws:s3:::someone-elses-bucket/*" },
            { Sid: "OtherKey", Effect: "Allow", Action: "kms:Encrypt", Resource: "arn:aws:kms:us-east-1:123456789012:key/other" },
        ]))));
        assert.deepEqual(result.map(f => f.message.split(" must")[0]), [
            "RolePolicy prod-replication-model statement Elsewhere", "RolePolicy prod-replication-model statement OtherKey"]);
    });
});

describe("s3-replication-replica-key", () => {
    it("finds the source by its id as well as by its name", () => {
        const byId = replication(rolePolicy(), [rule(r => delete r.destination.encryptionConfiguration)]);
        (byId[byId.length - 1].inputs as any).bucket = "prod-model-id";
        assert.equal(findings(replicaKey, plan("prod", byId)).length, 1);
    });
    it("accepts a rule that selects SSE-KMS objects and sets the replica key", () => {
        assert.deepEqual(findings(replicaKey, plan("prod", replication())), []);
    });
    it("rejects a rule of a KMS-encrypted bucket without a replica key", () => {
        const result = findings(replicaKey, plan("prod", replication(rolePolicy(), [rule(r => delete r.destination.encryptionConfiguration)])));
        assert.equal(result.length, 1);
        assert.equal(result[0].resource, "urn:pulumi:test::strata::aws:s3/bucketReplicationConfig:BucketReplicationConfig::prod-replication-model");
        assert.equal(result[0].message, "BucketReplicationConfig prod-replication-model rule replicate-to-us-east-1 must select SSE-KMS objects "
            + "and set destination.encryptionConfiguration.replicaKmsKeyId: BucketV2 prod-model is encrypted with a KMS key.");
    });
    it("rejects a rule that does not select SSE-KMS objects", () => {
        const result = findings(replicaKey, plan("prod", replication(rolePolicy(), [rule(r => delete r.sourceSelectionCriteria)])));
        assert.equal(result.length, 1);
    });
});

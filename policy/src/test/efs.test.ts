import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as encryption } from "../rules/efs-encryption-cmk";
import { policy as tlsOnly } from "../rules/efs-tls-only";
import { policy as backup } from "../rules/efs-backup-production";
import { findings, KEY_ARN, plan, policyJson, resource, tags } from "../testing/support";

const TLS_DENY = { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } };

function fileSystem(environment: string, inputs: Record<string, unknown> = {}) {
    return resource("aws:efs/fileSystem:FileSystem", `${environment}-models`, { encrypted: true, kmsKeyId: KEY_ARN, tags: tags(environment), ...inputs });
}
const fsPolicy = (statement: object) => resource("aws:efs/fileSystemPolicy:FileSystemPolicy", "models-policy", { fileSystemId: "prod-models-id", policy: policyJson(statement) });
const backupPolicy = (status: string) => resource("aws:efs/backupPolicy:BackupPolicy", "models-backup", { fileSystemId: "prod-models-id", backupPolicy: { status } });

describe("efs-encryption-cmk", () => {
    it("accepts encryption under a customer-managed key", () => assert.deepEqual(findings(encryption, plan("prod", [fileSystem("prod")])), []));
    it("rejects no encryption and the AWS managed key", () => {
        assert.equal(findings(encryption, plan("prod", [fileSystem("prod", { encrypted: false })]))[0].message,
            "FileSystem prod-models must be encrypted (encrypted true) with a customer-managed kmsKeyId.");
        assert.equal(findings(encryption, plan("prod", [fileSystem("prod", { kmsKeyId: undefined })])).length, 1);
        assert.equal(findings(encryption, plan("prod", [fileSystem("prod", { kmsKeyId: "alias/aws/elasticfilesystem" })])).length, 1);
    });
});

describe("efs-tls-only", () => {
    it("accepts a file-system policy denying insecure transport", () => {
        assert.deepEqual(findings(tlsOnly, plan("prod", [fileSystem("prod"), fsPolicy(TLS_DENY)])), []);
    });
    it("rejects no policy, and a policy without the deny", () => {
        assert.equal(findings(tlsOnly, plan("prod", [fileSystem("prod")])).length, 1);
        const allowOnly = fsPolicy({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "elasticfilesystem:ClientMount" });
        const result = findings(tlsOnly, plan("prod", [fileSystem("prod"), allowOnly]));
        assert.equal(result[0].message, "FileSystem prod-models must have a file-system policy that denies access when aws:SecureTransport is false.");
    });
});

describe("efs-backup-production", () => {
    it("accepts an enabled backup policy in prod and none outside prod", () => {
        assert.deepEqual(findings(backup, plan("prod", [fileSystem("prod"), backupPolicy("ENABLED")])), []);
        assert.deepEqual(findings(backup, plan("dev", [fileSystem("dev")])), []);
    });
    it("rejects no backups, or disabled ones, in prod", () => {
        assert.equal(findings(backup, plan("prod", [fileSystem("prod")])).length, 1);
        assert.equal(findings(backup, plan("prod", [fileSystem("prod"), backupPolicy("DISABLED")]))[0].message,
            "FileSystem prod-models must have a backup policy with status ENABLED in prod.");
    });
});

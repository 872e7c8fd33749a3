import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as rotation } from "../rules/kms-key-rotation";
import { policy as deletionWindow } from "../rules/kms-key-deletion-window";
import { policy as keyPolicy } from "../rules/kms-key-policy-no-public-principal";
import { policy as grantConstrained } from "../rules/kms-grant-constrained";
import { findings, plan, policyJson, resource, tags } from "../testing/support";

/** Strata's key policy: KMS's default, the account root, so that IAM policies decide. */
const ROOT = { Sid: "AccountAdministersKeyThroughIam", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" };
const STRATA_KEY_POLICY = policyJson(ROOT);

function key(environment: string, inputs: Record<string, unknown> = {}) {
    return resource("aws:kms/key:Key", `${environment}-datalake`, {
        deletionWindowInDays: 30, enableKeyRotation: true, policy: STRATA_KEY_POLICY, tags: tags(environment), ...inputs,
    }, { protect: environment === "prod" });
}

describe("kms-key-rotation", () => {
    it("accepts rotation on", () => assert.deepEqual(findings(rotation, plan("dev", [key("dev")])), []));
    it("rejects rotation off or unset", () => {
        assert.equal(findings(rotation, plan("dev", [key("dev", { enableKeyRotation: false })]))[0].message,
            "Key dev-datalake must have enableKeyRotation true.");
        assert.equal(findings(rotation, plan("dev", [key("dev", { enableKeyRotation: undefined })])).length, 1);
    });
    it("does not ask asymmetric keys to rotate", () => {
        assert.deepEqual(findings(rotation, plan("dev", [key("dev", { enableKeyRotation: false, customerMasterKeySpec: "RSA_2048" })])), []);
    });
});

describe("kms-key-deletion-window", () => {
    it("accepts 7 days outside prod and 30 in prod (and KMS's default of 30)", () => {
        assert.deepEqual(findings(deletionWindow, plan("dev", [key("dev", { deletionWindowInDays: 7 })])), []);
        assert.deepEqual(findings(deletionWindow, plan("prod", [key("prod")])), []);
        assert.deepEqual(findings(deletionWindow, plan("prod", [key("prod", { deletionWindowInDays: undefined })])), []);
    });
    it("rejects fewer than 30 days in prod", () => {
        const result = findings(deletionWindow, plan("prod", [key("prod", { deletionWindowInDays: 7 })]));
        assert.equal(result[0].message, "Key prod-datalake must have deletionWindowInDays of at least 30 (it is 7).");
    });
    it("reads the environment from the stack when the key has no environment tag", () => {
        const untagged = key("prod", { deletionWindowInDays: 10, tags: {} });
        assert.equal(findings(deletionWindow, plan("prod", [untagged])).length, 1);
        assert.deepEqual(findings(deletionWindow, plan("dev", [untagged])), []);
    });
    it("honours a configured minimum", () => {
        const config = { "kms-key-deletion-window": { minimumDays: 14 } };
        assert.equal(findings(deletionWindow, plan("dev", [key("dev", { deletionWindowInDays: 7 })]), config).length, 1);
    });
});

describe("kms-key-policy-no-public-principal", () => {
    it("accepts the account root, a service principal and named roles", () => {
        assert.deepEqual(findings(keyPolicy, plan("prod", [key("prod")])), []);
        const logs = policyJson(ROOT, { Sid: "Logs", Effect: "Allow", Principal: { Service: "logs.us-east-1.amazonaws.com" },
            Action: ["kms:Encrypt", "kms:Decrypt"], Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:123456789012:log-group:*" } } });
        const roles = policyJson(ROOT, { Sid: "Roles", Effect: "Allow", Principal: { AWS: ["arn:aws:iam::210987654321:role/backup"] },
            Action: "kms:Decrypt", Resource: "*" });
        // A Deny for * restricts, it does not grant.
        const deny = policyJson(ROOT, { Sid: "NoOtherAccount", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*",
            Condition: { StringNotEquals: { "kms:CallerAccount": "123456789012" } } });
        for (const policy of [logs, roles, deny]) {
            assert.deepEqual(findings(keyPolicy, plan("prod", [key("prod", { policy })])), []);
        }
    });
    it("rejects * however it is conditioned: unconditioned, on the account and service, or as any service", () => {
        const open = policyJson({ Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" });
        const accountAndService = policyJson(ROOT, { Sid: "ServicesUseKeyOnAccountsBehalf", Effect: "Allow", Principal: { AWS: "*" },
            Action: ["kms:Encrypt", "kms:Decrypt"], Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } } });
        const fsxAll = policyJson(ROOT, { Sid: "AllFsxFileSystems", Effect: "Allow", Principal: { AWS: ["*"] }, Action: "kms:Decrypt",
            Resource: "*", Condition: { StringLike: { "aws:userid": "*:FSx" } } });
        const anyService = policyJson(ROOT, { Sid: "AnyService", Effect: "Allow", Principal: { Service: "*" }, Action: "kms:Decrypt", Resource: "*" });
        assert.equal(findings(keyPolicy, plan("prod", [key("prod", { policy: open })]))[0].message,
            "Key prod-datalake key policy statement Anyone must name its principals, not *.");
        assert.equal(findings(keyPolicy, plan("prod", [key("prod", { policy: accountAndService })]))[0].message,
            "Key prod-datalake key policy statement ServicesUseKeyOnAccountsBehalf must name its principals, not *.");
        assert.equal(findings(keyPolicy, plan("prod", [key("prod", { policy: fsxAll })])).length, 1);
        assert.equal(findings(keyPolicy, plan("prod", [key("prod", { policy: anyService })])).length, 1);
    });
});

describe("kms-grant-constrained", () => {
    const SLR = "arn:aws:iam::123456789012:role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/AWSServiceRoleForFSxS3Access_fs-1";
    function grant(inputs: Record<string, unknown> = {}) {
        return resource("aws:kms/grant:Grant", "prod-training-hot-s3-access", {
            keyId: "arn:aws:kms:us-east-1:123456789012:key/k", granteePrincipal: SLR,
            operations: ["Encrypt", "Decrypt", "GenerateDataKey", "DescribeKey"],
            constraints: [{ encryptionContextSubset: { "aws:s3:arn": "arn:aws:s3:::strata-prod-training-data" } }], ...inputs,
        });
    }
    it("accepts a grant to one role, for data-key operations, within an encryption context", () => {
        assert.deepEqual(findings(grantConstrained, plan("prod", [grant()])), []);
        assert.deepEqual(findings(grantConstrained, plan("prod", [grant({
            constraints: [{ encryptionContextEquals: { "aws:s3:arn": "arn:aws:s3:::b" } }] })])), []);
    });
    it("rejects a grant without an encryption context, to *, or that hands the key on", () => {
        assert.equal(findings(grantConstrained, plan("prod", [grant({ constraints: undefined })]))[0].message,
            "Grant prod-training-hot-s3-access must be constrained to an encryption context (encryptionContextSubset or encryptionContextEquals).");
        assert.equal(findings(grantConstrained, plan("prod", [grant({ constraints: [{ encryptionContextSubset: {} }] })])).length, 1);
        assert.equal(findings(grantConstrained, plan("prod", [grant({ granteePrincipal: "*" })]))[0].message,
            "Grant prod-training-hot-s3-access grantee must be one principal's ARN, not \"*\".");
        assert.equal(findings(grantConstrained, plan("prod", [grant({ operations: ["Decrypt", "CreateGrant"] })]))[0].message,
            "Grant prod-training-hot-s3-access operations must be data-key operations only, not CreateGrant.");
    });
});

import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as rotation } from "../rules/kms-key-rotation";
import { policy as deletionWindow } from "../rules/kms-key-deletion-window";
import { policy as keyPolicy } from "../rules/kms-key-policy-no-public-principal";
import { findings, plan, policyJson, resource, tags } from "../testing/support";

/** Strata's key policy: the account root administers the key; services use it for the account only. */
const STRATA_KEY_POLICY = policyJson(
    { Sid: "AccountAdministersKeyThroughIam", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
    { Sid: "ServicesUseKeyOnAccountsBehalf", Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Encrypt", "kms:Decrypt"], Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": "123456789012", "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } } },
);

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
    it("accepts the account root's kms:* and * conditioned on the caller account", () => {
        assert.deepEqual(findings(keyPolicy, plan("prod", [key("prod")])), []);
    });
    it("rejects an unconditioned * principal, and one conditioned only on the service", () => {
        const open = policyJson({ Sid: "Anyone", Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" });
        const viaOnly = policyJson({ Sid: "ViaS3", Effect: "Allow", Principal: { AWS: ["*"] }, Action: "kms:Decrypt", Resource: "*",
            Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } } });
        const result = findings(keyPolicy, plan("prod", [key("prod", { policy: open })]));
        assert.equal(result[0].message, "Key prod-datalake key policy statement Anyone must be conditioned on an account, organization or source when it allows the principal *.");
        assert.equal(findings(keyPolicy, plan("prod", [key("prod", { policy: viaOnly })])).length, 1);
    });
});

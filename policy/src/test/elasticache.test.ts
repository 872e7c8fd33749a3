import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as encryption } from "../rules/elasticache-encryption";
import { policy as auth } from "../rules/elasticache-auth-required";
import { findings, plan, resource, tags } from "../testing/support";

function redis(inputs: Record<string, unknown> = {}) {
    return resource("aws:elasticache/replicationGroup:ReplicationGroup", "prod-l1", {
        description: "L1 cache", engine: "redis", nodeType: "cache.r7g.large", atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true, authToken: "[secret]", tags: tags("prod"), ...inputs,
    });
}

describe("elasticache-encryption", () => {
    it("accepts encryption at rest and in transit", () => assert.deepEqual(findings(encryption, plan("prod", [redis()])), []));
    it("rejects either one off or unset", () => {
        assert.deepEqual(findings(encryption, plan("prod", [redis({ atRestEncryptionEnabled: undefined, transitEncryptionEnabled: false })])).map(f => f.message), [
            "ReplicationGroup prod-l1 must have atRestEncryptionEnabled true.",
            "ReplicationGroup prod-l1 must have transitEncryptionEnabled true.",
        ]);
    });
});

describe("elasticache-auth-required", () => {
    it("accepts an AUTH token (a secret) or RBAC user groups", () => {
        assert.deepEqual(findings(auth, plan("prod", [redis()])), []);
        assert.deepEqual(findings(auth, plan("prod", [redis({ authToken: undefined, userGroupIds: ["ml-users"] })])), []);
    });
    it("rejects neither", () => {
        assert.equal(findings(auth, plan("prod", [redis({ authToken: undefined, userGroupIds: [] })]))[0].message,
            "ReplicationGroup prod-l1 must require authentication with authToken or userGroupIds.");
    });
});

import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as protectedRule } from "../rules/stateful-resources-protected";
import { policy as costTags } from "../rules/required-cost-tags";
import { findings, plan, resource, tags } from "../testing/support";

function bucket(environment: string, protect: boolean, inputTags: Record<string, string> = tags(environment)) {
    return resource("aws:s3/bucketV2:BucketV2", `${environment}-raw`, { bucketPrefix: "strata-raw-", tags: inputTags }, { protect });
}

describe("stateful-resources-protected", () => {
    it("accepts protected resources in prod and unprotected ones in dev", () => {
        const scratch = resource("aws:fsx/lustreFileSystem:LustreFileSystem", "prod-scratch", { deploymentType: "SCRATCH_2", tags: tags("prod") });
        assert.deepEqual(findings(protectedRule, plan("prod", [bucket("prod", true), scratch])), []);
        assert.deepEqual(findings(protectedRule, plan("dev", [bucket("dev", false)])), []);
    });
    it("rejects an unprotected bucket, key or persistent file system in prod", () => {
        const key = resource("aws:kms/key:Key", "prod-key", { tags: tags("prod") });
        const lustre = resource("aws:fsx/lustreFileSystem:LustreFileSystem", "prod-hot", { deploymentType: "PERSISTENT_2", tags: tags("prod") });
        const result = findings(protectedRule, plan("prod", [bucket("prod", false), key, lustre]));
        assert.deepEqual(result.map(f => f.message), [
            "BucketV2 prod-raw must be protected in prod (set strata:protect to true).",
            "Key prod-key must be protected in prod (set strata:protect to true).",
            "LustreFileSystem prod-hot must be protected in prod (set strata:protect to true).",
        ]);
        assert.ok(result.every(f => f.enforcementLevel === "mandatory"));
    });
});

describe("required-cost-tags", () => {
    it("accepts all four tags, and ignores untaggable sub-resources", () => {
        const policy = resource("aws:s3/bucketPolicy:BucketPolicy", "p", { bucket: "dev-raw-id", policy: "{}" });
        assert.deepEqual(findings(costTags, plan("dev", [bucket("dev", false), policy])), []);
    });
    it("reports missing tags as advisory", () => {
        const result = findings(costTags, plan("dev", [bucket("dev", false, { environment: "dev", component: "datalake" })]));
        assert.deepEqual(result, [{
            policy: "required-cost-tags", resource: "urn:pulumi:test::strata::aws:s3/bucketV2:BucketV2::dev-raw",
            message: "BucketV2 dev-raw must be tagged with cost-center, owner (set strata:tags).", enforcementLevel: "advisory",
        }]);
    });
    it("takes the required tags from config", () => {
        const config = { "required-cost-tags": { requiredTags: ["environment"] } };
        assert.deepEqual(findings(costTags, plan("dev", [bucket("dev", false, { environment: "dev" })]), config), []);
    });
});

import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import type { StackValidationPolicy } from "@pulumi/policy";
import { evaluate, enforcementLevelOf, policyResources } from "../evaluate";
import { rules } from "../rules";
import { policy as encryption } from "../rules/s3-bucket-encryption-cmk";
import { policy as protectedRule } from "../rules/stateful-resources-protected";
import { policy as tlsOnly } from "../rules/s3-bucket-tls-only";
import { findings, plan, ROOT, secureBucket, stackPlan } from "../testing/support";

const unprotected = plan("prod", secureBucket("prod", "prod-raw", "raw", p => { p.bucket.protect = false; }));

describe("enforcement levels and config", () => {
    it("uses each rule's own level by default", () => {
        assert.equal(enforcementLevelOf(protectedRule, {}), "mandatory");
        assert.equal(findings(protectedRule, unprotected)[0].enforcementLevel, "mandatory");
    });
    it("lets config lower, raise or disable a rule, per rule or for all", () => {
        assert.equal(findings(protectedRule, unprotected, { "stateful-resources-protected": "advisory" })[0].enforcementLevel, "advisory");
        assert.equal(findings(protectedRule, unprotected, { "stateful-resources-protected": { enforcementLevel: "advisory" } })[0].enforcementLevel, "advisory");
        assert.deepEqual(findings(protectedRule, unprotected, { all: "disabled" }), []);
        assert.equal(findings(protectedRule, unprotected, { all: "disabled", "stateful-resources-protected": "mandatory" }).length, 1);
        assert.equal(findings(protectedRule, unprotected, { "stateful-resources-protected": "remediate" })[0].enforcementLevel, "mandatory");
    });
    it("rejects config naming an unknown rule or level", () => {
        assert.throws(() => evaluate(unprotected, rules, { "no-such-rule": "advisory" }), /unknown policy "no-such-rule"/);
        assert.throws(() => evaluate(unprotected, rules, { "stateful-resources-protected": "strict" }), /enforcement level "strict"/);
    });
    it("rejects a document that is not a plan", () => {
        assert.throws(() => evaluate({ resources: "none" }, rules), /not a strata plan document/);
    });
});

describe("the arguments rules receive", () => {
    it("give stack policies parents and the property dependencies matched by physical id", () => {
        const resources = policyResources(stackPlan("prod"));
        const encryptionConfig = resources.find(r => r.name === "prod-raw-encryption")!;
        assert.deepEqual(encryptionConfig.propertyDependencies.bucket.map(r => r.name), ["prod-raw"]);
        assert.equal(encryptionConfig.parent?.type, "strata:datalake:SecureBucket");
        assert.deepEqual(encryptionConfig.dependencies.map(r => r.name), ["prod-raw"]);
        assert.equal(resources.find(r => r.name === "prod-raw" && r.type === "aws:s3/bucketV2:BucketV2")!.opts.protect, true);
    });
    it("skip what is unknown during a preview instead of failing", () => {
        // The analyzer hands rules proxies that throw on unknown values; the rules read through them.
        const { unknownCheckingProxy, unknownStringValue } = require("@pulumi/policy/proxy");
        const doc = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            p.policy.inputs.policy = unknownStringValue;
            (p.encryption.inputs.rules as any)[0].applyServerSideEncryptionByDefault.kmsMasterKeyId = unknownStringValue;
        }));
        const resources = policyResources(doc).map(r => ({ ...r, props: unknownCheckingProxy(r.props) }));
        for (const rule of [encryption, tlsOnly] as StackValidationPolicy[]) {
            const reported: string[] = [];
            rule.validateStack({ resources, stackTags: new Map([["environment", "prod"]]), getConfig: () => ({}) as any, notApplicable: () => { throw new Error(); } },
                message => reported.push(message));
            assert.deepEqual(reported, [], rule.name);
        }
    });
});

describe("the offline command", () => {
    const offline = path.join(ROOT, "dist", "offline.js");
    const prodPlan = path.join(ROOT, "fixtures", "plans", "prod.json");

    it("prints the findings of a plan file and exits 0 without a mandatory one", () => {
        const run = spawnSync(process.execPath, [offline, prodPlan], { encoding: "utf8" });
        assert.equal(run.status, 0, run.stderr);
        assert.ok(Array.isArray(JSON.parse(run.stdout)));
    });
    it("reads the plan from stdin and exits 1 on a mandatory finding", () => {
        const doc = stackPlan("prod");
        doc.resources.forEach(r => { r.protect = false; });
        const run = spawnSync(process.execPath, [offline], { input: JSON.stringify(doc), encoding: "utf8" });
        assert.equal(run.status, 1, run.stderr);
        const found = JSON.parse(run.stdout);
        assert.ok(found.length > 0);
        assert.deepEqual(Object.keys(found[0]), ["policy", "resource", "message", "enforcementLevel"]);
        assert.equal(found[0].policy, "stateful-resources-protected");
    });
    it("honours a config file", () => {
        const doc = stackPlan("prod");
        doc.resources.forEach(r => { r.protect = false; });
        const config = path.join(ROOT, "fixtures", "config", "advisory.json");
        const run = spawnSync(process.execPath, [offline, "--config", config], { input: JSON.stringify(doc), encoding: "utf8" });
        assert.equal(run.status, 0, run.stderr);
        assert.ok(JSON.parse(run.stdout).every((f: { enforcementLevel: string }) => f.enforcementLevel === "advisory"));
    });
    it("exits 3 on a policy config it refuses, before reading the plan", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "strata-policy-"));
        const cases: [string, RegExp][] = [
            ["{\"no-such-rule\": \"advisory\"}", /unknown policy "no-such-rule"/],
            ["{\"kms-key-rotation\": \"loud\"}", /"kms-key-rotation" has enforcement level "loud"/],
            ["{not json", /policy config .* is not JSON/],
        ];
        for (const [text, message] of cases) {
            const config = path.join(dir, "config.json");
            fs.writeFileSync(config, text);
            // No plan on stdin: the runner must answer without reading it.
            const run = spawnSync(process.execPath, [offline, "--config", config], { input: "", encoding: "utf8" });
            assert.equal(run.status, 3, run.stderr);
            assert.match(run.stderr, message);
            assert.equal(run.stdout, "");
        }
    });
    it("exits 2 with a message on bad input", () => {
        const run = spawnSync(process.execPath, [offline], { input: "not json", encoding: "utf8" });
        assert.equal(run.status, 2);
        assert.match(run.stderr, /plan on stdin is not JSON/);
        assert.equal(run.stdout, "");
        const usage = spawnSync(process.execPath, [offline, "--bogus"], { encoding: "utf8" });
        assert.equal(usage.status, 2);
        assert.match(usage.stderr, /unknown option --bogus/);
    });
});

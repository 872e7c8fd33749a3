/**
 * The pack under @pulumi/policy's own analyzer server, as `pulumi preview --policy-pack policy`
 * runs it: dist/index.js is started, and the engine's Analyze and AnalyzeStack calls are made over
 * gRPC with a plan's resources. Its diagnostics must be the offline runner's findings.
 */
import { strict as assert } from "node:assert";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { evaluate, PlanDocument, policyResources } from "../evaluate";
import { rules } from "../rules";
import { policyJson, resource, ROOT, stackPlan } from "../testing/support";

/* eslint-disable @typescript-eslint/no-var-requires */
const grpc = require("@grpc/grpc-js");
const analyzerGrpc = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
const pb = require("@pulumi/pulumi/proto/analyzer_pb");
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

/** The engine's marker for a value unknown during preview. */
const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];

let server: ChildProcess;
let client: any;

function call<T>(method: string, request: unknown): Promise<T> {
    return new Promise((resolve, reject) => client[method](request, (err: Error | null, response: T) => err ? reject(err) : resolve(response)));
}

function options(r: PlanDocument["resources"][number]) {
    const o = new pb.AnalyzerResourceOptions();
    o.setProtect(r.protect);
    if (r.parent) {
        o.setParent(r.parent);
    }
    return o;
}

/** What the analyzer reports for a plan: `policy urn level` lines, and every message. */
async function analyze(doc: PlanDocument): Promise<{ keys: string[]; messages: string[] }> {
    const keys: string[] = [];
    const messages: string[] = [];
    const collect = (response: any, urn?: string) => {
        for (const d of response.getDiagnosticsList()) {
            keys.push(`${d.getPolicyname()} ${d.getUrn() || urn} ${LEVELS[d.getEnforcementlevel()]}`);
            messages.push(d.getMessage());
        }
    };
    for (const r of doc.resources) {
        const request = new pb.AnalyzeRequest();
        request.setType(r.type);
        request.setUrn(r.urn);
        request.setName(r.name);
        request.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(r.inputs))));
        request.setOptions(options(r));
        collect(await call("analyze", request), r.urn);
    }
    const stack = new pb.AnalyzeStackRequest();
    const withDependencies = policyResources(doc);
    stack.setResourcesList(doc.resources.map((r, i) => {
        const resource = new pb.AnalyzerResource();
        resource.setType(r.type);
        resource.setUrn(r.urn);
        resource.setName(r.name);
        resource.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(r.inputs))));
        resource.setOptions(options(r));
        if (r.parent) {
            resource.setParent(r.parent);
        }
        resource.setDependenciesList(withDependencies[i].dependencies.map(d => d.urn));
        for (const [key, deps] of Object.entries(withDependencies[i].propertyDependencies)) {
            const urns = new pb.AnalyzerPropertyDependencies();
            urns.setUrnsList(deps.map(d => d.urn));
            resource.getPropertydependenciesMap().set(key, urns);
        }
        return resource;
    }));
    collect(await call("analyzeStack", stack));
    return { keys: keys.sort(), messages };
}

function offline(doc: PlanDocument): string[] {
    return evaluate(doc, rules).map(f => `${f.policy} ${f.resource} ${f.enforcementLevel}`).sort();
}

describe("the pack under the CrossGuard analyzer", () => {
    before(async () => {
        server = spawn(process.execPath, [path.join(ROOT, "dist", "index.js")], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
        const port = await new Promise<number>((resolve, reject) => {
            server.stdout!.once("data", chunk => resolve(parseInt(String(chunk).trim(), 10)));
            server.once("exit", code => reject(new Error(`the pack exited with ${code} before serving`)));
        });
        client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });
    after(() => {
        client?.close();
        server?.kill();
    });

    it("registers every rule", async () => {
        const info: any = await call("getAnalyzerInfo", new (require("google-protobuf/google/protobuf/empty_pb").Empty)());
        assert.equal(info.getName(), "strata");
        assert.deepEqual(info.getPoliciesList().map((p: any) => p.getName()).sort(), rules.map(r => r.name).sort());
    });

    it("reports what the offline runner reports for the prod plan", async () => {
        const doc = stackPlan("prod");
        assert.deepEqual((await analyze(doc)).keys, offline(doc));
    });

    it("reports what the offline runner reports for a broken prod plan", async () => {
        const doc: PlanDocument = JSON.parse(JSON.stringify(stackPlan("prod")));
        doc.resources = doc.resources.filter(r => r.name !== "prod-raw-encryption");
        doc.resources.forEach(r => { r.protect = false; });
        doc.resources.push(resource("aws:iam/rolePolicy:RolePolicy", "prod-reader-policy",
            { role: "r", policy: policyJson({ Sid: "All", Effect: "Allow", Action: "s3:*", Resource: "*" }) }));
        const { keys, messages } = await analyze(doc);
        assert.deepEqual(keys, offline(doc));
        assert.ok(keys.some(k => k.startsWith("s3-bucket-encryption-cmk ")));
        assert.ok(keys.some(k => k.startsWith("stateful-resources-protected ")));
        assert.ok(keys.some(k => k.startsWith("iam-no-wildcard-actions ")));
        assert.ok(messages.every(m => !m.includes("can't run")), messages.join("\n"));
    });

    it("skips values unknown during a preview instead of failing the rule", async () => {
        const doc: PlanDocument = JSON.parse(JSON.stringify(stackPlan("prod")));
        for (const r of doc.resources) {
            if (r.type.startsWith("aws:s3/bucketPolicy") || r.type === "aws:kms/key:Key") {
                r.inputs.policy = UNKNOWN_STRING;
            }
            const byDefault = (r.inputs.rules as any)?.[0]?.applyServerSideEncryptionByDefault;
            if (r.type.startsWith("aws:s3/bucketServerSideEncryption") && byDefault.kmsMasterKeyId) {
                byDefault.kmsMasterKeyId = UNKNOWN_STRING; // the ARN of a key created in the same update
            }
        }
        const { keys, messages } = await analyze(doc);
        assert.deepEqual(keys, []);
        assert.deepEqual(messages, []);
    });
});

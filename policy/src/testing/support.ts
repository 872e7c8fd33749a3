import { existsSync, readFileSync } from "fs";
import * as path from "path";
import type { Policies } from "@pulumi/policy";
import { evaluate, Finding, PlanDocument, PlanResource } from "../evaluate";

/** The package root (tests run from dist/test). */
export const ROOT = path.resolve(__dirname, "..", "..");

/** A plan resource; `id` defaults to `<name>-id` as the recording engine gives it. */
export function resource(type: string, name: string, inputs: Record<string, unknown>, options: Partial<PlanResource> = {}): PlanResource {
    return {
        urn: `urn:pulumi:test::strata::${type}::${name}`,
        type, name, id: `${name}-id`, parent: null, protect: false, retainOnDelete: false, inputs,
        ...options,
    };
}

export function plan(environment: string, resources: PlanResource[]): PlanDocument {
    return { project: "strata", stack: environment, resources, outputs: { environment } };
}

/** The findings one rule reports over a plan. */
export function findings(rule: Policies[number], doc: PlanDocument, config: object = {}): Finding[] {
    return evaluate(doc, [rule], config);
}

export function tags(environment: string, extra: Record<string, string> = {}): Record<string, string> {
    return { environment, component: "test", "cost-center": "ml-platform", owner: "ml-platform-team", ...extra };
}

export function policyJson(...statements: object[]): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

export const TLS_DENY = {
    Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
    Resource: ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], Condition: { Bool: { "aws:SecureTransport": "false" } },
};

export const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/test-key-id";

/** A bucket configured as Strata's SecureBucket configures it; `change` edits the resources before returning. */
export function secureBucket(environment: string, name: string, tier: string,
    change: (parts: Record<string, PlanResource>) => void = () => undefined): PlanResource[] {
    const bucketId = `${name}-id`;
    const accessLogs = tier === "access-logs";
    const parts: Record<string, PlanResource> = {
        bucket: resource("aws:s3/bucketV2:BucketV2", name, { bucketPrefix: `strata-${name}-`, forceDestroy: false, tags: tags(environment, { tier }) },
            { protect: environment === "prod", retainOnDelete: environment === "prod" }),
        ownership: resource("aws:s3/bucketOwnershipControls:BucketOwnershipControls", `${name}-ownership`,
            { bucket: bucketId, rule: { objectOwnership: "BucketOwnerEnforced" } }),
        publicAccess: resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", `${name}-public-access`,
            { bucket: bucketId, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }),
        encryption: resource("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", `${name}-encryption`, {
            bucket: bucketId,
            rules: [accessLogs
                ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: false }
                : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN }, bucketKeyEnabled: true }],
        }),
        policy: resource("aws:s3/bucketPolicy:BucketPolicy", `${name}-policy`, { bucket: bucketId, policy: policyJson(TLS_DENY) }),
        lifecycle: resource("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", `${name}-lifecycle`, {
            bucket: bucketId,
            rules: [
                { id: "retention", status: "Enabled", filter: { prefix: "" }, expiration: { days: 365 }, transitions: [], noncurrentVersionTransitions: [] },
                { id: "abort-incomplete-multipart-uploads", status: "Enabled", filter: { prefix: "" }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
            ],
        }),
    };
    if (!accessLogs) {
        parts.versioning = resource("aws:s3/bucketVersioningV2:BucketVersioningV2", `${name}-versioning`,
            { bucket: bucketId, versioningConfiguration: { status: "Enabled" } });
    }
    change(parts);
    return Object.values(parts);
}

/**
 * A stack's `strata plan --format json`: the one the Java tests have just written under `mvn verify`
 * (STRATA_PLAN_DIR), else the committed snapshot in fixtures/plans.
 */
export function stackPlan(stack: string): PlanDocument {
    const fresh = process.env.STRATA_PLAN_DIR ? path.join(process.env.STRATA_PLAN_DIR, `${stack}.json`) : undefined;
    const file = fresh && existsSync(fresh) ? fresh : path.join(ROOT, "fixtures", "plans", `${stack}.json`);
    return JSON.parse(readFileSync(file, "utf8"));
}

export function mandatory(list: Finding[]): Finding[] {
    return list.filter(f => f.enforcementLevel === "mandatory");
}

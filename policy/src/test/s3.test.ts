import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as encryption } from "../rules/s3-bucket-encryption-cmk";
import { policy as publicAccess } from "../rules/s3-bucket-public-access-block";
import { policy as ownership } from "../rules/s3-bucket-ownership-enforced";
import { policy as tlsOnly } from "../rules/s3-bucket-tls-only";
import { policy as notPublic } from "../rules/s3-bucket-policy-not-public";
import { policy as lifecycle } from "../rules/s3-bucket-lifecycle";
import { policy as modelVersioning } from "../rules/s3-model-bucket-versioning";
import { policy as abortUploads } from "../rules/s3-abort-incomplete-multipart-uploads";
import { findings, plan, policyJson, secureBucket, TLS_DENY } from "../testing/support";

const compliant = plan("prod", [
    ...secureBucket("prod", "prod-raw", "raw"),
    ...secureBucket("prod", "prod-model", "model"),
    ...secureBucket("prod", "prod-access-logs", "access-logs"),
]);

describe("s3-bucket-encryption-cmk", () => {
    it("accepts SSE-KMS with a customer-managed key and bucket key, and SSE-S3 on the access-log bucket", () => {
        assert.deepEqual(findings(encryption, compliant), []);
    });
    it("rejects a bucket without an encryption configuration", () => {
        const result = findings(encryption, plan("prod", secureBucket("prod", "prod-raw", "raw", p => delete p.encryption)));
        assert.equal(result.length, 1);
        assert.equal(result[0].resource, "urn:pulumi:test::strata::aws:s3/bucketV2:BucketV2::prod-raw");
        assert.equal(result[0].enforcementLevel, "mandatory");
        assert.match(result[0].message, /^BucketV2 prod-raw must be encrypted with SSE-KMS under a customer-managed key/);
    });
    it("rejects SSE-S3 on a data bucket: only the access-log bucket may use AES256", () => {
        const doc = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            p.encryption.inputs.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: false }];
        }));
        assert.equal(findings(encryption, doc).length, 1);
    });
    it("rejects the AWS managed key and a missing bucket key", () => {
        const awsManaged = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            p.encryption.inputs.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" }, bucketKeyEnabled: true }];
        }));
        const noBucketKey = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            (p.encryption.inputs.rules as any)[0].bucketKeyEnabled = false;
        }));
        assert.equal(findings(encryption, awsManaged).length, 1);
        assert.equal(findings(encryption, noBucketKey).length, 1);
    });
    it("rejects SSE-KMS without a key on the access-log bucket too", () => {
        const doc = plan("prod", secureBucket("prod", "prod-access-logs", "access-logs", p => {
            p.encryption.inputs.rules = [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: false }];
        }));
        assert.equal(findings(encryption, doc).length, 1);
    });
});

describe("s3-bucket-public-access-block", () => {
    it("accepts all four flags on", () => assert.deepEqual(findings(publicAccess, compliant), []));
    it("rejects a flag turned off and a missing block", () => {
        const open = plan("prod", secureBucket("prod", "prod-raw", "raw", p => { p.publicAccess.inputs.restrictPublicBuckets = false; }));
        const missing = plan("prod", secureBucket("prod", "prod-raw", "raw", p => delete p.publicAccess));
        assert.match(findings(publicAccess, open)[0].message, /must have a public access block with .* all true\.$/);
        assert.equal(findings(publicAccess, missing).length, 1);
    });
});

describe("s3-bucket-ownership-enforced", () => {
    it("accepts BucketOwnerEnforced", () => assert.deepEqual(findings(ownership, compliant), []));
    it("rejects ObjectWriter and missing controls", () => {
        const writer = plan("prod", secureBucket("prod", "prod-raw", "raw", p => { p.ownership.inputs.rule = { objectOwnership: "ObjectWriter" }; }));
        const missing = plan("prod", secureBucket("prod", "prod-raw", "raw", p => delete p.ownership));
        assert.equal(findings(ownership, writer).length, 1);
        assert.equal(findings(ownership, missing).length, 1);
    });
});

describe("s3-bucket-tls-only", () => {
    it("accepts a Deny of s3:* for aws:SecureTransport false", () => assert.deepEqual(findings(tlsOnly, compliant), []));
    it("rejects a policy without the TLS deny, and no policy at all", () => {
        const other = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            p.policy.inputs.policy = policyJson({ ...TLS_DENY, Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } });
        }));
        const onlyGets = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            p.policy.inputs.policy = policyJson({ ...TLS_DENY, Action: "s3:GetObject" });
        }));
        const missing = plan("prod", secureBucket("prod", "prod-raw", "raw", p => delete p.policy));
        assert.equal(findings(tlsOnly, other).length, 1);
        assert.equal(findings(tlsOnly, onlyGets).length, 1);
        assert.equal(findings(tlsOnly, missing).length, 1);
    });
});

describe("s3-bucket-policy-not-public", () => {
    it("accepts Deny statements for * and an Allow scoped to the account", () => {
        const scoped = plan("prod", secureBucket("prod", "prod-access-logs", "access-logs", p => {
            p.policy.inputs.policy = policyJson(TLS_DENY, {
                Sid: "AllowServerAccessLogDelivery", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" },
                Action: "s3:PutObject", Resource: "arn:aws:s3:::b/*", Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
            }, { Sid: "AccountReads", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*",
                Condition: { StringEquals: { "aws:PrincipalAccount": "123456789012" } } });
        }));
        assert.deepEqual(findings(notPublic, compliant), []);
        assert.deepEqual(findings(notPublic, scoped), []);
    });
    it("rejects an unconditioned Allow to everyone", () => {
        const open = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            p.policy.inputs.policy = policyJson(TLS_DENY, { Sid: "PublicRead", Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" });
        }));
        const result = findings(notPublic, open);
        assert.equal(result.length, 1);
        assert.match(result[0].message, /statement PublicRead must be conditioned on an account/);
    });
});

describe("s3-bucket-lifecycle", () => {
    it("accepts an expiration rule", () => assert.deepEqual(findings(lifecycle, compliant), []));
    it("rejects a bucket whose only rule aborts uploads, and one without lifecycle", () => {
        const abortOnly = plan("prod", secureBucket("prod", "prod-raw", "raw", p => {
            p.lifecycle.inputs.rules = [(p.lifecycle.inputs.rules as any)[1]];
        }));
        const missing = plan("prod", secureBucket("prod", "prod-raw", "raw", p => delete p.lifecycle));
        assert.equal(findings(lifecycle, abortOnly).length, 1);
        assert.equal(findings(lifecycle, missing).length, 1);
    });
    it("exempts configured tiers", () => {
        const missing = plan("prod", secureBucket("prod", "prod-scratch", "scratch", p => delete p.lifecycle));
        assert.deepEqual(findings(lifecycle, missing, { "s3-bucket-lifecycle": { exemptTiers: ["scratch"] } }), []);
    });
});

describe("s3-model-bucket-versioning", () => {
    it("accepts a versioned model bucket and ignores other tiers", () => {
        const rawUnversioned = plan("prod", secureBucket("prod", "prod-raw", "raw", p => delete p.versioning));
        assert.deepEqual(findings(modelVersioning, compliant), []);
        assert.deepEqual(findings(modelVersioning, rawUnversioned), []);
    });
    it("rejects a model bucket without versioning, or with it suspended", () => {
        const missing = plan("prod", secureBucket("prod", "prod-model", "model", p => delete p.versioning));
        const suspended = plan("prod", secureBucket("prod", "prod-model", "model", p => { p.versioning.inputs.versioningConfiguration = { status: "Suspended" }; }));
        assert.equal(findings(modelVersioning, missing)[0].message, "BucketV2 prod-model must have versioning Enabled.");
        assert.equal(findings(modelVersioning, suspended).length, 1);
    });
});

describe("s3-abort-incomplete-multipart-uploads", () => {
    it("accepts a whole-bucket abort rule within 7 days", () => assert.deepEqual(findings(abortUploads, compliant), []));
    it("rejects no abort rule, a rule limited to a prefix and one too slow", () => {
        const none = plan("prod", secureBucket("prod", "prod-raw", "raw", p => { p.lifecycle.inputs.rules = [(p.lifecycle.inputs.rules as any)[0]]; }));
        const prefixed = plan("prod", secureBucket("prod", "prod-raw", "raw", p => { (p.lifecycle.inputs.rules as any)[1].filter = { prefix: "tmp/" }; }));
        const slow = plan("prod", secureBucket("prod", "prod-raw", "raw", p => { (p.lifecycle.inputs.rules as any)[1].abortIncompleteMultipartUpload.daysAfterInitiation = 30; }));
        assert.equal(findings(abortUploads, none).length, 1);
        assert.equal(findings(abortUploads, prefixed).length, 1);
        assert.equal(findings(abortUploads, slow).length, 1);
        assert.deepEqual(findings(abortUploads, slow, { "s3-abort-incomplete-multipart-uploads": { maximumDays: 30 } }), []);
    });
});

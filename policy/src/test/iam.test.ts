import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as wildcardActions } from "../rules/iam-no-wildcard-actions";
import { policy as wildcardResources } from "../rules/iam-no-wildcard-resources";
import { policy as irsa } from "../rules/iam-irsa-trust-policy";
import { policy as broadManaged } from "../rules/iam-no-broad-managed-policies";
import { policy as s3CsiReadOnly } from "../rules/iam-s3-csi-driver-read-only";
import { findings, plan, policyJson, resource, tags } from "../testing/support";

const OIDC = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";

function rolePolicy(...statements: object[]) {
    return resource("aws:iam/rolePolicy:RolePolicy", "reader-policy", { role: "reader-id", policy: policyJson(...statements) });
}

function role(condition: object, inputs: Record<string, unknown> = {}) {
    return resource("aws:iam/role:Role", "reader", {
        assumeRolePolicy: policyJson({
            Sid: "ServiceAccount", Effect: "Allow", Action: "sts:AssumeRoleWithWebIdentity",
            Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${OIDC}` }, Condition: condition,
        }),
        tags: tags("prod"), ...inputs,
    });
}

const EXACT = { StringEquals: { [`${OIDC}:sub`]: "system:serviceaccount:ml:reader", [`${OIDC}:aud`]: "sts.amazonaws.com" } };
const READ = { Sid: "ReadRaw", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: ["arn:aws:s3:::raw", "arn:aws:s3:::raw/*"] };

describe("iam-no-wildcard-actions", () => {
    it("accepts named actions, and wildcards in Deny statements", () => {
        const deny = { Sid: "NoDeletes", Effect: "Deny", Action: "s3:Delete*", Resource: "*" };
        assert.deepEqual(findings(wildcardActions, plan("prod", [rolePolicy(READ, deny)])), []);
    });
    it("rejects s3:*, s3:Get*, * and NotAction in Allow statements, on policies and inline role policies", () => {
        const result = findings(wildcardActions, plan("prod", [rolePolicy({ ...READ, Action: ["s3:*", "s3:Get*"] })]));
        assert.equal(result[0].message, "RolePolicy reader-policy statement ReadRaw must name each allowed action without wildcards (found s3:*, s3:Get*).");
        const managed = resource("aws:iam/policy:Policy", "p", { policy: policyJson({ Effect: "Allow", Action: "*", Resource: "*" }) });
        const notAction = resource("aws:iam/policy:Policy", "q", { policy: policyJson({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) });
        const inline = role(EXACT, { inlinePolicies: [{ name: "x", policy: policyJson({ ...READ, Action: "s3:*" }) }] });
        assert.equal(findings(wildcardActions, plan("prod", [managed, notAction, inline])).length, 3);
    });
    it("leaves key and bucket policies to their own rules", () => {
        const key = resource("aws:kms/key:Key", "k", { policy: policyJson({ Effect: "Allow", Principal: { AWS: "arn:aws:iam::1:root" }, Action: "kms:*", Resource: "*" }) });
        assert.deepEqual(findings(wildcardActions, plan("prod", [key])), []);
    });
});

describe("iam-no-wildcard-resources", () => {
    it("accepts scoped resources and Resource * for actions AWS cannot scope", () => {
        const describe = { Sid: "Describe", Effect: "Allow", Action: ["fsx:DescribeFileSystems", "ec2:DescribeAvailabilityZones"], Resource: "*" };
        assert.deepEqual(findings(wildcardResources, plan("prod", [rolePolicy(READ, describe)])), []);
    });
    it("rejects Resource * for scopable actions", () => {
        const result = findings(wildcardResources, plan("prod", [rolePolicy({ ...READ, Resource: "*" })]));
        assert.equal(result.length, 1);
        assert.match(result[0].message, /statement ReadRaw must be scoped to resource ARNs for s3:GetObject, s3:ListBucket/);
    });
    it("takes the allow-list from config", () => {
        const config = { "iam-no-wildcard-resources": { allowedActions: ["s3:GetObject", "s3:ListBucket"] } };
        assert.deepEqual(findings(wildcardResources, plan("prod", [rolePolicy({ ...READ, Resource: "*" })]), config), []);
    });
});

describe("iam-irsa-trust-policy", () => {
    it("accepts StringEquals on :sub and :aud, and ignores roles for AWS services", () => {
        const service = resource("aws:iam/role:Role", "node", { assumeRolePolicy: policyJson({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } }) });
        assert.deepEqual(findings(irsa, plan("prod", [role(EXACT), service])), []);
    });
    it("rejects StringLike, a wildcard service account, a missing :aud and no condition", () => {
        const like = role({ StringLike: EXACT.StringEquals });
        const wildcard = role({ StringEquals: { ...EXACT.StringEquals, [`${OIDC}:sub`]: "system:serviceaccount:ml:*" } });
        const noAud = role({ StringEquals: { [`${OIDC}:sub`]: "system:serviceaccount:ml:reader" } });
        const none = role({});
        for (const r of [like, wildcard, noAud, none]) {
            const result = findings(irsa, plan("prod", [r]));
            assert.equal(result.length, 1);
            assert.match(result[0].message, /^Role reader trust statement ServiceAccount must be conditioned with StringEquals on :sub/);
        }
    });
});

describe("iam-no-broad-managed-policies", () => {
    it("accepts narrow AWS managed policies and customer-managed ones", () => {
        const csi = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "csi", { role: "r", policyArn: "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy" });
        const own = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "own", { role: "r", policyArn: "arn:aws:iam::123456789012:policy/AdministratorAccess" });
        assert.deepEqual(findings(broadManaged, plan("prod", [csi, own])), []);
    });
    it("rejects AdministratorAccess, *FullAccess and broad managedPolicyArns on a role", () => {
        const admin = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "admin", { role: "r", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });
        const s3 = role(EXACT, { managedPolicyArns: ["arn:aws:iam::aws:policy/AmazonS3FullAccess"] });
        const result = findings(broadManaged, plan("prod", [admin, s3]));
        assert.deepEqual(result.map(f => f.message), [
            "RolePolicyAttachment admin must be attached a least-privilege policy, not the AWS managed AdministratorAccess.",
            "Role reader must be attached a least-privilege policy, not the AWS managed AmazonS3FullAccess.",
        ]);
    });
});

describe("iam-s3-csi-driver-read-only", () => {
    const trust = policyJson({ Sid: "ServiceAccountWebIdentity", Effect: "Allow", Principal: { Federated: "arn:aws:iam::1:oidc-provider/x" },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { "x:sub": "system:serviceaccount:kube-system:s3-csi-driver-sa", "x:aud": "sts.amazonaws.com" } } });
    const driverRole = resource("aws:iam/role:Role", "dev-s3-csi", { assumeRolePolicy: trust, tags: tags("dev") });
    const read = resource("aws:iam/rolePolicy:RolePolicy", "dev-s3-csi-read", { role: "dev-s3-csi-id", policy: policyJson(
        { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/models/*" },
        { Effect: "Allow", Action: "s3:ListBucket", Resource: "arn:aws:s3:::b", Condition: { StringLike: { "s3:prefix": ["models/*"] } } },
        { Effect: "Allow", Action: "kms:Decrypt", Resource: "arn:aws:kms:us-east-1:1:key/k" }) });
    it("accepts the driver's role with read grants, and leaves other roles alone", () => {
        const other = resource("aws:iam/rolePolicy:RolePolicy", "writer", { role: "w-id", policy: policyJson(
            { Effect: "Allow", Action: "s3:PutObject", Resource: "arn:aws:s3:::b/*" }) });
        assert.deepEqual(findings(s3CsiReadOnly, plan("dev", [driverRole, read, other])), []);
    });
    it("rejects a write action or a managed policy on the driver's role", () => {
        const write = resource("aws:iam/rolePolicy:RolePolicy", "dev-s3-csi-write", { role: "dev-s3-csi-id", policy: policyJson(
            { Effect: "Allow", Action: ["s3:PutObject", "s3:AbortMultipartUpload"], Resource: "arn:aws:s3:::b/models/*" }) });
        assert.equal(findings(s3CsiReadOnly, plan("dev", [driverRole, read, write]))[0].message,
            "Role dev-s3-csi runs the Mountpoint for Amazon S3 CSI driver, so it must allow only s3:GetObject, s3:ListBucket, kms:Decrypt "
            + "(it also allows s3:AbortMultipartUpload, s3:PutObject).");
        const full = resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "full", { role: "dev-s3-csi-id",
            policyArn: "arn:aws:iam::aws:policy/AmazonS3FullAccess" });
        assert.equal(findings(s3CsiReadOnly, plan("dev", [driverRole, read, full])).length, 1);
        const wildcard = resource("aws:iam/rolePolicy:RolePolicy", "dev-s3-csi-any", { role: "dev-s3-csi-id", policy: policyJson(
            { Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/*" }) });
        assert.equal(findings(s3CsiReadOnly, plan("dev", [driverRole, wildcard])).length, 1);
    });
});

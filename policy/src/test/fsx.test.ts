import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as encryption } from "../rules/fsx-lustre-encryption-cmk";
import { policy as capacity } from "../rules/fsx-lustre-capacity-throughput";
import { policy as backup } from "../rules/fsx-lustre-backup-production";
import { policy as openGroup } from "../rules/fsx-lustre-no-open-security-group";
import { policy as version } from "../rules/fsx-lustre-version";
import { policy as linkedNoBackups } from "../rules/fsx-lustre-linked-no-backups";
import { policy as linkedPrefix } from "../rules/fsx-lustre-linked-prefix-readable";
import { policy as clientRules } from "../rules/fsx-lustre-client-rules";
import { findings, KEY_ARN, plan, resource, secureBucket, tags } from "../testing/support";

function lustre(environment: string, inputs: Record<string, unknown> = {}) {
    return resource("aws:fsx/lustreFileSystem:LustreFileSystem", `${environment}-hot`, {
        deploymentType: "PERSISTENT_2", storageCapacity: 2400, perUnitStorageThroughput: 250, kmsKeyId: KEY_ARN,
        automaticBackupRetentionDays: 7, fileSystemTypeVersion: "2.15", subnetIds: "subnet-1", securityGroupIds: ["lustre-sg-id"],
        tags: tags(environment), ...inputs,
    });
}
const SCRATCH = { deploymentType: "SCRATCH_2", perUnitStorageThroughput: undefined, kmsKeyId: undefined, automaticBackupRetentionDays: undefined };

function securityGroup(cidr: string) {
    return resource("aws:ec2/securityGroup:SecurityGroup", "lustre-sg", {
        vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 988, toPort: 988, cidrBlocks: [cidr] }], tags: tags("prod"),
    });
}

describe("fsx-lustre-encryption-cmk", () => {
    it("accepts a persistent file system with a CMK, and scratch without one", () => {
        assert.deepEqual(findings(encryption, plan("prod", [lustre("prod"), lustre("dev", SCRATCH)])), []);
    });
    it("rejects a persistent file system without a CMK", () => {
        assert.equal(findings(encryption, plan("prod", [lustre("prod", { kmsKeyId: undefined })]))[0].message,
            "LustreFileSystem prod-hot (PERSISTENT_2) must have a customer-managed kmsKeyId.");
    });
});

describe("fsx-lustre-capacity-throughput", () => {
    it("accepts valid capacities and throughputs for each deployment type", () => {
        const valid = [
            lustre("prod"),
            lustre("prod", { storageCapacity: 1200, perUnitStorageThroughput: 1000 }),
            lustre("dev", { ...SCRATCH, storageCapacity: 4800 }),
            lustre("dev", { ...SCRATCH, deploymentType: "SCRATCH_1", storageCapacity: 7200 }),
            lustre("prod", { deploymentType: "PERSISTENT_1", storageCapacity: 2400, perUnitStorageThroughput: 200 }),
            lustre("prod", { deploymentType: "PERSISTENT_1", storageType: "HDD", storageCapacity: 6000, perUnitStorageThroughput: 12 }),
        ];
        assert.deepEqual(findings(capacity, plan("prod", valid)), []);
    });
    it("rejects capacities off the step, wrong throughputs and a throughput on scratch", () => {
        assert.equal(findings(capacity, plan("prod", [lustre("prod", { storageCapacity: 1000 })]))[0].message,
            "LustreFileSystem prod-hot storageCapacity must be 1200, 2400, a multiple of 2400 GiB for PERSISTENT_2 SSD (it is 1000).");
        assert.equal(findings(capacity, plan("prod", [lustre("prod", { perUnitStorageThroughput: 200 })]))[0].message,
            "LustreFileSystem prod-hot perUnitStorageThroughput must be one of 125, 250, 500, 1000 for PERSISTENT_2 (it is 200).");
        assert.equal(findings(capacity, plan("dev", [lustre("dev", { ...SCRATCH, perUnitStorageThroughput: 125 })])).length, 1);
        assert.equal(findings(capacity, plan("dev", [lustre("dev", { ...SCRATCH, deploymentType: "SCRATCH_1", storageCapacity: 4800 })])).length, 1);
    });
});

describe("fsx-lustre-backup-production", () => {
    it("accepts 7 days of backups in prod, none in dev, and scratch in prod", () => {
        assert.deepEqual(findings(backup, plan("prod", [lustre("prod")])), []);
        assert.deepEqual(findings(backup, plan("dev", [lustre("dev", { automaticBackupRetentionDays: 0 })])), []);
        assert.deepEqual(findings(backup, plan("prod", [lustre("prod", SCRATCH)])), []);
    });
    it("rejects a persistent file system without backups in prod", () => {
        assert.equal(findings(backup, plan("prod", [lustre("prod", { automaticBackupRetentionDays: undefined })]))[0].message,
            "LustreFileSystem prod-hot automaticBackupRetentionDays must be at least 7 in prod (it is 0).");
    });
});

describe("fsx-lustre-no-open-security-group", () => {
    it("accepts a security group open to the VPC only", () => {
        assert.deepEqual(findings(openGroup, plan("prod", [lustre("prod"), securityGroup("10.0.0.0/16")])), []);
    });
    it("rejects 0.0.0.0/0 inline, and ::/0 through an ingress rule resource", () => {
        const result = findings(openGroup, plan("prod", [lustre("prod"), securityGroup("0.0.0.0/0")]));
        assert.equal(result[0].message, "LustreFileSystem prod-hot security group lustre-sg must admit only the cluster's networks, not 0.0.0.0/0.");
        const rule = resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "lustre-any6", { securityGroupId: "lustre-sg-id", ipProtocol: "tcp", fromPort: 988, toPort: 988, cidrIpv6: "::/0" });
        assert.equal(findings(openGroup, plan("prod", [lustre("prod"), securityGroup("10.0.0.0/16"), rule])).length, 1);
    });
});

function association(path: string, inputs: Record<string, unknown> = {}) {
    return resource("aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation", `prod-hot-${path}`, {
        fileSystemId: "prod-hot-id", fileSystemPath: `/${path}`, dataRepositoryPath: `s3://strata-training-plan/${path}/`, ...inputs,
    });
}

function fsxClass(parameters: Record<string, string>) {
    return resource("kubernetes:storage.k8s.io/v1:StorageClass", "scratch-class", {
        metadata: { name: "fsx-lustre-training" }, provisioner: "fsx.csi.aws.com", volumeBindingMode: "WaitForFirstConsumer",
        parameters: { subnetId: "subnet-1", securityGroupIds: "lustre-sg-id", deploymentType: "SCRATCH_2", fileSystemTypeVersion: "2.15", ...parameters },
    });
}

describe("fsx-lustre-version", () => {
    it("accepts 2.15 and 2.12 on file systems and FSx StorageClasses, and ignores other StorageClasses", () => {
        const efsClass = resource("kubernetes:storage.k8s.io/v1:StorageClass", "efs", { provisioner: "efs.csi.aws.com", parameters: {} });
        assert.deepEqual(findings(version, plan("prod", [lustre("prod"), lustre("dev", { ...SCRATCH, fileSystemTypeVersion: "2.12" }),
            fsxClass({}), fsxClass({ fileSystemTypeVersion: "2.12" }), efsClass])), []);
    });
    it("rejects an unset version (FSx's 2.10) and 2.10 on file systems and StorageClasses", () => {
        assert.equal(findings(version, plan("dev", [lustre("dev", { ...SCRATCH, fileSystemTypeVersion: undefined })]))[0].message,
            "LustreFileSystem dev-hot fileSystemTypeVersion must be one of 2.12, 2.15, the Lustre versions the nodes mount (it is unset, and FSx then creates Lustre 2.10 for every type but PERSISTENT_2).");
        assert.equal(findings(version, plan("dev", [fsxClass({ fileSystemTypeVersion: "2.10" })]))[0].message,
            "StorageClass scratch-class parameters.fileSystemTypeVersion must be one of 2.12, 2.15, the Lustre versions the nodes mount (it is 2.10).");
    });
    it("rejects a version the deployment type does not take, when the configuration allows it", () => {
        const config = { "fsx-lustre-version": { allowedVersions: ["2.10", "2.12", "2.15"] } };
        assert.deepEqual(findings(version, plan("dev", [lustre("dev", { ...SCRATCH, fileSystemTypeVersion: "2.10" })]), config), []);
        assert.equal(findings(version, plan("prod", [lustre("prod", { fileSystemTypeVersion: "2.10" })]), config)[0].message,
            "LustreFileSystem prod-hot fileSystemTypeVersion must be a version PERSISTENT_2 supports, not 2.10.");
    });
});

describe("fsx-lustre-linked-no-backups", () => {
    it("accepts backups on an unlinked persistent file system, and a linked one without backups", () => {
        assert.deepEqual(findings(linkedNoBackups, plan("prod", [lustre("prod")])), []);
        assert.deepEqual(findings(linkedNoBackups, plan("prod", [lustre("prod", { automaticBackupRetentionDays: 0 }), association("datasets")])), []);
        assert.deepEqual(findings(linkedNoBackups, plan("prod", [fsxClass({ s3ImportPath: "s3://b/datasets/" })])), []);
    });
    it("rejects backups on a file system linked by an association, by an import path, or through a StorageClass", () => {
        assert.equal(findings(linkedNoBackups, plan("prod", [lustre("prod", { automaticBackupRetentionDays: 14 }), association("datasets")]))[0].message,
            "LustreFileSystem prod-hot automaticBackupRetentionDays must be 0 on a file system linked to S3 (it is 14; linked by DataRepositoryAssociation prod-hot-datasets): FSx backs up no linked file system, the bucket is the durable copy.");
        assert.match(findings(linkedNoBackups, plan("prod", [lustre("prod", { deploymentType: "PERSISTENT_1", perUnitStorageThroughput: 100,
            importPath: "s3://b/datasets/" })]))[0].message, /linked by importPath/);
        assert.equal(findings(linkedNoBackups, plan("prod", [fsxClass({ s3ImportPath: "s3://b/datasets/", automaticBackupRetentionDays: "7" })])).length, 1);
    });
});

describe("fsx-lustre-backup-production (linked file systems)", () => {
    it("does not ask a file system linked to S3 for backups", () => {
        assert.deepEqual(findings(backup, plan("prod", [lustre("prod", { automaticBackupRetentionDays: 0 }), association("datasets")])), []);
        assert.deepEqual(findings(backup, plan("prod", [lustre("prod", { deploymentType: "PERSISTENT_1", perUnitStorageThroughput: 100,
            automaticBackupRetentionDays: 0, importPath: "s3://b/datasets/" })])), []);
    });
});

describe("fsx-lustre-linked-prefix-readable", () => {
    function trainingBucket(transitions: object[], prefix = "datasets/") {
        return secureBucket("prod", "training", "cold-archive", parts => {
            parts.lifecycle.inputs.rules = [
                { id: "tiering", status: "Enabled", filter: { prefix }, transitions },
                { id: "abort-incomplete-multipart-uploads", status: "Enabled", filter: { prefix: "" }, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
            ];
        });
    }
    it("accepts readable classes on a linked prefix and archiving another prefix or another bucket", () => {
        const readable = [{ days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "GLACIER_IR" }];
        assert.deepEqual(findings(linkedPrefix, plan("prod", [...trainingBucket(readable), association("datasets")])), []);
        assert.deepEqual(findings(linkedPrefix, plan("prod", [...trainingBucket([{ days: 0, storageClass: "GLACIER" }], "archive/"),
            association("datasets")])), []);
        const other = secureBucket("prod", "raw", "raw", parts => {
            parts.lifecycle.inputs.rules = [{ id: "all", status: "Enabled", filter: { prefix: "" }, transitions: [{ days: 90, storageClass: "DEEP_ARCHIVE" }] }];
        });
        assert.deepEqual(findings(linkedPrefix, plan("prod", [...trainingBucket(readable), ...other, association("datasets")])), []);
    });
    it("rejects archiving a linked prefix, the whole bucket, or a prefix inside a linked one", () => {
        assert.equal(findings(linkedPrefix, plan("prod", [...trainingBucket([{ days: 90, storageClass: "GLACIER" }]), association("datasets")]))[0].message,
            "BucketLifecycleConfigurationV2 training-lifecycle rule tiering must not move datasets/ to GLACIER: DataRepositoryAssociation prod-hot-datasets dataRepositoryPath links s3://strata-training-plan/datasets/, and FSx for Lustre cannot read archived objects.");
        assert.equal(findings(linkedPrefix, plan("prod", [...trainingBucket([{ days: 365, storageClass: "DEEP_ARCHIVE" }], ""),
            lustre("prod", { importPath: "s3://strata-training-plan/datasets/" })])).length, 1);
        assert.equal(findings(linkedPrefix, plan("prod", [...trainingBucket([{ days: 90, storageClass: "GLACIER" }], "datasets/old/"),
            fsxClass({ s3ImportPath: "s3://strata-training-plan/datasets/" })])).length, 1);
    });
});

describe("fsx-lustre-client-rules", () => {
    const group = resource("aws:ec2/securityGroup:SecurityGroup", "lustre-sg", { vpcId: "vpc-1", tags: tags("prod") });
    const rule = (name: string, inputs: Record<string, unknown>) =>
        resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name, { ipProtocol: "tcp", ...inputs });
    const serverRules = [
        rule("lustre-in-self-988", { securityGroupId: "lustre-sg-id", referencedSecurityGroupId: "lustre-sg-id", fromPort: 988, toPort: 988 }),
        rule("lustre-in-nodes-988", { securityGroupId: "lustre-sg-id", referencedSecurityGroupId: "sg-nodes", fromPort: 988, toPort: 988 }),
    ];
    const clientRule = (from: number, to: number) =>
        rule(`client-in-${from}`, { securityGroupId: "sg-nodes", referencedSecurityGroupId: "lustre-sg-id", fromPort: from, toPort: to });
    it("accepts a client group with inbound 988 and 1018-1023 from the Lustre group", () => {
        assert.deepEqual(findings(clientRules, plan("prod", [lustre("prod"), group, ...serverRules, clientRule(988, 988), clientRule(1018, 1023)])), []);
    });
    it("reports a client group missing the Lustre ports, as advisory", () => {
        const result = findings(clientRules, plan("prod", [lustre("prod"), group, ...serverRules, clientRule(988, 988)]));
        assert.equal(result[0].message, "LustreFileSystem prod-hot client security group sg-nodes must admit TCP 1018-1023 from security group lustre-sg.");
        assert.equal(result[0].enforcementLevel, "advisory");
    });
});

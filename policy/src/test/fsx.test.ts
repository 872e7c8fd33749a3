import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as encryption } from "../rules/fsx-lustre-encryption-cmk";
import { policy as capacity } from "../rules/fsx-lustre-capacity-throughput";
import { policy as backup } from "../rules/fsx-lustre-backup-production";
import { policy as openGroup } from "../rules/fsx-lustre-no-open-security-group";
import { findings, KEY_ARN, plan, resource, tags } from "../testing/support";

function lustre(environment: string, inputs: Record<string, unknown> = {}) {
    return resource("aws:fsx/lustreFileSystem:LustreFileSystem", `${environment}-hot`, {
        deploymentType: "PERSISTENT_2", storageCapacity: 2400, perUnitStorageThroughput: 250, kmsKeyId: KEY_ARN,
        automaticBackupRetentionDays: 7, subnetIds: "subnet-1", securityGroupIds: ["lustre-sg-id"], tags: tags(environment), ...inputs,
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

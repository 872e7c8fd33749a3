import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as privateEndpoint } from "../rules/eks-private-endpoint-production";
import { policy as nodeVolumes } from "../rules/eks-node-volume-encryption";
import { findings, plan, resource, tags } from "../testing/support";

function cluster(environment: string, vpcConfig: Record<string, unknown>) {
    return resource("aws:eks/cluster:Cluster", `${environment}-cluster`, { roleArn: "arn:aws:iam::1:role/eks", vpcConfig: { subnetIds: ["s-1"], ...vpcConfig }, tags: tags(environment) });
}
const PRIVATE = { endpointPrivateAccess: true, endpointPublicAccess: false };

function launchTemplate(encrypted: unknown) {
    return resource("aws:ec2/launchTemplate:LaunchTemplate", "gpu-nodes", {
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 200, volumeType: "gp3", encrypted } }], tags: tags("prod"),
    });
}

describe("eks-private-endpoint-production", () => {
    it("accepts a private endpoint in prod and a public one in dev", () => {
        assert.deepEqual(findings(privateEndpoint, plan("prod", [cluster("prod", PRIVATE)])), []);
        assert.deepEqual(findings(privateEndpoint, plan("dev", [cluster("dev", {})])), []);
    });
    it("rejects the public default in prod, for aws and pulumi-eks clusters", () => {
        assert.equal(findings(privateEndpoint, plan("prod", [cluster("prod", {})]))[0].message,
            "Cluster prod-cluster must have endpointPrivateAccess true and endpointPublicAccess false in prod.");
        const component = resource("eks:index:Cluster", "prod-eks", { endpointPublicAccess: true, endpointPrivateAccess: true, tags: tags("prod") }, { id: null });
        assert.equal(findings(privateEndpoint, plan("prod", [component])).length, 1);
    });
});

describe("eks-node-volume-encryption", () => {
    it("accepts encrypted launch templates, node groups using them and pulumi-eks clusters with encrypted roots", () => {
        const group = resource("aws:eks/nodeGroup:NodeGroup", "gpu", { clusterName: "c", launchTemplate: { id: "gpu-nodes-id", version: "1" } });
        const component = resource("eks:index:Cluster", "prod-eks", { nodeRootVolumeEncrypted: true }, { id: null });
        const skipped = resource("eks:index:Cluster", "prod-eks2", { skipDefaultNodeGroup: true }, { id: null });
        assert.deepEqual(findings(nodeVolumes, plan("prod", [launchTemplate("true"), group, component, skipped])), []);
    });
    it("rejects unencrypted mappings, node groups without a template and unencrypted default node groups", () => {
        assert.equal(findings(nodeVolumes, plan("prod", [launchTemplate("false")]))[0].message,
            "LaunchTemplate gpu-nodes must map its EBS volumes with encrypted \"true\".");
        assert.equal(findings(nodeVolumes, plan("prod", [launchTemplate(undefined)])).length, 1);
        const group = resource("aws:eks/nodeGroup:NodeGroup", "gpu", { clusterName: "c", diskSize: 200 });
        assert.equal(findings(nodeVolumes, plan("prod", [group]))[0].message, "NodeGroup gpu must use a launch template with encrypted EBS volumes.");
        const component = resource("eks:index:Cluster", "prod-eks", {}, { id: null });
        assert.equal(findings(nodeVolumes, plan("prod", [component])).length, 1);
    });
});

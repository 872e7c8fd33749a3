import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as privateEndpoint } from "../rules/eks-private-endpoint-production";
import { policy as nodeVolumes } from "../rules/eks-node-volume-encryption";
import { policy as publicCidrs } from "../rules/eks-public-endpoint-cidrs";
import { policy as secretsCmk } from "../rules/eks-secrets-encryption-cmk";
import { policy as logRetention } from "../rules/eks-control-plane-log-retention";
import { policy as imdsHops } from "../rules/eks-node-imds-hop-limit";
import { policy as cniIrsa } from "../rules/eks-vpc-cni-irsa";
import { policy as fsxAgent } from "../rules/eks-fsx-pod-identity-agent";
import { findings, plan, policyJson, resource, tags } from "../testing/support";

function cluster(environment: string, vpcConfig: Record<string, unknown>, inputs: Record<string, unknown> = {}) {
    return resource("aws:eks/cluster:Cluster", `${environment}-cluster`, { roleArn: "arn:aws:iam::1:role/eks", vpcConfig: { subnetIds: ["s-1"], ...vpcConfig }, tags: tags(environment), ...inputs });
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

describe("eks-public-endpoint-cidrs", () => {
    it("accepts a private endpoint and a public one limited to named blocks", () => {
        assert.deepEqual(findings(publicCidrs, plan("dev", [cluster("dev", PRIVATE)])), []);
        assert.deepEqual(findings(publicCidrs, plan("dev", [cluster("dev", { endpointPrivateAccess: true, endpointPublicAccess: true,
            publicAccessCidrs: ["203.0.113.0/24"] })])), []);
        const component = resource("eks:index:Cluster", "dev-eks", { endpointPublicAccess: false }, { id: null });
        assert.deepEqual(findings(publicCidrs, plan("dev", [component])), []);
    });
    it("rejects a public endpoint without blocks (EKS's 0.0.0.0/0), with a /0, and EKS's public default", () => {
        assert.equal(findings(publicCidrs, plan("dev", [cluster("dev", { endpointPublicAccess: true })]))[0].message,
            "Cluster dev-cluster must restrict its public endpoint to named CIDR blocks in publicAccessCidrs, none of them /0.");
        assert.equal(findings(publicCidrs, plan("dev", [cluster("dev", { endpointPublicAccess: true,
            publicAccessCidrs: ["203.0.113.0/24", "0.0.0.0/0"] })])).length, 1);
        // Unset endpointPublicAccess is EKS's public endpoint.
        assert.equal(findings(publicCidrs, plan("staging", [cluster("staging", {})])).length, 1);
        const component = resource("eks:index:Cluster", "dev-eks", { publicAccessCidrs: ["::/0"] }, { id: null });
        assert.equal(findings(publicCidrs, plan("dev", [component])).length, 1);
    });
});

describe("eks-secrets-encryption-cmk", () => {
    const encrypted = { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:us-east-1:123456789012:key/dev-cluster-id" } };
    it("accepts secrets encrypted with a customer-managed key", () => {
        assert.deepEqual(findings(secretsCmk, plan("dev", [cluster("dev", PRIVATE, { encryptionConfig: encrypted })])), []);
        const component = resource("eks:index:Cluster", "dev-eks", { encryptionConfigKeyArn: "arn:aws:kms:us-east-1:1:key/k" }, { id: null });
        assert.deepEqual(findings(secretsCmk, plan("dev", [component])), []);
    });
    it("rejects no encryption configuration, an AWS managed key and a configuration without secrets", () => {
        assert.equal(findings(secretsCmk, plan("dev", [cluster("dev", PRIVATE)]))[0].message,
            "Cluster dev-cluster must encrypt Kubernetes secrets with a customer-managed KMS key (encryptionConfig with resources [\"secrets\"] and provider.keyArn).");
        assert.equal(findings(secretsCmk, plan("dev", [cluster("dev", PRIVATE, { encryptionConfig:
            { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:us-east-1:1:alias/aws/eks" } } })])).length, 1);
        assert.equal(findings(secretsCmk, plan("dev", [cluster("dev", PRIVATE, { encryptionConfig:
            { resources: [], provider: { keyArn: "arn:aws:kms:us-east-1:1:key/k" } } })])).length, 1);
        assert.equal(findings(secretsCmk, plan("dev", [resource("eks:index:Cluster", "dev-eks", {}, { id: null })])).length, 1);
    });
});

describe("eks-control-plane-log-retention", () => {
    const logging = { name: "strata-dev", enabledClusterLogTypes: ["api", "audit", "authenticator"] };
    function logGroup(name: string, retentionInDays?: number) {
        return resource("aws:cloudwatch/logGroup:LogGroup", "dev-control-plane", { name, retentionInDays, tags: tags("dev") });
    }
    it("accepts logs sent to the cluster's log group with a retention", () => {
        assert.deepEqual(findings(logRetention, plan("dev", [cluster("dev", PRIVATE, logging), logGroup("/aws/eks/strata-dev/cluster", 30)])), []);
    });
    it("rejects no log types, no log group, a group without retention and another cluster's group", () => {
        assert.equal(findings(logRetention, plan("dev", [cluster("dev", PRIVATE, { name: "strata-dev" })]))[0].message,
            "Cluster dev-cluster must send its control-plane logs to CloudWatch (enabledClusterLogTypes).");
        assert.equal(findings(logRetention, plan("dev", [cluster("dev", PRIVATE, logging)]))[0].message,
            "Cluster dev-cluster must have its log group /aws/eks/strata-dev/cluster in the stack with retentionInDays set.");
        assert.equal(findings(logRetention, plan("dev", [cluster("dev", PRIVATE, logging), logGroup("/aws/eks/strata-dev/cluster")])).length, 1);
        assert.equal(findings(logRetention, plan("dev", [cluster("dev", PRIVATE, logging), logGroup("/aws/eks/other/cluster", 30)])).length, 1);
    });
});

describe("eks-node-imds-hop-limit", () => {
    function template(metadataOptions: unknown) {
        return resource("aws:ec2/launchTemplate:LaunchTemplate", "dev-nodes", { metadataOptions, tags: tags("dev") });
    }
    it("accepts IMDSv2 with hop limit 1", () => {
        assert.deepEqual(findings(imdsHops, plan("dev", [template({ httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 })])), []);
    });
    it("rejects hop limit 2, an unset hop limit and optional tokens", () => {
        assert.equal(findings(imdsHops, plan("dev", [template({ httpTokens: "required", httpPutResponseHopLimit: 2 })]))[0].message,
            "LaunchTemplate dev-nodes must set metadataOptions httpTokens \"required\" and httpPutResponseHopLimit 1.");
        assert.equal(findings(imdsHops, plan("dev", [template({ httpTokens: "required" })])).length, 1);
        assert.equal(findings(imdsHops, plan("dev", [template({ httpTokens: "optional", httpPutResponseHopLimit: 1 })])).length, 1);
        assert.equal(findings(imdsHops, plan("dev", [template(undefined)])).length, 1);
    });
});

function role(name: string, service: string | null) {
    const statement = service
        ? { Sid: "ServiceAssumesRole", Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }
        : { Sid: "ServiceAccountWebIdentity", Effect: "Allow", Principal: { Federated: "arn:aws:iam::1:oidc-provider/x" },
            Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "x:sub": "system:serviceaccount:kube-system:aws-node", "x:aud": "sts.amazonaws.com" } } };
    return resource("aws:iam/role:Role", name, { assumeRolePolicy: policyJson(statement), tags: tags("dev") });
}
function attachment(roleName: string, policy: string) {
    return resource("aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${roleName}-${policy}`,
        { role: `${roleName}-id`, policyArn: `arn:aws:iam::aws:policy/${policy}` });
}
function addon(name: string, addonName: string, inputs: Record<string, unknown> = {}) {
    return resource("aws:eks/addon:Addon", name, { clusterName: "strata-dev", addonName, ...inputs });
}
const NODES = resource("aws:eks/nodeGroup:NodeGroup", "dev-nodes", { clusterName: "strata-dev", launchTemplate: { id: "t", version: "1" } });

describe("eks-vpc-cni-irsa", () => {
    it("accepts the CNI policy on the add-on's IRSA role and a node role without it", () => {
        const doc = plan("dev", [cluster("dev", PRIVATE, { name: "strata-dev" }), NODES, role("dev-nodes", "ec2.amazonaws.com"),
            attachment("dev-nodes", "AmazonEKSWorkerNodePolicy"), role("dev-vpc-cni", null), attachment("dev-vpc-cni", "AmazonEKS_CNI_Policy"),
            addon("dev-vpc-cni", "vpc-cni", { serviceAccountRoleArn: "arn:aws:iam::1:role/dev-vpc-cni-id" })]);
        assert.deepEqual(findings(cniIrsa, doc), []);
    });
    it("rejects the CNI policy on the node role and nodes without the CNI add-on's own role", () => {
        const onNodes = plan("dev", [role("dev-nodes", "ec2.amazonaws.com"), attachment("dev-nodes", "AmazonEKS_CNI_Policy")]);
        assert.equal(findings(cniIrsa, onNodes)[0].message,
            "Role dev-nodes must not carry AmazonEKS_CNI_Policy: the VPC CNI must get it from its own IRSA role (the vpc-cni add-on's serviceAccountRoleArn).");
        const noAddon = plan("dev", [cluster("dev", PRIVATE, { name: "strata-dev" }), NODES]);
        assert.equal(findings(cniIrsa, noAddon)[0].message, "Cluster dev-cluster must run the vpc-cni add-on on its own IRSA role (serviceAccountRoleArn).");
        const noRole = plan("dev", [cluster("dev", PRIVATE, { name: "strata-dev" }), NODES, addon("dev-vpc-cni", "vpc-cni")]);
        assert.equal(findings(cniIrsa, noRole).length, 1);
    });
});

describe("eks-fsx-pod-identity-agent", () => {
    it("accepts the FSx add-on with the agent on a created cluster, and on an adopted cluster (not in the plan)", () => {
        assert.deepEqual(findings(fsxAgent, plan("dev", [cluster("dev", PRIVATE, { name: "strata-dev" }),
            addon("dev-fsx-csi", "aws-fsx-csi-driver"), addon("dev-pod-identity-agent", "eks-pod-identity-agent")])), []);
        assert.deepEqual(findings(fsxAgent, plan("prod", [addon("prod-fsx-csi", "aws-fsx-csi-driver")])), []);
    });
    it("rejects the FSx add-on on a created cluster without the agent", () => {
        const doc = plan("dev", [cluster("dev", PRIVATE, { name: "strata-dev" }), addon("dev-fsx-csi", "aws-fsx-csi-driver"),
            addon("other-agent", "eks-pod-identity-agent", { clusterName: "other" })]);
        assert.equal(findings(fsxAgent, doc)[0].message,
            "Addon dev-fsx-csi must have the eks-pod-identity-agent add-on on its cluster strata-dev: the FSx CSI driver add-on requires it.");
    });
});

import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as localProvisioner } from "../rules/k8s-local-volume-provisioner";
import { policy as modelRetain } from "../rules/k8s-model-storage-retain";
import { policy as noHostname } from "../rules/k8s-no-hostname-pinning";
import { policy as noRecycle } from "../rules/k8s-no-recycle-reclaim";
import { policy as s3ReadOnly } from "../rules/k8s-s3-volume-read-only";
import { findings, plan, resource } from "../testing/support";

function storageClass(name: string, reclaimPolicy?: string) {
    return resource("kubernetes:storage.k8s.io/v1:StorageClass", name, { metadata: { name }, provisioner: "efs.csi.aws.com", reclaimPolicy });
}
function volume(name: string, storageClassName: string, policy?: string) {
    return resource("kubernetes:core/v1:PersistentVolume", name, {
        metadata: { name }, spec: { capacity: { storage: "100Gi" }, storageClassName, persistentVolumeReclaimPolicy: policy },
    });
}

describe("k8s-model-storage-retain", () => {
    it("accepts Retain on model storage, and Delete on scratch storage and model caches", () => {
        const doc = plan("prod", [storageClass("efs-models", "Retain"), volume("model-repo", "efs-models", "Retain"), storageClass("fsx-scratch", "Delete"),
            storageClass("nvme-model-cache", "Delete")]);
        assert.deepEqual(findings(modelRetain, doc), []);
    });
    it("rejects model storage with Delete or the default", () => {
        assert.equal(findings(modelRetain, plan("prod", [storageClass("efs-models", "Delete")]))[0].message,
            "StorageClass efs-models holds models, so its reclaimPolicy must be Retain (it is Delete).");
        assert.equal(findings(modelRetain, plan("prod", [storageClass("efs-models")])).length, 1);
        assert.equal(findings(modelRetain, plan("prod", [volume("pv-1", "efs-models")])).length, 1);
    });
});

describe("k8s-no-recycle-reclaim", () => {
    it("accepts Delete and Retain", () => {
        assert.deepEqual(findings(noRecycle, plan("dev", [storageClass("local-nvme", "Delete"), volume("pv-1", "local-nvme", "Retain")])), []);
    });
    it("rejects Recycle on a class or a volume", () => {
        assert.equal(findings(noRecycle, plan("dev", [volume("pv-1", "local-nvme", "Recycle")]))[0].message,
            "PersistentVolume pv-1 spec.persistentVolumeReclaimPolicy must be Retain or Delete, not Recycle.");
        assert.equal(findings(noRecycle, plan("dev", [storageClass("old", "Recycle")])).length, 1);
    });
});

function daemonSet(name: string, pod: Record<string, unknown>, namespace = "kube-system") {
    return resource("kubernetes:apps/v1:DaemonSet", name, {
        metadata: { name, namespace }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: pod } },
    });
}
const LOCAL_CLASS = resource("kubernetes:storage.k8s.io/v1:StorageClass", "local-nvme", {
    metadata: { name: "local-nvme" }, provisioner: "kubernetes.io/no-provisioner", volumeBindingMode: "WaitForFirstConsumer", reclaimPolicy: "Delete",
});
function provisionerConfig(storageClassMap: string) {
    return resource("kubernetes:core/v1:ConfigMap", "lvp", {
        metadata: { name: "local-volume-provisioner-config", namespace: "kube-system" }, data: { storageClassMap, setPVOwnerRef: "true" },
    });
}
const PROVISIONER = daemonSet("lvp", {
    containers: [{ name: "provisioner", image: "registry.k8s.io/sig-storage/local-volume-provisioner:v2.9.0" }],
    volumes: [{ name: "provisioner-config", configMap: { name: "local-volume-provisioner-config" } }],
});

describe("k8s-local-volume-provisioner", () => {
    it("accepts a no-provisioner class with Delete served by the provisioner, and one with Retain alone", () => {
        const config = provisionerConfig("local-nvme:\n  hostDir: /mnt/strata-local-nvme\n  mountDir: /mnt/strata-local-nvme\n");
        assert.deepEqual(findings(localProvisioner, plan("dev", [LOCAL_CLASS, config, PROVISIONER])), []);
        const retained = resource("kubernetes:storage.k8s.io/v1:StorageClass", "kept", { metadata: { name: "kept" },
            provisioner: "kubernetes.io/no-provisioner", reclaimPolicy: "Retain" });
        assert.deepEqual(findings(localProvisioner, plan("dev", [retained])), []);
    });
    it("rejects a no-provisioner class with Delete that no provisioner serves", () => {
        assert.equal(findings(localProvisioner, plan("dev", [LOCAL_CLASS]))[0].message,
            "StorageClass local-nvme must be served by a local static provisioner (a ConfigMap whose storageClassMap names local-nvme, "
            + "mounted by a DaemonSet): without one its released volumes are never cleaned.");
        // A ConfigMap for another class, or one no DaemonSet mounts, does not serve it.
        assert.equal(findings(localProvisioner, plan("dev", [LOCAL_CLASS, provisionerConfig("fast-disks:\n  hostDir: /mnt/fast\n"),
            PROVISIONER])).length, 1);
        assert.equal(findings(localProvisioner, plan("dev", [LOCAL_CLASS, provisionerConfig("local-nvme:\n  hostDir: /mnt/x\n")])).length, 1);
    });
});

describe("k8s-no-hostname-pinning", () => {
    it("accepts pods that select nodes by label and volumes without node affinity", () => {
        const byLabel = daemonSet("warmup", { nodeSelector: { "strata.dev/node-pool": "inference" },
            tolerations: [{ key: "strata.dev/node-pool", operator: "Equal", value: "inference", effect: "NoSchedule" }], containers: [] });
        assert.deepEqual(findings(noHostname, plan("dev", [byLabel, volume("pv-1", "efs-models", "Retain")])), []);
    });
    it("rejects a volume or a pod template pinned to a hostname or a node name", () => {
        const pinnedVolume = resource("kubernetes:core/v1:PersistentVolume", "local-nvme-node-a", {
            metadata: { name: "local-nvme-node-a" }, spec: { local: { path: "/mnt/nvme" }, nodeAffinity: { required: { nodeSelectorTerms: [
                { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["ip-10-0-1-20.ec2.internal"] }] }] } } },
        });
        assert.equal(findings(noHostname, plan("dev", [pinnedVolume]))[0].message,
            "PersistentVolume local-nvme-node-a must be created on its node by the local static provisioner, not pinned to a kubernetes.io/hostname in the stack.");
        const byAffinity = daemonSet("warmup", { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: ["node-a"] }] }] } } }, containers: [] });
        assert.equal(findings(noHostname, plan("dev", [byAffinity]))[0].message,
            "DaemonSet warmup must select its nodes by label, not by kubernetes.io/hostname or nodeName.");
        assert.equal(findings(noHostname, plan("dev", [daemonSet("a", { nodeSelector: { "kubernetes.io/hostname": "node-a" }, containers: [] })])).length, 1);
        assert.equal(findings(noHostname, plan("dev", [resource("kubernetes:core/v1:Pod", "p", { spec: { nodeName: "node-a", containers: [] } })])).length, 1);
    });
});

function s3Volume(name: string, accessModes: string[], mountOptions: string[]) {
    return resource("kubernetes:core/v1:PersistentVolume", name, {
        metadata: { name }, spec: { capacity: { storage: "1Gi" }, storageClassName: "", accessModes, mountOptions,
            csi: { driver: "s3.csi.aws.com", volumeHandle: name, volumeAttributes: { bucketName: "models" } } },
    });
}

describe("k8s-s3-volume-read-only", () => {
    it("accepts a ReadOnlyMany Mountpoint volume mounted read-only, and leaves other drivers alone", () => {
        assert.deepEqual(findings(s3ReadOnly, plan("dev", [s3Volume("models", ["ReadOnlyMany"], ["read-only", "region us-east-1", "prefix models/"]),
            volume("efs", "efs-models", "Retain")])), []);
    });
    it("rejects a writable access mode or a missing read-only option", () => {
        assert.equal(findings(s3ReadOnly, plan("dev", [s3Volume("models", ["ReadWriteMany"], ["read-only"])]))[0].message,
            "PersistentVolume models mounts S3 through Mountpoint, so it must be read-only: accessModes [ReadOnlyMany] and the mount option read-only.");
        assert.equal(findings(s3ReadOnly, plan("dev", [s3Volume("models", ["ReadOnlyMany"], ["region us-east-1", "allow-delete"])])).length, 1);
        assert.equal(findings(s3ReadOnly, plan("dev", [s3Volume("models", ["ReadOnlyMany", "ReadWriteOnce"], ["read-only"])])).length, 1);
    });
});

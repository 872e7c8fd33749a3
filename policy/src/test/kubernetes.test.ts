import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { policy as modelRetain } from "../rules/k8s-model-storage-retain";
import { policy as noRecycle } from "../rules/k8s-no-recycle-reclaim";
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

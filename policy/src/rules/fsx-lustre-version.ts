import type { PolicyResource, ResourceValidationPolicy } from "@pulumi/policy";
import { configOf } from "../lib/config";
import { DEFAULT_DEPLOYMENT_TYPE, isFsxStorageClass, LUSTRE, MOUNTABLE_LUSTRE_VERSIONS, supportsLustreVersion } from "../lib/fsx";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";

const configSchema = {
    properties: {
        allowedVersions: {
            type: "array" as const, items: { type: "string" as const }, default: MOUNTABLE_LUSTRE_VERSIONS,
            description: "Lustre versions the cluster's nodes mount (Amazon Linux 2023: 2.12 and 2.15).",
        },
    },
};

/**
 * Every FSx for Lustre file system, and every file system the FSx CSI driver creates from a
 * StorageClass, sets its Lustre version to one the nodes mount. Left unset, FSx creates 2.10 for every
 * deployment type but PERSISTENT_2, and Amazon Linux 2023's Lustre client cannot mount 2.10
 * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/lustre-client-matrix.html;
 * https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateFileSystem.html, FileSystemTypeVersion).
 */
export const policy: ResourceValidationPolicy = {
    name: "fsx-lustre-version",
    description: "Checks whether every FSx for Lustre file system and FSx StorageClass sets fileSystemTypeVersion to a Lustre version the nodes mount and the deployment type supports.",
    enforcementLevel: "mandatory",
    configSchema,
    validateResource: (args, reportViolation) => {
        const resource = { type: args.type, name: args.name, props: args.props } as PolicyResource;
        let property: string;
        let version: unknown;
        let deploymentType: unknown;
        if (args.type === LUSTRE) {
            property = "fileSystemTypeVersion";
            version = known(() => args.props.fileSystemTypeVersion);
            deploymentType = known(() => args.props.deploymentType ?? DEFAULT_DEPLOYMENT_TYPE);
        } else if (isFsxStorageClass(resource)) {
            property = "parameters.fileSystemTypeVersion";
            version = known(() => args.props.parameters?.fileSystemTypeVersion);
            deploymentType = known(() => args.props.parameters?.deploymentType ?? DEFAULT_DEPLOYMENT_TYPE);
        } else {
            return;
        }
        if (version === UNKNOWN || deploymentType === UNKNOWN) {
            return;
        }
        const { allowedVersions } = configOf<{ allowedVersions: string[] }>(configSchema, args.getConfig());
        if (typeof version !== "string" || !allowedVersions.includes(version)) {
            const actual = typeof version === "string" ? `it is ${version}` : "it is unset, and FSx then creates Lustre 2.10 for every type but PERSISTENT_2";
            reportViolation(`${label(args)} ${property} must be one of ${allowedVersions.join(", ")}, the Lustre versions the nodes mount (${actual}).`);
        } else if (!supportsLustreVersion(String(deploymentType), version)) {
            reportViolation(`${label(args)} ${property} must be a version ${String(deploymentType)} supports, not ${version}.`);
        }
    },
};

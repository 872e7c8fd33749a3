import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { known, UNKNOWN } from "./known";
import { ofType, referring } from "./resources";
import { STORAGE_CLASS } from "./kubernetes";

export const LUSTRE = "aws:fsx/lustreFileSystem:LustreFileSystem";
export const DATA_REPOSITORY_ASSOCIATION = "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation";
/** The FSx for Lustre CSI driver, the provisioner of per-job file systems' StorageClasses. */
export const FSX_CSI_DRIVER = "fsx.csi.aws.com";

/** FSx for Lustre's default deployment type when none is given. */
export const DEFAULT_DEPLOYMENT_TYPE = "SCRATCH_1";

/**
 * The Lustre versions the nodes' client mounts: Amazon Linux 2023's Lustre 2.15 client mounts 2.12 and
 * 2.15 file systems, not 2.10 (https://docs.aws.amazon.com/fsx/latest/LustreGuide/lustre-client-matrix.html).
 * The Java side holds the same list (dev.strata.training.LustreVersion; a test checks they agree).
 */
export const MOUNTABLE_LUSTRE_VERSIONS = ["2.12", "2.15"];

/**
 * The versions each deployment type takes: 2.10 only SCRATCH_1, SCRATCH_2 and PERSISTENT_1
 * (https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateFileSystem.html, FileSystemTypeVersion).
 */
export function supportsLustreVersion(deploymentType: string, version: string): boolean {
    return version !== "2.10" || deploymentType !== "PERSISTENT_2";
}

/**
 * S3 storage classes whose objects are archived, not readable in real time: FSx for Lustre cannot read
 * their data until they are restored (https://docs.aws.amazon.com/fsx/latest/LustreGuide/importing-files-dra.html;
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html).
 */
export const ARCHIVED_STORAGE_CLASSES = ["GLACIER", "DEEP_ARCHIVE"];

export function isPersistent(deploymentType: unknown): boolean {
    return typeof deploymentType === "string" && deploymentType.startsWith("PERSISTENT");
}

/** Whether a StorageClass is the FSx CSI driver's (each claim of it creates a file system). */
export function isFsxStorageClass(resource: PolicyResource): boolean {
    return resource.type === STORAGE_CLASS && known(() => resource.props.provisioner) === FSX_CSI_DRIVER;
}

/** An S3 location a file system links (imports from or exports to), and what names it. */
export interface S3Link {
    /** The resource that sets it, and its property (e.g. `importPath`). */
    resource: PolicyResource;
    property: string;
    bucket: string;
    prefix: string;
}

function parseS3(value: unknown): { bucket: string; prefix: string } | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(value);
    return match ? { bucket: match[1], prefix: match[2] } : undefined;
}

/**
 * Every S3 location a file system of the stack links: Lustre file systems' importPath and exportPath,
 * data repository associations' dataRepositoryPath, and the FSx StorageClasses' s3ImportPath and
 * s3ExportPath. Unknown values (a bucket not created yet) are skipped.
 */
export function s3Links(args: StackValidationArgs): S3Link[] {
    const links: S3Link[] = [];
    const add = (resource: PolicyResource, property: string, value: unknown) => {
        const parsed = value === UNKNOWN ? undefined : parseS3(value);
        if (parsed) {
            links.push({ resource, property, ...parsed });
        }
    };
    for (const fs of ofType(args, LUSTRE)) {
        add(fs, "importPath", known(() => fs.props.importPath));
        add(fs, "exportPath", known(() => fs.props.exportPath));
    }
    for (const dra of ofType(args, DATA_REPOSITORY_ASSOCIATION)) {
        add(dra, "dataRepositoryPath", known(() => dra.props.dataRepositoryPath));
    }
    for (const sc of ofType(args, STORAGE_CLASS).filter(isFsxStorageClass)) {
        add(sc, "parameters.s3ImportPath", known(() => sc.props.parameters?.s3ImportPath));
        add(sc, "parameters.s3ExportPath", known(() => sc.props.parameters?.s3ExportPath));
    }
    return links;
}

/**
 * Whether a Lustre file system is linked to S3: an import or export path, or a data repository
 * association that refers to it (through its `fileSystemId`). UNKNOWN when a path is not known yet.
 */
export function isLinked(args: StackValidationArgs, fs: PolicyResource): boolean | typeof UNKNOWN {
    const paths = [known(() => fs.props.importPath), known(() => fs.props.exportPath)];
    if (paths.some(p => typeof p === "string" && p.length > 0)) {
        return true;
    }
    if (referring(args, fs, DATA_REPOSITORY_ASSOCIATION, "fileSystemId").length > 0) {
        return true;
    }
    return paths.includes(UNKNOWN) ? UNKNOWN : false;
}

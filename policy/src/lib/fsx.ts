export const LUSTRE = "aws:fsx/lustreFileSystem:LustreFileSystem";

/** FSx for Lustre's default deployment type when none is given. */
export const DEFAULT_DEPLOYMENT_TYPE = "SCRATCH_1";

export function isPersistent(deploymentType: unknown): boolean {
    return typeof deploymentType === "string" && deploymentType.startsWith("PERSISTENT");
}

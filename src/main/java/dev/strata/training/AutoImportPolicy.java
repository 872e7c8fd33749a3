package dev.strata.training;

/**
 * What a scratch or PERSISTENT_1 file system imports from its S3 import path as the bucket changes
 * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/older-deployment-types.html#legacy-auto-import).
 */
public enum AutoImportPolicy {
    NONE, NEW, NEW_CHANGED, NEW_CHANGED_DELETED
}

import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { ofType, referring, tagsOf } from "./resources";

export const BUCKET = "aws:s3/bucketV2:BucketV2";
export const ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
export const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const OWNERSHIP_CONTROLS = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
export const VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";

/** The tier tag Strata gives the bucket that receives server access logs. */
export const ACCESS_LOG_TIER = "access-logs";

export function buckets(args: StackValidationArgs): PolicyResource[] {
    return ofType(args, BUCKET);
}

/** The resources of `type` configuring `bucket` (through their `bucket` input). */
export function configurationsOf(args: StackValidationArgs, bucket: PolicyResource, type: string): PolicyResource[] {
    return referring(args, bucket, type, "bucket");
}

export function tierOf(bucket: PolicyResource): string | undefined {
    return tagsOf(bucket.props).tier;
}

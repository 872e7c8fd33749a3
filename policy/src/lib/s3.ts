import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { known } from "./known";
import { ofType, referring, tagsOf } from "./resources";

export const BUCKET = "aws:s3/bucketV2:BucketV2";
export const ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
export const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const OWNERSHIP_CONTROLS = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
export const VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
export const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

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

/**
 * The bucket of the plan named `name`: the bucket whose name is known to be it, else the bucket whose
 * name prefix (`bucketPrefix`, the name S3 completes) is the longest one the name starts with.
 */
export function bucketNamed(args: StackValidationArgs, name: string): PolicyResource | undefined {
    const all = buckets(args);
    const exact = all.find(b => known(() => b.props.bucket) === name);
    if (exact) {
        return exact;
    }
    return all
        .map(b => ({ b, prefix: known(() => b.props.bucketPrefix) }))
        .filter((e): e is { b: PolicyResource; prefix: string } => typeof e.prefix === "string" && name.startsWith(e.prefix))
        .sort((x, y) => y.prefix.length - x.prefix.length)[0]?.b;
}

/** The bucket name of an S3 ARN (`arn:aws:s3:::name` or `arn:aws:s3:::name/key*`); undefined for another ARN. */
export function bucketOfArn(arn: string): string | undefined {
    const match = /^arn:[^:]+:s3:::([^/]+)/.exec(arn);
    return match ? match[1] : undefined;
}

/**
 * The source bucket of a replication configuration: the bucket its `bucket` input depends on (the
 * engine's record; a plan's id), else the bucket of the plan it names.
 */
export function replicationSource(args: StackValidationArgs, config: PolicyResource): PolicyResource | undefined {
    const dependency = config.propertyDependencies.bucket?.find(d => d.type === BUCKET);
    if (dependency) {
        return dependency;
    }
    const name = known(() => config.props.bucket);
    return typeof name === "string" ? bucketNamed(args, name) : undefined;
}

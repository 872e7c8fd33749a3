import type { ResourceValidationPolicy } from "@pulumi/policy";
import { isProduction } from "../lib/environment";
import { isPersistent, LUSTRE } from "../lib/fsx";
import { known } from "../lib/known";
import { label } from "../lib/resources";

/** Resources whose deletion loses data (or, for a key, makes the data under it unreadable). */
export const STATEFUL_TYPES = [
    "aws:s3/bucketV2:BucketV2",
    "aws:s3/bucket:Bucket",
    "aws:kms/key:Key",
    "aws:efs/fileSystem:FileSystem",
    LUSTRE,
];

/**
 * In prod, stateful resources are protected, so that `pulumi destroy` or a refactor that drops
 * them from the program fails instead of deleting data (Strata's `strata:protect`, on by default in
 * prod). Scratch Lustre file systems are caches of S3 and exempt.
 */
export const policy: ResourceValidationPolicy = {
    name: "stateful-resources-protected",
    description: "Checks whether every stateful resource in prod (buckets, KMS keys, EFS and persistent FSx file systems) is protected.",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (!STATEFUL_TYPES.includes(args.type) || !isProduction(args.props, args.stackTags)) {
            return;
        }
        if (args.type === LUSTRE && !isPersistent(known(() => args.props.deploymentType))) {
            return;
        }
        if (args.opts.protect !== true) {
            reportViolation(`${label(args)} must be protected in prod (set strata:protect to true).`);
        }
    },
};

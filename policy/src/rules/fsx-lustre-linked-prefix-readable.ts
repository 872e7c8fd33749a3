import type { StackValidationPolicy } from "@pulumi/policy";
import { ARCHIVED_STORAGE_CLASSES, s3Links } from "../lib/fsx";
import { known, UNKNOWN } from "../lib/known";
import { label } from "../lib/resources";
import { bucketNamed, configurationsOf, LIFECYCLE } from "../lib/s3";

/** A lifecycle rule's key prefix: `filter.prefix`, `filter.and.prefix` or the legacy `prefix`; "" for the whole bucket. */
function prefixOf(rule: any): string {
    return String(rule?.filter?.prefix ?? rule?.filter?.and?.prefix ?? rule?.prefix ?? "");
}

/**
 * FSx for Lustre imports the metadata of objects in S3 Glacier Flexible Retrieval or Deep Archive but
 * cannot read their data until they are restored
 * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/importing-files-dra.html), and GetObject fails on
 * them (https://docs.aws.amazon.com/AmazonS3/latest/userguide/restoring-objects.html). So no enabled
 * lifecycle rule of a linked bucket may move current objects under a linked prefix to those classes.
 */
export const policy: StackValidationPolicy = {
    name: "fsx-lustre-linked-prefix-readable",
    description: "Checks whether no S3 lifecycle rule moves objects under a prefix an FSx for Lustre file system links (import/export path, data repository association, FSx StorageClass) to GLACIER or DEEP_ARCHIVE.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const link of s3Links(args)) {
            const bucket = bucketNamed(args, link.bucket);
            if (!bucket) {
                continue;
            }
            for (const lifecycle of configurationsOf(args, bucket, LIFECYCLE)) {
                const rules = known(() => lifecycle.props.rules);
                if (rules === UNKNOWN || !Array.isArray(rules)) {
                    continue;
                }
                for (const rule of rules) {
                    const prefix = prefixOf(rule);
                    if (rule?.status !== "Enabled" || !(link.prefix.startsWith(prefix) || prefix.startsWith(link.prefix))) {
                        continue;
                    }
                    const archived = (Array.isArray(rule.transitions) ? rule.transitions : [])
                        .find((t: any) => ARCHIVED_STORAGE_CLASSES.includes(String(t?.storageClass)));
                    if (archived) {
                        reportViolation(`${label(lifecycle)} rule ${rule.id} must not move ${prefix || "the whole bucket"} to ${archived.storageClass}: ${label(link.resource)} ${link.property} links s3://${link.bucket}/${link.prefix}, and FSx for Lustre cannot read archived objects.`, lifecycle.urn);
                    }
                }
            }
        }
    },
};

import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import { known, UNKNOWN } from "./known";

/** The resources of a type. */
export function ofType(args: StackValidationArgs, type: string): PolicyResource[] {
    return args.resources.filter(r => r.type === type);
}

/**
 * The resources of `type` that refer to `target` through their property `property` (a bucket's
 * encryption, policy and lifecycle refer to it through `bucket`). The engine records which resource
 * each property depends on; the offline runner records the same by matching physical ids.
 */
export function referring(args: StackValidationArgs, target: PolicyResource, type: string, property: string): PolicyResource[] {
    return ofType(args, type).filter(r => (r.propertyDependencies[property] ?? []).some(d => d.urn === target.urn));
}

/** A resource's tags (an empty object when it has none or they are unknown). */
export function tagsOf(props: Record<string, any>): Record<string, string> {
    const tags = known(() => props.tags);
    return tags && tags !== UNKNOWN && typeof tags === "object" ? tags as Record<string, string> : {};
}

/** A short label for messages: the resource's type name and its logical name, e.g. `BucketV2 prod-raw`. */
export function label(resource: { type: string; name: string }): string {
    const parts = resource.type.split(":");
    return `${parts[parts.length - 1]} ${resource.name}`;
}

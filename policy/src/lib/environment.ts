import { known, UNKNOWN } from "./known";
import { tagsOf } from "./resources";

/**
 * The environment a resource belongs to: its `environment` tag (AWS) or label (Kubernetes), else the
 * stack's `environment` tag (the offline runner sets it from the plan's `outputs.environment`).
 */
export function environmentOf(props: Record<string, any>, stackTags: ReadonlyMap<string, string>): string | undefined {
    const tag = tagsOf(props).environment;
    if (tag) {
        return tag;
    }
    const labels = known(() => props.metadata?.labels);
    if (labels && labels !== UNKNOWN && typeof labels === "object" && (labels as any).environment) {
        return String((labels as any).environment);
    }
    return stackTags.get("environment");
}

export function isProduction(props: Record<string, any>, stackTags: ReadonlyMap<string, string>): boolean {
    return environmentOf(props, stackTags) === "prod";
}

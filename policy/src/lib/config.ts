import type { PolicyConfigSchema } from "@pulumi/policy";

/**
 * A rule's configuration with the defaults of its schema filled in. The Pulumi CLI fills them in
 * too; the rules do it themselves so that they read the same under the CLI and offline.
 */
export function configOf<T extends object>(schema: PolicyConfigSchema | undefined, given: object): T {
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema?.properties ?? {})) {
        if (typeof property === "object" && property.default !== undefined) {
            defaults[key] = property.default;
        }
    }
    return { ...defaults, ...given } as T;
}

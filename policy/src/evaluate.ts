/**
 * Evaluates the pack's rules over a `strata plan` JSON document, with no Pulumi CLI: each resource
 * policy over every planned resource, each stack policy once over them all, with the argument
 * shapes @pulumi/policy 1.21.0's analyzer server builds, enforcement levels and config resolved
 * as the CLI resolves a policy pack config file.
 */
import type {
    EnforcementLevel, Policies, PolicyResource, ResourceValidationArgs, ResourceValidationPolicy,
    StackValidationArgs, StackValidationPolicy,
} from "@pulumi/policy";

/** A resource of the plan document (DESIGN.md's `strata plan` contract). */
export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    id: string | null;
    parent: string | null;
    protect: boolean;
    retainOnDelete: boolean;
    inputs: Record<string, unknown>;
}

export interface PlanDocument {
    project: string;
    stack: string;
    resources: PlanResource[];
    outputs?: Record<string, unknown>;
}

/** A finding of the plan document: the rule, the resource's urn, the message and the level it was reported at. */
export interface Finding {
    policy: string;
    resource: string;
    message: string;
    enforcementLevel: "advisory" | "mandatory";
}

/** The CLI's policy pack config: per policy (or `all`) a level, or an object with a level and properties. */
export type PackConfig = Record<string, unknown>;

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export class PolicyInputError extends Error {
}

class NotApplicable extends Error {
}

function isStackPolicy(p: ResourceValidationPolicy | StackValidationPolicy): p is StackValidationPolicy {
    return typeof (p as StackValidationPolicy).validateStack === "function";
}

/** Checks a pack config against the rules: known policy names, known levels, objects of properties. */
export function checkConfig(config: unknown, rules: Policies): PackConfig {
    if (config === null || typeof config !== "object" || Array.isArray(config)) {
        throw new PolicyInputError("policy config must be a JSON object of policy names to a level or an object");
    }
    const names = new Set(rules.map(r => r.name));
    for (const [name, value] of Object.entries(config)) {
        if (name !== "all" && !names.has(name)) {
            throw new PolicyInputError(`policy config names an unknown policy "${name}"; known: all, ${[...names].join(", ")}`);
        }
        const level = typeof value === "string" ? value : (value as any)?.enforcementLevel;
        if (typeof value !== "string" && (value === null || typeof value !== "object" || Array.isArray(value))) {
            throw new PolicyInputError(`policy config "${name}" must be an enforcement level or an object`);
        }
        if (level !== undefined && !LEVELS.includes(level)) {
            throw new PolicyInputError(`policy config "${name}" has enforcement level "${level}"; allowed: ${LEVELS.join(", ")}`);
        }
    }
    return config as PackConfig;
}

function levelOf(entry: unknown): EnforcementLevel | undefined {
    return typeof entry === "string" ? entry as EnforcementLevel : (entry as any)?.enforcementLevel;
}

/** A policy's level: its config entry, else `all`, else its own, else advisory (remediate reports as mandatory). */
export function enforcementLevelOf(policy: { name: string; enforcementLevel?: EnforcementLevel }, config: PackConfig): EnforcementLevel {
    const level = levelOf(config[policy.name]) ?? levelOf(config.all) ?? policy.enforcementLevel ?? "advisory";
    return level === "remediate" ? "mandatory" : level;
}

function propertiesOf(policyName: string, config: PackConfig): object {
    const entry = config[policyName];
    if (!entry || typeof entry !== "object") {
        return {};
    }
    const { enforcementLevel: _ignored, ...properties } = entry as Record<string, unknown>;
    return properties;
}

function checkPlan(plan: unknown): PlanDocument {
    const doc = plan as PlanDocument;
    if (!doc || typeof doc !== "object" || !Array.isArray(doc.resources)) {
        throw new PolicyInputError("not a strata plan document: it has no resources array");
    }
    doc.resources.forEach((r, i) => {
        if (!r || typeof r.urn !== "string" || typeof r.type !== "string" || typeof r.name !== "string") {
            throw new PolicyInputError(`not a strata plan document: resources[${i}] needs urn, type and name`);
        }
    });
    return doc;
}

/** Every string inside a value (nested lists and objects included). */
function strings(value: unknown, into: string[] = []): string[] {
    if (typeof value === "string") {
        into.push(value);
    } else if (Array.isArray(value)) {
        value.forEach(v => strings(v, into));
    } else if (value && typeof value === "object") {
        Object.values(value).forEach(v => strings(v, into));
    }
    return into;
}

function isTypeOf(type: string, resourceClass: any): boolean {
    return resourceClass?.__pulumiType === type;
}

const notApplicable = (reason?: string): never => {
    throw new NotApplicable(reason);
};

/**
 * The plan's resources as a stack policy sees them. The engine tells which resources each property
 * depends on; a plan has physical ids instead, so a property holding another resource's id (a
 * bucket's encryption holds the bucket's id in `bucket`) depends on that resource.
 */
export function policyResources(plan: PlanDocument): PolicyResource[] {
    const byId = new Map<string, PlanResource>();
    for (const r of plan.resources) {
        if (r.id) {
            byId.set(r.id, r);
        }
    }
    const resources = new Map<string, PolicyResource>();
    for (const r of plan.resources) {
        const props = (r.inputs ?? {}) as Record<string, any>;
        resources.set(r.urn, {
            type: r.type,
            props,
            urn: r.urn,
            name: r.name,
            opts: {
                protect: r.protect === true,
                ignoreChanges: [],
                aliases: [],
                customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
                additionalSecretOutputs: [],
                ...(r.parent ? { parent: r.parent } : {}),
            },
            dependencies: [],
            propertyDependencies: {},
            isType: (cls: any) => isTypeOf(r.type, cls),
            asType: (cls: any) => (isTypeOf(r.type, cls) ? props : undefined) as any,
        });
    }
    for (const r of plan.resources) {
        const resource = resources.get(r.urn)!;
        if (r.parent && resources.has(r.parent)) {
            resource.parent = resources.get(r.parent);
        }
        const all = new Set<PolicyResource>();
        for (const [key, value] of Object.entries(r.inputs ?? {})) {
            const deps = [...new Set(strings(value).map(s => byId.get(s)).filter((d): d is PlanResource => !!d && d.urn !== r.urn))]
                .map(d => resources.get(d.urn)!);
            if (deps.length > 0) {
                resource.propertyDependencies[key] = deps;
                deps.forEach(d => all.add(d));
            }
        }
        resource.dependencies = [...all];
    }
    return [...resources.values()];
}

function stackUrn(plan: PlanDocument): string {
    return `urn:pulumi:${plan.stack}::${plan.project}::pulumi:pulumi:Stack::${plan.project}-${plan.stack}`;
}

/** Evaluates the rules over a plan document; returns the findings in rule order, then resource order. */
export function evaluate(planInput: unknown, rules: Policies, configInput: unknown = {}): Finding[] {
    const plan = checkPlan(planInput);
    const config = checkConfig(configInput, rules);
    const resources = policyResources(plan);
    const environment = plan.outputs?.environment;
    const stackTags: ReadonlyMap<string, string> = new Map(typeof environment === "string" ? [["environment", environment]] : []);
    const findings: Finding[] = [];

    for (const policy of rules) {
        const level = enforcementLevelOf(policy, config);
        if (level === "disabled") {
            continue;
        }
        const getConfig = <T extends object>() => propertiesOf(policy.name, config) as T;
        const report = (fallbackUrn: string) => (message: string, urn?: string) => {
            findings.push({ policy: policy.name, resource: urn ?? fallbackUrn, message, enforcementLevel: level as Finding["enforcementLevel"] });
        };
        try {
            if (isStackPolicy(policy)) {
                const args: StackValidationArgs = { resources, stackTags, getConfig, notApplicable };
                runSafely(() => policy.validateStack(args, report(stackUrn(plan))));
            } else if (policy.validateResource) {
                const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
                for (const resource of resources) {
                    const args: ResourceValidationArgs = {
                        type: resource.type, props: resource.props, urn: resource.urn, name: resource.name,
                        opts: resource.opts, stackTags, getConfig, notApplicable,
                        isType: resource.isType, asType: resource.asType as ResourceValidationArgs["asType"],
                    };
                    for (const validation of validations) {
                        runSafely(() => validation(args, report(resource.urn)));
                    }
                }
            }
        } catch (e) {
            throw new Error(`policy ${policy.name} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    return findings;
}

function runSafely(run: () => unknown): void {
    try {
        const result = run();
        if (result && typeof (result as Promise<void>).then === "function") {
            throw new Error("asynchronous rules are not supported offline");
        }
    } catch (e) {
        if (!(e instanceof NotApplicable)) {
            throw e;
        }
    }
}

import { known, UNKNOWN, Unknown } from "./known";

/** One statement of an IAM-style JSON policy (IAM, key, bucket and file-system policies), normalised. */
export interface Statement {
    sid: string;
    effect: "Allow" | "Deny";
    principal: unknown;
    actions: string[];
    notActions: string[];
    resources: string[];
    condition: Record<string, Record<string, unknown>>;
}

/** Condition keys that pin a request to an account, organization or source: the guard a `*` principal needs. */
export const ACCOUNT_SCOPING_CONDITION_KEYS = [
    "kms:calleraccount", "aws:principalaccount", "aws:principalorgid", "aws:principalorgpaths",
    "aws:principalarn", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths",
    "aws:sourcevpc", "aws:sourcevpce",
];

function list(value: unknown): string[] {
    if (value === undefined || value === null) {
        return [];
    }
    return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * Parses a policy given as a JSON string (as Pulumi inputs carry it) or an object. Returns UNKNOWN
 * when the document is not known yet (preview), and throws on text that is not a policy document.
 */
export function parsePolicy(read: () => unknown): Statement[] | Unknown {
    const raw = known(read);
    if (raw === UNKNOWN) {
        return UNKNOWN;
    }
    if (raw === undefined || raw === null || raw === "") {
        return [];
    }
    let document: any;
    if (typeof raw === "string") {
        try {
            document = JSON.parse(raw);
        } catch {
            throw new Error(`not a JSON policy document: ${raw.slice(0, 80)}`);
        }
    } else {
        document = JSON.parse(JSON.stringify(raw));
    }
    const statements = Array.isArray(document.Statement) ? document.Statement
        : document.Statement ? [document.Statement] : [];
    return statements.map((s: any, i: number): Statement => ({
        sid: s.Sid ?? `#${i + 1}`,
        effect: s.Effect === "Deny" ? "Deny" : "Allow",
        principal: s.Principal,
        actions: list(s.Action),
        notActions: list(s.NotAction),
        resources: list(s.Resource),
        condition: s.Condition ?? {},
    }));
}

/** True when the principal is everyone: `"*"`, `{"AWS": "*"}` or a list holding `*`. */
export function isPublicPrincipal(principal: unknown): boolean {
    if (principal === "*") {
        return true;
    }
    if (principal && typeof principal === "object") {
        return list((principal as Record<string, unknown>).AWS).includes("*");
    }
    return false;
}

/** The condition keys of a statement, lower-cased (IAM condition keys are case-insensitive). */
export function conditionKeys(statement: Statement): string[] {
    return Object.values(statement.condition).flatMap(block => Object.keys(block ?? {})).map(k => k.toLowerCase());
}

/** True when a statement's condition pins the caller to an account, organization or source. */
export function isAccountScoped(statement: Statement): boolean {
    return conditionKeys(statement).some(key => ACCOUNT_SCOPING_CONDITION_KEYS.includes(key));
}

/** True for a Deny of requests without TLS: `Bool` (or `BoolIfExists`) `aws:SecureTransport` = false. */
export function deniesInsecureTransport(statement: Statement): boolean {
    if (statement.effect !== "Deny" || !isPublicPrincipal(statement.principal)) {
        return false;
    }
    return Object.entries(statement.condition).some(([operator, block]) =>
        (operator === "Bool" || operator === "BoolIfExists") &&
        Object.entries(block ?? {}).some(([key, value]) =>
            key.toLowerCase() === "aws:securetransport" && list(value).map(v => v.toLowerCase()).includes("false")));
}

/** True when an action pattern covers `action` (`*`, `s3:*`, `s3:Get*`), compared case-insensitively. */
export function actionCovers(pattern: string, action: string): boolean {
    const regex = new RegExp("^" + pattern.split("*").map(p => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$", "i");
    return regex.test(action);
}

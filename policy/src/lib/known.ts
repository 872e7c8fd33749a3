/**
 * During `pulumi preview` a value computed by another resource (a bucket's ARN, a key's id) is
 * unknown, and @pulumi/policy throws an UnknownValueError when a rule reads it. A rule that reads
 * through `known` sees UNKNOWN instead and decides for itself: it skips what it cannot judge yet
 * (the engine runs stack policies again after the update, with every value known).
 */
export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

export function known<T>(read: () => T): T | Unknown {
    try {
        return read();
    } catch (e) {
        if (e instanceof Error && e.constructor.name === "UnknownValueError") {
            return UNKNOWN;
        }
        throw e;
    }
}

export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN;
}

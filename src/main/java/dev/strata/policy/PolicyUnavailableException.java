package dev.strata.policy;

/**
 * The policy pack could not be run (Node.js missing, or the pack not built), so the plan's findings
 * are unknown: never a clean plan.
 */
public final class PolicyUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyUnavailableException(String message) {
        super(message);
    }

    public PolicyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

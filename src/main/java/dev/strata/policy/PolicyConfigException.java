package dev.strata.policy;

/**
 * The policy runner refused the policy pack config it was given (an unknown rule, an unknown
 * enforcement level, not JSON): the user's input, so a usage error, not a failure of the pack.
 */
public final class PolicyConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyConfigException(String message) {
        super(message);
    }
}

package dev.strata.policy;

/** The policy runner ran but failed: bad input or config, or output that is not findings. */
public final class PolicyRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PolicyRunException(String message) {
        super(message);
    }
}

package dev.strata.security;

/**
 * A principal storage components grant to: an IAM role that takes each {@link Grant} as an inline
 * policy. {@link WorkloadIdentity} and the CSI drivers are grantees.
 */
public interface Grantee {
    /** Adds the grant's statements to the principal's role. */
    void grant(Grant grant);
}

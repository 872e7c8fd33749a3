package dev.strata.policy;

/**
 * One policy finding of a plan, as the {@code strata plan} JSON contract describes it.
 *
 * @param policy           the rule's id, e.g. {@code stateful-resources-protected}
 * @param resource         the urn of the resource it concerns
 * @param message          what must change ("X must be Y.")
 * @param enforcementLevel {@code advisory} or {@code mandatory}
 */
public record Finding(String policy, String resource, String message, String enforcementLevel) {
    public static final String MANDATORY = "mandatory";

    public boolean isMandatory() {
        return MANDATORY.equals(enforcementLevel);
    }
}

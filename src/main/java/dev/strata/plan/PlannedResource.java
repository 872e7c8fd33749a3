package dev.strata.plan;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One resource of a plan, as the JSON contract describes it.
 *
 * @param urn            the resource's URN
 * @param type           its type token
 * @param name           its logical name
 * @param id             the deterministic physical id the recording engine gave it; null for components
 * @param parent         the URN of its parent (the stack for top-level resources)
 * @param protect        whether Pulumi refuses to delete it
 * @param retainOnDelete whether it stays in the account when removed from the stack
 * @param dependencies   the URNs it waits for, sorted: its explicit {@code dependsOn} and those its inputs come from
 * @param inputs         its inputs as the engine received them (secrets shown as "[secret]")
 * @param aliases        the earlier URNs the engine would match it by, as it resolves them: its own
 *                       aliases, and those it inherits from an aliased parent (not part of the JSON)
 */
public record PlannedResource(String urn, String type, String name, @Nullable String id, @Nullable String parent,
                              boolean protect, boolean retainOnDelete, List<String> dependencies,
                              Map<String, Object> inputs, List<String> aliases) {

    /** Component resources group other resources; they have no physical id. */
    public boolean isComponent() {
        return id == null;
    }
}

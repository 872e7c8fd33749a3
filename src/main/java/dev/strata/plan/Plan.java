package dev.strata.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of running the Strata program under the recording engine: every resource it would
 * register, sorted by URN, and the stack outputs.
 */
public record Plan(String project, String stack, List<PlannedResource> resources, Map<String, Object> outputs) {
    public Plan {
        resources = List.copyOf(resources);
    }

    /** The resources of a type. */
    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(resource -> resource.type().equals(type)).toList();
    }

    public Optional<PlannedResource> byUrn(String urn) {
        return resources.stream().filter(resource -> resource.urn().equals(urn)).findFirst();
    }

    /** The direct children of a resource, in URN order. */
    public List<PlannedResource> childrenOf(String urn) {
        return resources.stream().filter(resource -> urn.equals(resource.parent())).toList();
    }
}

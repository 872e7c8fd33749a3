package dev.strata.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * Whether the engine creates {@code resource} only after {@code other}: {@code other} is among its
     * dependencies, directly or through the dependencies of those.
     */
    public boolean waitsFor(PlannedResource resource, PlannedResource other) {
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(resource.dependencies());
        while (!next.isEmpty()) {
            String urn = next.pop();
            if (urn.equals(other.urn())) {
                return true;
            }
            if (seen.add(urn)) {
                byUrn(urn).ifPresent(dependency -> next.addAll(dependency.dependencies()));
            }
        }
        return false;
    }
}

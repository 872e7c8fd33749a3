package dev.strata.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test harness's resource monitor, keeping what the Pulumi SDK tells the engine each resource
 * waits for: the {@code dependencies} of its RegisterResource request, which the SDK fills with the
 * explicit {@code dependsOn} resources and every resource an input's {@code Output} comes from
 * (components expanded to their children), exactly as it does for the real engine. The plan shows
 * them, so ordering can be reviewed and tested.
 *
 * <p>pulumi-java internal API ({@link MockMonitor}); pinned SDK version, covered by PlanRunnerTest.
 */
final class DependencyRecordingMonitor extends MockMonitor {
    private final Map<String, List<String>> dependencies = new ConcurrentHashMap<>();

    DependencyRecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    /** The URNs (as the mock engine writes them) that the resource of this type and name waits for. */
    Optional<List<String>> dependencies(String type, String name) {
        return Optional.ofNullable(dependencies.get(type + "::" + name));
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        dependencies.put(request.getType() + "::" + request.getName(), List.copyOf(request.getDependenciesList()));
        return super.registerResourceAsync(resource, request);
    }
}

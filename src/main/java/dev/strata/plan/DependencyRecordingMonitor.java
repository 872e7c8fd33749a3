package dev.strata.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.AliasOuterClass.Alias;
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
 * them, so ordering can be reviewed and tested. It keeps the request's {@code aliases} too (the
 * SDK sends alias specs: the monitor supports {@code aliasSpecs}), so a moved resource's alias can be
 * resolved and tested.
 *
 * <p>pulumi-java internal API ({@link MockMonitor}); pinned SDK version, covered by PlanRunnerTest.
 */
final class DependencyRecordingMonitor extends MockMonitor {
    private final Map<String, List<String>> dependencies = new ConcurrentHashMap<>();
    private final Map<String, List<Alias>> aliases = new ConcurrentHashMap<>();

    DependencyRecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    /** The URNs (as the mock engine writes them) that the resource of this type and name waits for. */
    Optional<List<String>> dependencies(String type, String name) {
        return Optional.ofNullable(dependencies.get(type + "::" + name));
    }

    /** The aliases the resource of this type and name was registered with, as the SDK sent them. */
    List<Alias> aliases(String type, String name) {
        return aliases.getOrDefault(type + "::" + name, List.of());
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        dependencies.put(request.getType() + "::" + request.getName(), List.copyOf(request.getDependenciesList()));
        aliases.put(request.getType() + "::" + request.getName(), List.copyOf(request.getAliasesList()));
        return super.registerResourceAsync(resource, request);
    }
}

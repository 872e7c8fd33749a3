package dev.strata.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Runs a Pulumi program under the {@link RecordingMocks} engine and returns what it would deploy:
 * every resource with its URN, parent, protection and inputs, and the stack outputs. A stack
 * transformation sees each resource's options (parent, protect, retainOnDelete) as it registers.
 */
public final class PlanRunner {
    public static final String PROJECT = "strata";
    /** How long a program may take to register its resources under the recording engine. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** The system property that keeps Pulumi's polling task runner (bin/benchmark --flags). */
    static final String POLLING_RUNNER = "strata.plan.pollingRunner";
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    /** Input names that hold secrets in the resource types Strata uses; shown as "[secret]". */
    private static final Pattern SECRET_INPUT = Pattern.compile("(?i).*(password|authtoken|secretstring|privatekey|secretkey).*");

    private PlanRunner() {
    }

    /** Runs {@code program} for {@code stack}; throws {@link PlanFailedException} if the program fails. */
    public static Plan run(String stack, RecordingMocks mocks, Consumer<Context> program) {
        Map<Resource, ResourceOptions> options = Collections.synchronizedMap(new IdentityHashMap<>());
        ResourceTransformation recordOptions = args -> {
            options.put(args.resource(), args.options());
            return Optional.empty();
        };
        DependencyRecordingMonitor[] monitor = new DependencyRecordingMonitor[1];
        EngineLog log = new EngineLog();
        List<Exception> failures = List.of();
        try {
            TestResult result = PulumiTestInternal.builder()
                    .standardLogger(log.logger)
                    .mocks(mocks)
                    .options(TestOptions.builder()
                            .projectName(PROJECT)
                            .stackName(stack)
                            .preview(false)
                            .resourceTransformations(List.of(recordOptions))
                            .build())
                    .deploymentFactory(PlanRunner::deployment)
                    .monitorDecorator(ignored -> monitor[0] = new DependencyRecordingMonitor(mocks, PulumiTestInternal.mockLog(log.logger)))
                    .build()
                    .runTestAsync(program)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            failures = result.exceptions();
            if (!failures.isEmpty()) {
                throw new PlanFailedException(failures);
            }
            return toPlan(stack, mocks, monitor[0], options, result);
        } catch (TimeoutException e) {
            // Resources that wait for each other never finish registering: fail instead of hanging.
            failures = List.of(new TimeoutException("the program did not finish registering its resources within "
                    + TIMEOUT.toSeconds() + " s; a dependency cycle between resources (dependsOn, or outputs used as inputs both ways)?"));
            throw new PlanFailedException(failures);
        } catch (ExecutionException e) {
            failures = List.of(e.getCause() instanceof Exception cause ? cause : e);
            throw new PlanFailedException(failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures = List.of(e);
            throw new PlanFailedException(failures);
        } finally {
            log.publish(failures);
            PulumiTest.cleanup();
        }
    }

    /**
     * What the program logs through the engine while it runs under the recording engine. Pulumi's
     * engine logger also writes each error to the process's log (SEVERE, with its stack trace); here
     * a program's failure is the caller's to report, as the {@link PlanFailedException} that carries
     * it, so the errors a failure carries are not logged a second time. Everything else is logged
     * as Pulumi's test harness logs it, once the run is over.
     */
    private static final class EngineLog {
        final Logger logger = Logger.getAnonymousLogger();
        private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        EngineLog() {
            logger.setUseParentHandlers(false);
            logger.setLevel(PulumiTestInternal.defaultLogger().getLevel());
            logger.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }

        void publish(List<Exception> failures) {
            List<String> carried = failures.stream().map(PlanFailedException::describe).toList();
            Logger harness = PulumiTestInternal.defaultLogger();
            synchronized (records) {
                records.stream()
                        .filter(record -> record.getLevel().intValue() < Level.SEVERE.intValue()
                                || carried.stream().noneMatch(message -> String.valueOf(record.getMessage()).contains(message)))
                        .forEach(harness::log);
            }
        }
    }

    /**
     * The test harness's deployment, with its task runner waiting without polling ({@link NonPollingRunner});
     * {@code -Dstrata.plan.pollingRunner=true} keeps Pulumi's, for the benchmark's comparison.
     */
    static DeploymentInternal deployment(DeploymentImpl.DeploymentState state) {
        if (!Boolean.getBoolean(POLLING_RUNNER)) {
            state.runner = new NonPollingRunner(state.runner);
        }
        return new DeploymentImpl(state);
    }

    private static Plan toPlan(String stack, RecordingMocks mocks, DependencyRecordingMonitor monitor,
                                Map<Resource, ResourceOptions> options, TestResult result) {
        String stackUrn = result.resources().stream()
                .filter(resource -> resource.pulumiResourceType().equals(STACK_TYPE))
                .map(resource -> PulumiTest.extractValue(resource.urn()))
                .findFirst().orElse(null);
        List<PlannedResource> resources = new ArrayList<>();
        Map<Resource, List<String>> aliases = new IdentityHashMap<>();
        for (Resource resource : result.resources()) {
            if (resource.pulumiResourceType().equals(STACK_TYPE)) {
                continue;
            }
            ResourceOptions resourceOptions = options.get(resource);
            String parent = resourceOptions == null ? stackUrn : resourceOptions.getParent()
                    .map(p -> urn(p)).orElse(stackUrn);
            Mocks.ResourceArgs recorded = mocks.resource(resource.pulumiResourceType(), resource.pulumiResourceName())
                    .orElseThrow(() -> new IllegalStateException("not recorded: " + resource.pulumiResourceName()));
            boolean component = resource instanceof ComponentResource;
            resources.add(new PlannedResource(
                    urn(resource),
                    resource.pulumiResourceType(),
                    resource.pulumiResourceName(),
                    component ? null : RecordingMocks.idOf(resource.pulumiResourceName()),
                    parent,
                    resourceOptions != null && resourceOptions.isProtect(),
                    resourceOptions != null && resourceOptions.isRetainOnDelete(),
                    monitor.dependencies(resource.pulumiResourceType(), resource.pulumiResourceName()).orElse(List.of())
                            .stream().map(PlanRunner::engineUrn).distinct().sorted().toList(),
                    normalizeMap(recorded.inputs == null ? Map.of() : recorded.inputs),
                    aliases(resource, stack, monitor, options, aliases)));
        }
        resources.sort(Comparator.comparing(PlannedResource::urn));
        Map<String, Object> outputs = new TreeMap<>();
        result.outputs().forEach((name, output) -> outputs.put(name, normalize(name, PulumiTest.extractValue((Output<?>) output))));
        return new Plan(PROJECT, stack, resources, outputs);
    }

    /** The resource's aliases resolved as the engine does ({@link AliasUrns}), its parent's first. */
    private static List<String> aliases(Resource resource, String stack, DependencyRecordingMonitor monitor,
                                        Map<Resource, ResourceOptions> options, Map<Resource, List<String>> resolved) {
        List<String> known = resolved.get(resource);
        if (known != null) {
            return known;
        }
        Optional<Resource> parent = Optional.ofNullable(options.get(resource)).flatMap(ResourceOptions::getParent);
        List<String> parentAliases = parent.map(p -> aliases(p, stack, monitor, options, resolved)).orElse(List.of());
        List<String> result = AliasUrns.resolve(stack, PROJECT, resource.pulumiResourceType(), resource.pulumiResourceName(),
                parent.map(PlanRunner::urn).orElse(null), parentAliases,
                monitor.aliases(resource.pulumiResourceType(), resource.pulumiResourceName()), PlanRunner::engineUrn);
        resolved.put(resource, result);
        return result;
    }

    /**
     * The resource's URN as the Pulumi engine writes it: the root stack is not part of a child's
     * qualified type (the mock engine puts it there).
     */
    private static String urn(Resource resource) {
        return engineUrn(PulumiTest.extractValue(resource.urn()));
    }

    private static String engineUrn(String mockUrn) {
        return mockUrn.replace("::" + STACK_TYPE + "$", "::");
    }

    /** Sorted keys, whole numbers as integers, secrets hidden: the same plan renders the same text. */
    private static Map<String, Object> normalizeMap(Map<?, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((key, value) -> sorted.put(String.valueOf(key), normalize(String.valueOf(key), value)));
        return sorted;
    }

    private static Object normalize(String key, Object value) {
        if (value != null && SECRET_INPUT.matcher(key).matches()) {
            return "[secret]";
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> normalize("", item)).toList();
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return value;
    }
}

package dev.strata.plan;

import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.test.internal.PulumiTestInternal;
import org.junit.jupiter.api.Test;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's task runner: waits for every task without polling, with Pulumi's own result. */
class PlanRunnerTest {
    private static final String REGION = "us-east-1";

    /** A value that arrives after the program has returned. */
    private static <T> CompletableFuture<T> later(T value) {
        return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void thePlanWaitsWithTheNonPollingRunner() {
        AtomicReference<Runner> runner = new AtomicReference<>();
        PlanRunner.run("dev", new RecordingMocks(REGION), ctx ->
                runner.set(((DeploymentInstanceInternal) Deployment.getInstance()).getInternal().getRunner()));

        assertThat(runner.get()).isInstanceOf(NonPollingRunner.class);
    }

    @Test
    void tasksThatFinishAfterTheProgramReturnsAreWaitedFor() {
        Plan plan = PlanRunner.run("dev", new RecordingMocks(REGION), ctx -> {
            ctx.export("late", Output.of(later("arrived")));
            ctx.export("chained", Output.of(later(2)).applyValue(n -> n * 21));
        });

        assertThat(plan.outputs()).containsEntry("late", "arrived").containsEntry("chained", 42);
    }

    @Test
    void aTaskThatFailsAfterTheProgramReturnsFailsThePlanWithItsError() {
        assertThatThrownBy(() -> PlanRunner.run("dev", new RecordingMocks(REGION), ctx ->
                ctx.export("broken", Output.of(later("x").<String>thenApply(x -> {
                    throw new IllegalStateException("the late task failed");
                })))))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("the late task failed");
    }

    @Test
    void aProgramThatThrowsFailsThePlanWithItsError() {
        assertThatThrownBy(() -> PlanRunner.run("dev", new RecordingMocks(REGION), ctx -> {
            throw new IllegalArgumentException("the program failed");
        }))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageContaining("the program failed");
    }

    /** A defect's error without a message (Objects.requireNonNull) is named by its class and where it was thrown. */
    @Test
    void anErrorWithoutAMessageNamesWhereItWasThrown() {
        assertThatThrownBy(() -> PlanRunner.run("dev", new RecordingMocks(REGION), ctx -> {
            java.util.Objects.requireNonNull(null);
        }))
                .isInstanceOf(PlanFailedException.class)
                .hasMessageStartingWith("NullPointerException at java.base/java.util.Objects.requireNonNull(")
                .hasMessageContaining(", from dev.strata.plan.PlanRunnerTest.");
    }

    @Test
    void eachResourceListsWhatItWaitsForFromItsInputsAndItsDependsOn() {
        Plan plan = PlanRunner.run("dev", new RecordingMocks(REGION), ctx -> {
            BucketV2 first = new BucketV2("first");
            BucketV2 second = new BucketV2("second");
            new BucketVersioningV2("versioning", BucketVersioningV2Args.builder()
                    .bucket(first.id())
                    .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                    .build(), CustomResourceOptions.builder().dependsOn(second).build());
        });

        String bucket = "urn:pulumi:dev::strata::aws:s3/bucketV2:BucketV2::";
        assertThat(resource(plan, "versioning").dependencies()).containsExactly(bucket + "first", bucket + "second");
        assertThat(resource(plan, "first").dependencies()).isEmpty();
        assertThat(PlanJson.render(plan)).contains("\"dependencies\": [\n        \"" + bucket + "first\"");
    }

    private static PlannedResource resource(Plan plan, String name) {
        return plan.resources().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** What reaches Pulumi's test-harness log (the process's log) while {@code run} runs; nothing reaches the console. */
    private static List<LogRecord> logged(Runnable run) {
        Logger harness = PulumiTestInternal.defaultLogger();
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
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
        };
        boolean parents = harness.getUseParentHandlers();
        harness.addHandler(capture);
        harness.setUseParentHandlers(false);
        try {
            run.run();
        } finally {
            harness.removeHandler(capture);
            harness.setUseParentHandlers(parents);
        }
        return records;
    }

    @Test
    void aFailureIsReportedByItsExceptionNotLoggedToo() {
        List<String> messages = new ArrayList<>();
        List<LogRecord> records = logged(() -> {
            try {
                PlanRunner.run("dev", new RecordingMocks(REGION), ctx -> {
                    throw new IllegalArgumentException("the program failed");
                });
            } catch (PlanFailedException e) {
                messages.add(e.getMessage());
            }
        });
        assertThat(messages).containsExactly("the program failed");
        assertThat(records).isEmpty();
    }

    @Test
    void whatTheProgramLogsIsLoggedOnce() {
        Supplier<Plan> warns = () -> PlanRunner.run("dev", new RecordingMocks(REGION), ctx -> ctx.log().warn("mind the gap"));
        List<LogRecord> records = logged(warns::get);
        assertThat(records).extracting(LogRecord::getMessage).containsExactly("mind the gap");
    }
}

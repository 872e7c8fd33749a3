package dev.strata.plan;

import com.pulumi.deployment.internal.Runner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class NonPollingRunnerTest {
    /** Pulumi's runner as the plan's runner sees it: records its tasks and what it was handed. */
    private static final class RecordingDelegate implements Runner {
        final List<CompletableFuture<?>> tasks = new CopyOnWriteArrayList<>();
        volatile boolean allDoneWhenRun;
        volatile Object value;
        volatile Throwable failure;

        @Override
        public <T> void registerTask(String description, CompletableFuture<T> task) {
            tasks.add(task);
        }

        @Override
        public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
            allDoneWhenRun = tasks.stream().allMatch(CompletableFuture::isDone);
            T result = null;
            try {
                result = callback.get();
                value = result;
            } catch (CompletionException e) {
                failure = e.getCause();
            }
            return CompletableFuture.completedFuture(new Result<>(0, List.of(), Optional.ofNullable(result)) { });
        }
    }

    private static CompletableFuture<String> after(long millis) {
        return CompletableFuture.supplyAsync(() -> "done", CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    @Test
    void handsTheProgramToPulumisRunnerOnlyWhenEveryTaskHasFinishedIncludingTasksRegisteredWhileWaiting() {
        RecordingDelegate pulumi = new RecordingDelegate();
        NonPollingRunner runner = new NonPollingRunner(pulumi);
        runner.registerTask("first", after(400));
        // Registered while the first still runs, and running on after it.
        after(100).thenRun(() -> runner.registerTask("second", after(500)));
        runner.registerTask("failing", after(50).thenApply(x -> {
            throw new IllegalStateException("a task failed");
        }));

        runner.runAsync(() -> "program").join();

        assertThat(pulumi.tasks).hasSize(3);
        assertThat(pulumi.allDoneWhenRun).isTrue();
        assertThat(pulumi.value).isEqualTo("program");
    }

    @Test
    void aProgramThatThrowsReachesPulumisRunnerAsItsFailure() {
        RecordingDelegate pulumi = new RecordingDelegate();
        NonPollingRunner runner = new NonPollingRunner(pulumi);
        runner.registerTask("slow", after(100));

        runner.runAsync(() -> {
            throw new IllegalArgumentException("the program failed");
        }).join();

        assertThat(pulumi.allDoneWhenRun).isTrue();
        assertThat(pulumi.failure).isInstanceOf(IllegalArgumentException.class).hasMessage("the program failed");
    }
}

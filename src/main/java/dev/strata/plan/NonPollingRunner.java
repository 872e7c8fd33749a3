package dev.strata.plan;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.Runner;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The plan's task runner: Pulumi's own runner, started only once the program's registered tasks
 * have finished.
 *
 * <p>pulumi-java's {@code DefaultRunner} (1.36.1) waits for a program's fire-and-forget tasks by
 * polling: while the program runs it reschedules a check of every task in flight, with
 * {@code String.format} of all of them, thousands of times (about 2,500 for the prod plan; on a
 * 2-CPU machine each one also starts a thread, and with a larger common pool it spins without a
 * pause). Under the recording engine that loop competes for the CPU with the program itself. This
 * runner waits for the same tasks by completion callbacks instead, then hands the settled program
 * to the {@code delegate}: its loop finds nothing left to wait for, and its result (exit code,
 * exceptions, a failed task's error) is exactly what it would have been. Correctness never rests on
 * this runner: the delegate sees every task, so one registered just as the last others finish, and
 * missed here, is still waited for (by its polling). Measured by {@code bin/benchmark}
 * (docs/performance.md).
 *
 * <p>This replaces an internal of the Pulumi SDK: {@link PlanRunner} installs it through the test
 * harness's deployment factory, and {@code PlanRunnerTest} fails if the plan stops using it.
 */
final class NonPollingRunner implements Runner {
    private final Runner delegate;
    /** Registered tasks not yet complete (futures compare by identity). */
    private final Set<CompletableFuture<?>> running = ConcurrentHashMap.newKeySet();

    NonPollingRunner(Runner delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        delegate.registerTask(description, task);
        running.add(task);
        task.whenComplete((value, failure) -> running.remove(task));
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        // The program runs as the delegate would run it (with the deployment in context) ...
        CompletableFuture<T> program = ContextAwareCompletableFuture.supplyAsync(callback);
        // ... and the delegate sees it, failed or not, once every task it registered has settled.
        return program.handle((value, failure) -> null)
                .thenCompose(settled -> allSettled())
                .thenCompose(settled -> delegate.runAsync(program::join));
    }

    /** Completes when no registered task is running, including tasks registered while waiting. */
    private CompletableFuture<Void> allSettled() {
        running.removeIf(CompletableFuture::isDone);
        CompletableFuture<?>[] pending = running.stream()
                .map(task -> task.handle((value, failure) -> null))
                .toArray(CompletableFuture[]::new);
        if (pending.length == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(pending).thenCompose(settled -> allSettled());
    }
}

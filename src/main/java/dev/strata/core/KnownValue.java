package dev.strata.core;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The value of an {@link Output} that is known when a component checks its Args: a plain value the
 * caller passed ({@code Output.of("ml-training")}, or a builder's plain-value overload). An output of
 * another resource (a namespace's name, say) is not known yet then; it is left unchecked, for the
 * engine and the API server to judge (STYLE.md 8: do not check values that are not known yet), or
 * checked once it resolves ({@link #checked}): a reference argument (another resource's id or ARN, taken
 * as an {@link Output} so that a program in any Pulumi language can pass that resource's output) is
 * checked before anything registers when known then, else when it resolves, failing the resources that
 * use it with the same problems (preview shows them with the value unknown).
 */
public final class KnownValue {
    private KnownValue() {
    }

    /** The value of {@code output} if it is already resolved and known; else empty (also for null). */
    public static <T> Optional<T> of(@Nullable Output<T> output) {
        if (output == null) {
            return Optional.empty();
        }
        CompletableFuture<OutputData<T>> data = Internal.of(output).getDataAsync();
        if (!data.isDone() || data.isCompletedExceptionally()) {
            return Optional.empty();
        }
        OutputData<T> resolved = data.join();
        return resolved.isKnown() ? Optional.ofNullable(resolved.getValueNullable()) : Optional.empty();
    }

    /**
     * {@code output} itself when its value is known now (its Args' {@code validate} checked it); else
     * {@code output} checked by {@code check} once it resolves, failing with every problem.
     */
    public static <T> Output<T> checked(Output<T> output, BiConsumer<T, Problems> check) {
        if (of(output).isPresent()) {
            return output;
        }
        return output.applyValue(value -> {
            Problems problems = new Problems();
            check.accept(value, problems);
            problems.throwIfAny();
            return value;
        });
    }
}

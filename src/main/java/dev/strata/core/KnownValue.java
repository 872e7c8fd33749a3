package dev.strata.core;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The value of an {@link Output} that is known when a component checks its Args: a plain value the
 * caller passed ({@code Output.of("ml-training")}, or a builder's plain-value overload). An output of
 * another resource (a namespace's name, say) is not known yet then; it is left unchecked, for the
 * engine and the API server to judge (STYLE.md 8: do not check values that are not known yet).
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
}

package dev.strata.core;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.core.internal.OutputData;

import javax.annotation.Nullable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The values of reference arguments: another resource's id or ARN, taken as an {@link Output} so
 * that a program in any Pulumi language can pass that resource's output. A component checks such a
 * value before it registers anything when the value is known then (a plain value, as Strata's own
 * stack passes, or an output already resolved), and otherwise when it resolves: the output the
 * component hands its resources fails with the same problems, which fails those resources' creation
 * (preview shows them with the value unknown).
 */
public final class Known {
    private Known() {
    }

    /** The output's value if it is known now; empty if it is not yet, or is unknown in a preview. */
    public static <T> Optional<T> now(@Nullable Output<T> output) {
        if (output == null) {
            return Optional.empty();
        }
        CompletableFuture<OutputData<T>> data = Internal.of(output).getDataAsync();
        if (!data.isDone() || data.isCompletedExceptionally()) {
            return Optional.empty();
        }
        OutputData<T> value = data.join();
        return value.isKnown() ? value.getValueOptional() : Optional.empty();
    }

    /**
     * {@code output} itself when its value is known now (its Args' {@code validate} checked it); else
     * {@code output} checked by {@code check} once it resolves, failing with every problem.
     */
    public static <T> Output<T> checked(Output<T> output, BiConsumer<T, Problems> check) {
        if (now(output).isPresent()) {
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

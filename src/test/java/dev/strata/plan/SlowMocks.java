package dev.strata.plan;

import com.pulumi.test.Mocks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording mocks that answer some resource types only after a delay, and note when each resource's
 * registration reached the engine and when it was answered. A resource whose inputs come from a slow
 * resource's outputs reaches the engine only after that resource was answered; one that does not wait
 * for it reaches the engine at once, long before. Ordering tests compare the two.
 */
public final class SlowMocks extends RecordingMocks {
    private final Set<String> slowTypes;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    public SlowMocks(String region, Set<String> slowTypes) {
        super(region);
        this.slowTypes = slowTypes;
    }

    @Override
    public CompletableFuture<Mocks.ResourceResult> newResourceAsync(Mocks.ResourceArgs args) {
        events.add("registered " + args.name);
        CompletableFuture<Mocks.ResourceResult> result = super.newResourceAsync(args);
        if (slowTypes.contains(args.type)) {
            result = result.thenApplyAsync(r -> r, CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));
        }
        return result.thenApply(r -> {
            events.add("answered " + args.name);
            return r;
        });
    }

    /** Asserts that {@code later} reached the engine only after {@code earlier} was answered. */
    public void assertRegisteredAfter(String later, String earlier) {
        assertThat(index("registered " + later)).as(later + " after " + earlier + " in " + events)
                .isGreaterThan(index("answered " + earlier));
    }

    private int index(String event) {
        int index = events.indexOf(event);
        assertThat(index).as(event + " in " + events).isNotNegative();
        return index;
    }
}

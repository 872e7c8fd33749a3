package dev.strata.plan;

import java.util.List;
import java.util.stream.Collectors;

/** The program failed while it ran under the recording engine. */
public final class PlanFailedException extends RuntimeException {
    public PlanFailedException(List<Exception> causes) {
        super(causes.stream().map(PlanFailedException::describe).distinct().collect(Collectors.joining("\n")),
                causes.isEmpty() ? null : causes.get(0));
    }

    /** The message of an error's root cause, as the exception's message lists it. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

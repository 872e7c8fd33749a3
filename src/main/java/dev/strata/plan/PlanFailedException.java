package dev.strata.plan;

import java.util.List;
import java.util.stream.Collectors;

/** The program failed while it ran under the recording engine. */
public final class PlanFailedException extends RuntimeException {
    private static final String STRATA = "dev.strata.";

    public PlanFailedException(List<Exception> causes) {
        super(causes.stream().map(PlanFailedException::describe).distinct().collect(Collectors.joining("\n")),
                causes.isEmpty() ? null : causes.get(0));
    }

    /**
     * The message of an error's root cause, as the exception's message lists it; an error without a
     * message (a defect, such as a {@code NullPointerException} from {@code Objects.requireNonNull})
     * is named by its class and where it was thrown, so that a report of it can be traced.
     */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getMessage() != null) {
            return root.getMessage();
        }
        List<StackTraceElement> frames = List.of(root.getStackTrace());
        if (frames.isEmpty()) {
            return root.getClass().getSimpleName();
        }
        String thrown = root.getClass().getSimpleName() + " at " + frames.get(0);
        return frames.stream().filter(frame -> frame.getClassName().startsWith(STRATA)).findFirst()
                .filter(frame -> frame != frames.get(0))
                .map(frame -> thrown + ", from " + frame)
                .orElse(thrown);
    }
}

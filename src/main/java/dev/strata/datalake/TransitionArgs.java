package dev.strata.datalake;

/** A lifecycle transition: objects move to {@code storageClass} after {@code days} days. */
public final class TransitionArgs extends TransitionArgsBase {
    public TransitionArgs() {
    }

    public TransitionArgs(int days, String storageClass) {
        this.days = days;
        this.storageClass = storageClass;
    }

    public static TransitionArgs from(Transition transition) {
        return new TransitionArgs(transition.days(), transition.storageClass().name());
    }
}

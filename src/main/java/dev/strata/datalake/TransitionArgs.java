package dev.strata.datalake;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.OneOf;

/** A lifecycle transition: objects move to {@code storageClass} after {@code days} days. */
public final class TransitionArgs extends ResourceArgs {
    /** Days after creation (or after becoming noncurrent). Required. */
    @Import(name = "days", required = true)
    private Integer days;

    /** STANDARD_IA, INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER or DEEP_ARCHIVE. Required. */
    @OneOf(StorageClass.class)
    @Import(name = "storageClass", required = true)
    private String storageClass;

    public TransitionArgs() {
    }

    public TransitionArgs(int days, String storageClass) {
        this.days = days;
        this.storageClass = storageClass;
    }

    public static TransitionArgs from(Transition transition) {
        return new TransitionArgs(transition.days(), transition.storageClass().name());
    }

    public Integer days() {
        return days;
    }

    public String storageClass() {
        return storageClass;
    }
}

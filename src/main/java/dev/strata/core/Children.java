package dev.strata.core;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;

/** Resource options of a component's children: always parented; stateful ones protected where asked. */
public final class Children {
    private Children() {
    }

    /** Options of a stateless child (a configuration resource that can be recreated at will). */
    public static CustomResourceOptions of(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).build();
    }

    /**
     * Options of a stateful child (a bucket, key or file system): when {@code protect} is set, Pulumi
     * refuses to delete or replace it, and removing it from the program leaves it in the account.
     */
    public static CustomResourceOptions stateful(Resource parent, boolean protect) {
        return statefulBuilder(parent, protect).build();
    }

    /** Options of a stateful child whose creation, update and deletion the provider waits {@code timeouts} for. */
    public static CustomResourceOptions stateful(Resource parent, boolean protect, CustomTimeouts timeouts) {
        return statefulBuilder(parent, protect).customTimeouts(timeouts).build();
    }

    private static CustomResourceOptions.Builder statefulBuilder(Resource parent, boolean protect) {
        return CustomResourceOptions.builder().parent(parent).protect(protect).retainOnDelete(protect);
    }
}

package dev.strata.core;

import com.pulumi.resources.ResourceArgs;

/**
 * The builder of an Args class: it fills one instance and hands it out. Setters of the Args' own
 * fields live in the Args' {@code Builder}, which extends this one (or {@link TaggedArgs.Builder},
 * {@link StatefulArgs.Builder}) with itself as {@code B}, so that inherited setters return it.
 *
 * @param <A> the Args class
 * @param <B> the concrete builder
 */
public abstract class ArgsBuilder<A extends ResourceArgs, B extends ArgsBuilder<A, B>> {
    protected final A args;

    protected ArgsBuilder(A args) {
        this.args = args;
    }

    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }

    public A build() {
        return args;
    }
}

package dev.strata.core;

import com.pulumi.core.annotations.Import;

import javax.annotation.Nullable;

/**
 * The Args of a component that keeps state (a bucket, a key, a file system, a cache): {@code tags} and
 * {@code protect}, declared once.
 */
public abstract class StatefulArgs extends TaggedArgs {
    /**
     * Protect the stateful resources (Pulumi's {@code protect}) and retain them when they leave the stack
     * ({@code retainOnDelete}). Default: false (the Strata program sets it in prod).
     */
    @Import(name = "protect")
    @Nullable
    private Boolean protect;

    protected StatefulArgs() {
    }

    public boolean protect() {
        return Boolean.TRUE.equals(protect);
    }

    /** The builder of a {@link StatefulArgs}: {@code tags(...)}, {@code protect(...)}, then the Args' own setters. */
    public abstract static class Builder<A extends StatefulArgs, B extends Builder<A, B>> extends TaggedArgs.Builder<A, B> {
        protected Builder(A args) {
            super(args);
        }

        public B protect(boolean protect) {
            ((StatefulArgs) args).protect = protect;
            return self();
        }
    }
}

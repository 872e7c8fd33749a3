package dev.strata.core;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;
import java.util.Optional;

/**
 * The Args of a component that tags the AWS resources it creates: the {@code tags} input, declared
 * once. (pulumi-java 1.36.1's component deserializer reads only the fields a class declares, so
 * {@code dev.strata.provider.StrataProvider#argsFrom} sets these inherited inputs itself.)
 */
public abstract class TaggedArgs extends ResourceArgs {
    /**
     * Tags for every AWS resource the component creates, in addition to the {@code component} and
     * {@code tier} tags it sets itself ({@link Tags#of}). Default: none.
     */
    @Import(name = "tags")
    @Nullable
    private Map<String, String> tags;

    protected TaggedArgs() {
    }

    public Map<String, String> tags() {
        return Optional.ofNullable(tags).orElse(Map.of());
    }

    /** The builder of a {@link TaggedArgs}: {@code tags(...)}, then the Args' own setters. */
    public abstract static class Builder<A extends TaggedArgs, B extends Builder<A, B>> extends ArgsBuilder<A, B> {
        protected Builder(A args) {
            super(args);
        }

        public B tags(Map<String, String> tags) {
            ((TaggedArgs) args).tags = Map.copyOf(tags);
            return self();
        }
    }
}

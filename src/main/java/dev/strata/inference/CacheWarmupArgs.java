package dev.strata.inference;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.List;

/** The cache warm-up DaemonSet, as a component argument (see {@link CacheWarmup}). */
public final class CacheWarmupArgs extends ResourceArgs {
    /** An image with the AWS CLI, pinned by tag or digest. Required. */
    @Import(name = "image", required = true)
    private String image;

    /** Archive prefixes to copy into the local cache. Required (at least one). */
    @Import(name = "prefixes", required = true)
    @Nullable
    private List<String> prefixes;

    public static CacheWarmupArgs from(CacheWarmup warmup) {
        return builder().image(warmup.image()).prefixes(warmup.prefixes()).build();
    }

    /** The warm-up as a typed value, checked by {@link CacheWarmup#validate}. */
    public CacheWarmup toWarmup() {
        return new CacheWarmup(image, prefixes);
    }

    /** Checks the image and the prefixes; {@code key} prefixes the keys reported, e.g. {@code warmup}. */
    public void validate(String key, Problems problems) {
        toWarmup().validate(key, problems);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<CacheWarmupArgs, Builder> {
        private Builder() {
            super(new CacheWarmupArgs());
        }

        public Builder image(String image) {
            args.image = image;
            return this;
        }

        public Builder prefixes(List<String> prefixes) {
            args.prefixes = List.copyOf(prefixes);
            return this;
        }
    }
}

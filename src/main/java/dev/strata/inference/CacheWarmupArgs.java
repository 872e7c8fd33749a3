package dev.strata.inference;

import dev.strata.core.Problems;

/** The cache warm-up DaemonSet, as a component argument (see {@link CacheWarmup}). */
public final class CacheWarmupArgs extends CacheWarmupArgsBase {
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
}

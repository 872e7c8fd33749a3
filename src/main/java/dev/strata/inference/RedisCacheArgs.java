package dev.strata.inference;

import dev.strata.core.Problems;

import java.util.Optional;

/** The L1 Redis cache, as a component argument (see {@link RedisCache}). */
public final class RedisCacheArgs extends RedisCacheArgsBase {
    public static final String DEFAULT_ENGINE = "redis";

    public static final String DEFAULT_ENGINE_VERSION = "7.1";

    public static final int DEFAULT_REPLICAS = 1;

    public static final boolean DEFAULT_AUTOMATIC_FAILOVER = true;

    public static final boolean DEFAULT_MULTI_AZ = true;

    public static RedisCacheArgs from(RedisCache cache) {
        return builder().engine(cache.engine()).engineVersion(cache.engineVersion()).nodeType(cache.nodeType())
                .replicas(cache.replicas()).automaticFailover(cache.automaticFailover()).multiAz(cache.multiAz()).build();
    }

    /** The cache as a typed value with its defaults, checked by {@link RedisCache#validate}. */
    public RedisCache toCache() {
        return new RedisCache(
                Optional.ofNullable(engine).orElse(DEFAULT_ENGINE),
                Optional.ofNullable(engineVersion).orElse(DEFAULT_ENGINE_VERSION),
                nodeType,
                Optional.ofNullable(replicas).orElse(DEFAULT_REPLICAS),
                Optional.ofNullable(automaticFailover).orElse(DEFAULT_AUTOMATIC_FAILOVER),
                Optional.ofNullable(multiAz).orElse(DEFAULT_MULTI_AZ));
    }

    /** Checks the cache with its defaults; {@code key} prefixes the keys reported, e.g. {@code redis}. */
    public void validate(String key, Problems problems) {
        toCache().validate(key, problems);
    }
}

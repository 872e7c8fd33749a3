package dev.strata.inference;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.strata.core.ArgsBuilder;
import dev.strata.core.Problems;

import javax.annotation.Nullable;
import java.util.Optional;

/** The L1 Redis cache, as a component argument (see {@link RedisCache}). */
public final class RedisCacheArgs extends ResourceArgs {
    public static final String DEFAULT_ENGINE = "redis";
    public static final String DEFAULT_ENGINE_VERSION = "7.1";
    public static final int DEFAULT_REPLICAS = 1;
    public static final boolean DEFAULT_AUTOMATIC_FAILOVER = true;
    public static final boolean DEFAULT_MULTI_AZ = true;

    /** {@code redis} or {@code valkey}. Default: {@value #DEFAULT_ENGINE}. */
    @Import(name = "engine")
    @Nullable
    private String engine;

    /** major.minor engine version (IAM authentication needs Redis OSS 7.0+ or Valkey 7.2+). Default: {@value #DEFAULT_ENGINE_VERSION}. */
    @Import(name = "engineVersion")
    @Nullable
    private String engineVersion;

    /** The cache node type, e.g. {@code cache.r7g.2xlarge}. Required. */
    @Import(name = "nodeType", required = true)
    private String nodeType;

    /** Read replicas besides the primary, 0 to 5. Default: {@value #DEFAULT_REPLICAS}. */
    @Import(name = "replicas")
    @Nullable
    private Integer replicas;

    /** Promote a replica when the primary fails. Default: {@value #DEFAULT_AUTOMATIC_FAILOVER}. */
    @Import(name = "automaticFailover")
    @Nullable
    private Boolean automaticFailover;

    /** Place replicas in other Availability Zones. Default: {@value #DEFAULT_MULTI_AZ}. */
    @Import(name = "multiAz")
    @Nullable
    private Boolean multiAz;

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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ArgsBuilder<RedisCacheArgs, Builder> {
        private Builder() {
            super(new RedisCacheArgs());
        }

        public Builder engine(String engine) {
            args.engine = engine;
            return this;
        }

        public Builder engineVersion(String engineVersion) {
            args.engineVersion = engineVersion;
            return this;
        }

        public Builder nodeType(String nodeType) {
            args.nodeType = nodeType;
            return this;
        }

        public Builder replicas(int replicas) {
            args.replicas = replicas;
            return this;
        }

        public Builder automaticFailover(boolean automaticFailover) {
            args.automaticFailover = automaticFailover;
            return this;
        }

        public Builder multiAz(boolean multiAz) {
            args.multiAz = multiAz;
            return this;
        }
    }
}

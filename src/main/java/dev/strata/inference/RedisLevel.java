package dev.strata.inference;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.elasticache.User;
import com.pulumi.aws.elasticache.UserArgs;
import com.pulumi.aws.elasticache.UserGroup;
import com.pulumi.aws.elasticache.UserGroupArgs;
import com.pulumi.aws.elasticache.inputs.UserAuthenticationModeArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.Children;
import dev.strata.core.Tags;
import dev.strata.core.TierName;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * L1, the Redis cache of hot model weights, when enabled: an ElastiCache (Redis OSS or Valkey) replication
 * group encrypted at rest with the CMK and in transit, reached only from the cluster (its own security
 * group, TCP {@value RedisCache#PORT} from the nodes and the allowed CIDRs), authenticated through RBAC
 * with an IAM-authenticated user (no password exists). Disabled, the level is declared with nothing in it.
 */
final class RedisLevel extends CacheLevel {
    /**
     * Redis ACL of the IAM-authenticated user: every key, reads and writes, no administrative or
     * dangerous commands. https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html
     */
    static final String ACCESS_STRING = "on ~* -@all +@read +@write +@keyspace +@connection -@dangerous";
    /**
     * A user group must contain a user named {@code default}; Strata's is switched off and may run
     * no command, so the only way in is the IAM user.
     */
    static final String DEFAULT_ACCESS_STRING = "off -@all";

    /** The replication group and the one user that can connect to it; empty when L1 is off. */
    final Optional<ReplicationGroup> group;
    final Optional<User> iamUser;

    RedisLevel(String name, InferenceStorageArgs args, Optional<RedisCache> cache, InferenceStorage parent) {
        super(name + "-l1-redis", 1, "ElastiCache " + cache.map(RedisCache::engine).orElse(RedisCacheArgs.DEFAULT_ENGINE), cache.isPresent(),
                ComponentResourceOptions.builder().parent(parent).build());
        if (cache.isEmpty()) {
            this.group = Optional.empty();
            this.iamUser = Optional.empty();
            return;
        }
        Map<String, String> tags = Tags.of(args.tags(), "inference", TierName.REDIS.value());
        // No egress rules: the cache never opens connections.
        SecurityGroup securityGroup = new SecurityGroup(name + "-redis", SecurityGroupArgs.builder()
                .description("Redis L1 model cache of " + name + ": TCP " + RedisCache.PORT + " from the cluster only")
                .vpcId(args.network().vpcId())
                .tags(tags)
                .build(), Children.of(this));
        args.network().clientSecurityGroupId().ifPresent(source -> new SecurityGroupIngressRule(name + "-redis-from-nodes",
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(securityGroup.id())
                        .description("Redis from the cluster nodes")
                        .ipProtocol("tcp")
                        .fromPort(RedisCache.PORT)
                        .toPort(RedisCache.PORT)
                        .referencedSecurityGroupId(source)
                        .tags(tags)
                        .build(), Children.of(this)));
        for (String cidr : args.network().allowedCidrs()) {
            new SecurityGroupIngressRule(name + "-redis-from-" + cidr.replaceAll("[./]", "-"), SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroup.id())
                    .description("Redis from " + cidr)
                    .ipProtocol("tcp")
                    .fromPort(RedisCache.PORT)
                    .toPort(RedisCache.PORT)
                    .cidrIpv4(cidr)
                    .tags(tags)
                    .build(), Children.of(this));
        }

        SubnetGroup subnetGroup = new SubnetGroup(name + "-redis", SubnetGroupArgs.builder()
                .description("Private subnets of the Redis L1 model cache of " + name)
                .subnetIds(args.network().subnetIds())
                .tags(tags)
                .build(), Children.of(this));

        // RBAC: the group's default user is switched off; the one user that can connect authenticates
        // with IAM (an auth token signed with the inference identity's credentials), so no password exists.
        RedisCache redis = cache.get();
        User defaultUser = new User(name + "-redis-default", UserArgs.builder()
                .userId(truncate(idBase(name) + "-default-off", 40))
                .userName("default")
                .engine(redis.engine())
                .accessString(DEFAULT_ACCESS_STRING)
                .authenticationMode(UserAuthenticationModeArgs.builder().type("no-password-required").build())
                .tags(tags)
                .build(), Children.of(this));
        User user = new User(name + "-redis-iam", UserArgs.builder()
                .userId(iamUserId(name))
                .userName(iamUserId(name))
                .engine(redis.engine())
                .accessString(ACCESS_STRING)
                .authenticationMode(UserAuthenticationModeArgs.builder().type("iam").build())
                .tags(tags)
                .build(), Children.of(this));
        UserGroup userGroup = new UserGroup(name + "-redis", UserGroupArgs.builder()
                .userGroupId(truncate(idBase(name) + "-model-cache", 40))
                .engine(redis.engine())
                .userIds(Output.all(defaultUser.userId(), user.userId()))
                .tags(tags)
                .build(), Children.of(this));

        this.group = Optional.of(new ReplicationGroup(name + "-redis", ReplicationGroupArgs.builder()
                .replicationGroupId(truncate(idBase(name) + "-model-cache", 40))
                .description("L1 cache of hot model weights (" + name + ")")
                .engine(redis.engine())
                .engineVersion(redis.engineVersion())
                .nodeType(redis.nodeType())
                .port(RedisCache.PORT)
                .numCacheClusters(redis.replicas() + 1)
                .automaticFailoverEnabled(redis.automaticFailover())
                .multiAzEnabled(redis.multiAz())
                .atRestEncryptionEnabled(true)
                .kmsKeyId(args.kmsKeyArn())
                .transitEncryptionEnabled(true)
                .transitEncryptionMode("required")
                .userGroupIds(userGroup.userGroupId().applyValue(List::of))
                .subnetGroupName(subnetGroup.name())
                .securityGroupIds(securityGroup.id().applyValue(List::of))
                .autoMinorVersionUpgrade(true)
                .tags(tags)
                .build(), Children.stateful(this, args.protect())));
        this.iamUser = Optional.of(user);
    }

    /** The lower-case base of ElastiCache ids: {@code strata-<name>}. */
    static String idBase(String name) {
        return ("strata-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("-+", "-").replaceAll("-$", "");
    }

    /** The IAM-authenticated Redis user: its id and name are the same (IAM authentication needs that). */
    static String iamUserId(String name) {
        return truncate(idBase(name) + "-inference", 40);
    }

    private static String truncate(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) : text;
        return cut.replaceAll("-+$", "");
    }
}

package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * One level of the model cache (L1 Redis, L2 local NVMe, L3 EFS, L4 S3): a component of its own that
 * declares the level's resources ({@link RedisLevel}, {@link NvmeCacheLevel}, {@link ModelRepository},
 * {@link ModelArchive}), so that plans list and draw each level's resources together, nearest level first.
 *
 * <p>Every level keeps the one type token {@value #TYPE} and its name ({@code <name>-l1-redis} ...):
 * the levels' URNs, and so their children's, are those of the deployed stacks, and no resource needs
 * an alias ("Pulumi identifies every resource by its URN, which encodes the resource's name, type, parent
 * path, project, and stack": https://www.pulumi.com/docs/iac/operations/stack-management/refactoring-with-aliases/).
 * The plan summary and diagram read the level number and medium from its inputs.
 */
abstract class CacheLevel extends ComponentResource {
    public static final String TYPE = "strata:inference:CacheLevel";

    CacheLevel(String name, int level, String medium, boolean enabled, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, new Args(level, medium, enabled), options);
        registerOutputs(Map.of());
    }

    /** A Kubernetes object of this level: the level is its parent, the cluster's provider creates it. */
    final CustomResourceOptions kubernetes(Provider provider) {
        return CustomResourceOptions.builder().parent(this).provider(provider).build();
    }

    /** The metadata of a Kubernetes object of level {@code level}: its name, namespace (null: cluster-wide) and labels. */
    static ObjectMetaArgs metadata(String objectName, @Nullable Output<String> namespace, int level) {
        var meta = ObjectMetaArgs.builder()
                .name(objectName)
                .labels(Map.of("app.kubernetes.io/part-of", "strata", "strata.dev/cache-level", "l" + level));
        if (namespace != null) {
            meta.namespace(namespace);
        }
        return meta.build();
    }

    /** What a level is: its number (1 is nearest the model server), its medium, and whether it is deployed. */
    public static final class Args extends ResourceArgs {
        @Import(name = "level", required = true)
        private Integer level;

        @Import(name = "medium", required = true)
        private String medium;

        @Import(name = "enabled", required = true)
        private Boolean enabled;

        public Args(int level, String medium, boolean enabled) {
            this.level = level;
            this.medium = medium;
            this.enabled = enabled;
        }

        public int level() {
            return level;
        }

        public String medium() {
            return medium;
        }

        public boolean enabled() {
            return enabled;
        }
    }
}

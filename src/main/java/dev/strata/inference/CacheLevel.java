package dev.strata.inference;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceArgs;

import javax.annotation.Nullable;
import java.util.Map;

/**
 * One level of the model cache (L1 Redis, L2 local NVMe, L3 EFS, L4 S3): a grouping component, so
 * that plans list and draw each level's resources together, nearest level first.
 */
final class CacheLevel extends ComponentResource {
    public static final String TYPE = "strata:inference:CacheLevel";

    CacheLevel(String name, Args args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, args, options);
        registerOutputs(Map.of());
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

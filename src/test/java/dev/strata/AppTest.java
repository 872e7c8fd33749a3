package dev.strata;

import dev.strata.config.StackConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry point's own messages. */
class AppTest {

    @Test
    void aProgramRunWithoutAnEnvironmentNamesTheStackFileTheCliRead() {
        // The engine's variables as the language host sets them for `pulumi up --stack staging`.
        Map<String, String> engine = Map.of("PULUMI_STACK", "staging", "PULUMI_ROOT_DIRECTORY", "/src/strata");
        assertThat(App.expectedStackFile(StackConfig.fromPulumiEngine("{\"aws:region\":\"us-east-1\"}"), engine))
                .contains("strata: stack staging has no strata:environment: the Pulumi CLI reads its config from "
                        + Path.of("/src/strata/Pulumi.staging.yaml") + " (or the file given with --config-file), which does not set it");
        assertThat(App.expectedStackFile(StackConfig.fromPulumiEngine("{\"strata:environment\":\"prod\"}"), engine)).isEmpty();
    }
}

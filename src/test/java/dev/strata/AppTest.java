package dev.strata;

import dev.strata.config.StackConfig;
import dev.strata.provider.StrataProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The project version in pom.xml: the one place it is written. */
    private static String pomVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>strata</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = App.run(args, Path.of("").toAbsolutePath(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(exit).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void versionIsThePomsEverywhere() throws IOException {
        String version = pomVersion();
        assertThat(Version.get()).isEqualTo(version);
        assertThat(run("--version")).isEqualTo("strata " + version + "\n");
        assertThat(run("plan", "--version")).isEqualTo("strata " + version + "\n");
        // The component provider plugin reports it in its package schema.
        assertThat(new StrataProvider(Version.get()).schema().get("version").getAsString()).isEqualTo(version);
    }

    @Test
    void planHelpListsEveryExitCode() {
        assertThat(run("plan", "--help")).contains("Exit codes:", "  0   planned", "  1   a mandatory policy finding",
                "  2   invalid config or usage", "  3   an internal error", "  4   the policy pack could not run");
    }
}

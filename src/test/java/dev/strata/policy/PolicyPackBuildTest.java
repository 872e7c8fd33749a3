package dev.strata.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pack is built the first time a plan needs it, and only then. */
class PolicyPackBuildTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);

    /** A pack without dependencies whose build writes dist/offline.js, as the real one's does. */
    private static Path pack(Path dir) throws IOException {
        Files.writeString(dir.resolve("package.json"), """
                {"name": "pack", "version": "1.0.0", "private": true,
                 "scripts": {"build": "node -e \\"require('fs').mkdirSync('dist');require('fs').writeFileSync('dist/offline.js','')\\""}}
                """);
        Files.writeString(dir.resolve("package-lock.json"), """
                {"name": "pack", "version": "1.0.0", "lockfileVersion": 3, "requires": true,
                 "packages": {"": {"name": "pack", "version": "1.0.0"}}}
                """);
        return dir;
    }

    @Test
    void anUnbuiltPackIsInstalledAndBuiltOnce(@TempDir Path dir) throws IOException {
        PolicyPackBuild build = PolicyPackBuild.forPack(pack(dir));
        assertThat(build.ensureBuilt(out)).isTrue();
        assertThat(dir.resolve("dist/offline.js")).isRegularFile();
        assertThat(log.toString(StandardCharsets.UTF_8)).startsWith("strata: building the policy pack once");
        log.reset();
        assertThat(build.ensureBuilt(out)).isTrue();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void withoutNpmThePackStaysUnbuiltAndTheRunnerSaysSo(@TempDir Path dir) throws IOException {
        assertThat(new PolicyPackBuild(pack(dir), "strata-test-no-such-npm").ensureBuilt(out)).isFalse();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("strata: cannot run strata-test-no-such-npm",
                "the policy pack needs Node.js 20 or later with npm");
        try (PolicyRunner.Evaluation evaluation = new PolicyRunner(dir, "node").start(null)) {
            assertThatThrownBy(() -> evaluation.findings("{}"))
                    .isInstanceOf(PolicyUnavailableException.class).hasMessageContaining("the policy pack is not built");
        }
    }

    @Test
    void aFolderWithoutAPackIsLeftAlone(@TempDir Path dir) {
        assertThat(PolicyPackBuild.forPack(dir).ensureBuilt(out)).isFalse();
        assertThat(log.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dir.resolve("node_modules")).doesNotExist();
    }
}

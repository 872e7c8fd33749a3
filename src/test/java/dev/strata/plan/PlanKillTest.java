package dev.strata.plan;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan process killed while it writes {@code --out} leaves the previous file byte-identical: the
 * plan is written to a temporary file beside it and renamed only once complete. The process is the
 * real {@code strata plan} of the prod stack, writing slowly ({@link SlowPlanMain}).
 */
class PlanKillTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final byte[] OLD = "{\"the\": \"previous plan\"}\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"SIGTERM", "SIGKILL"})
    void killedWhileWritingTheOldFileStays(String signal, @TempDir Path dir) throws Exception {
        Path target = Files.write(dir.resolve("plan.json"), OLD);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process plan = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SlowPlanMain.class.getName(),
                PROJECT.toString(), "--stack", "prod", "--format", "json", "--out", target.toString())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(plan.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return stdout.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(180, TimeUnit.SECONDS);
            assertThat(line).as("the plan started writing; stderr: %s", stderrOf(dir)).isEqualTo("writing");
            List<Path> temporary = temporaryFiles(dir);
            assertThat(temporary).as("the plan writes beside the target").hasSize(1);
            assertThat(Files.size(temporary.get(0))).isPositive();

            if (signal.equals("SIGTERM")) {
                plan.destroy();
            } else {
                plan.destroyForcibly();
            }
            assertThat(plan.waitFor(30, TimeUnit.SECONDS)).isTrue();

            assertThat(plan.exitValue()).isNotZero();
            assertThat(target).hasBinaryContent(OLD);
            if (signal.equals("SIGTERM")) {
                // The JVM's shutdown removed the half-written temporary file; SIGKILL leaves it (never the target).
                assertThat(temporaryFiles(dir)).isEmpty();
            }
        } finally {
            plan.destroyForcibly();
        }
    }

    private static List<Path> temporaryFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".plan.json.")).toList();
        }
    }

    private static String stderrOf(Path dir) {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(none)";
        }
    }
}

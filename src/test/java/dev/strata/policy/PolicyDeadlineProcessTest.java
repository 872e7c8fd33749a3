package dev.strata.policy;

import dev.strata.plan.PlanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata plan} as a process, with a policy runner that never reads its plan: exit 4 within the deadline. */
class PolicyDeadlineProcessTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void aPlanWithARunnerThatNeverReadsExits4WithinTheDeadline(@TempDir Path dir) throws Exception {
        Path fakeNode = dir.resolve("node");
        Files.writeString(fakeNode, "#!/bin/sh\nsleep 600\n");
        Files.setPosixFilePermissions(fakeNode, PosixFilePermissions.fromString("rwx------"));
        byte[] old = "{\"the\": \"previous plan\"}\n".getBytes(StandardCharsets.UTF_8);
        Path out = Files.write(dir.resolve("plan.json"), old);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.strata.App",
                "plan", "--stack", "prod", "--format", "json", "--out", out.toString())
                .directory(PROJECT.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("STRATA_NODE", fakeNode.toString());
        builder.environment().put(PolicyRunner.DEADLINE_VARIABLE, "3");
        Process plan = builder.start();
        try {
            // The plan itself takes seconds on a loaded machine; the runner then has 3 s.
            assertThat(plan.waitFor(180, TimeUnit.SECONDS)).as("the plan exits").isTrue();
            String stderr = Files.readString(dir.resolve("stderr.txt"));
            assertThat(plan.exitValue()).as(stderr).isEqualTo(PlanCommand.POLICY_UNAVAILABLE);
            assertThat(stderr).contains("policy checks could not run, so the plan is not shown as clean: "
                    + "the policy runner did not finish within 3 s (STRATA_POLICY_TIMEOUT); it was stopped");
            assertThat(stderr).doesNotContain("Exception", "\tat ");
            assertThat(Files.readString(dir.resolve("stdout.txt"))).isEmpty();
            assertThat(out).hasBinaryContent(old);
        } finally {
            plan.destroyForcibly();
        }
    }

    /** The command reference (docs/commands.md, strata plan) states the default deadline; it is the runner's. */
    @Test
    void theCommandReferenceStatesTheDeadline() throws Exception {
        String commands = Files.readString(PROJECT.resolve("docs/commands.md"));
        Matcher stated = Pattern.compile("policy runner has (\\d+) s").matcher(commands);
        assertThat(stated.find()).as("docs/commands.md states the deadline").isTrue();
        assertThat(Duration.ofSeconds(Long.parseLong(stated.group(1)))).isEqualTo(PolicyRunner.DEFAULT_DEADLINE);
    }
}

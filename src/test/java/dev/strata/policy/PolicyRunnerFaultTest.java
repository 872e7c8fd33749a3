package dev.strata.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Policy runners that misbehave: never read, crash, are killed, or answer findings that disagree with
 * their exit. Fake runners are shell scripts given as the Node.js executable (as STRATA_NODE names one).
 */
class PolicyRunnerFaultTest {
    private static final Path PACK = Path.of("").toAbsolutePath().resolve("policy");
    /** A plan larger than any pipe buffer, so a runner that never reads blocks its writer. */
    private static final String LARGE_PLAN = "{\"resources\": [" + "{\"pad\": \"" + "x".repeat(1000) + "\"},".repeat(2000) + "{}]}";

    private static Path script(Path dir, String body) throws IOException {
        Path script = dir.resolve("fake-node.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static PolicyRunner runner(Path script, Duration deadline) {
        return new PolicyRunner(PACK, script.toString(), deadline);
    }

    @Test
    void aRunnerThatNeverReadsIsStoppedAtTheDeadline(@TempDir Path dir) throws Exception {
        // sleep runs as a child of the shell, holding the pipes: it is stopped too. Its pid is written down,
        // so that only this test's child is looked for (another build on the machine may run the same test).
        Path pid = dir.resolve("sleep.pid");
        Path script = script(dir, "echo 'loading the pack...' >&2\nsleep 613 &\necho $! > " + pid + "\nwait\necho done");
        long started = System.nanoTime();

        assertThatThrownBy(() -> runner(script, Duration.ofSeconds(2)).evaluate(LARGE_PLAN, null))
                .isInstanceOf(PolicyRunException.class)
                .hasMessageContaining("did not finish within 2 s (STRATA_POLICY_TIMEOUT); it was stopped")
                .hasMessageContaining("loading the pack...");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        Thread.sleep(500);
        long child = Long.parseLong(Files.readString(pid).strip());
        // A stopped child left unreaped (a zombie, where no init reaps orphans) has no command line any more.
        assertThat(ProcessHandle.of(child).filter(p -> p.info().commandLine().orElse("").endsWith("sleep 613")))
                .as("the runner's child is stopped").isEmpty();
    }

    @Test
    void aCrashingRunnerIsNeverAFindingAndItsErrorReachesTheUser(@TempDir Path dir) throws IOException {
        // An uncaught exception in Node.js exits 1, the code of a mandatory finding.
        Path script = script(dir, "cat > /dev/null\necho '/pack/dist/rules/x.js:3' >&2\necho 'SyntaxError: Unexpected token }' >&2\nexit 1");

        assertThatThrownBy(() -> runner(script, Duration.ofSeconds(20)).evaluate("{}", null))
                .isInstanceOf(PolicyRunException.class)
                .hasMessageContaining("printed no findings JSON (exit 1)")
                .hasMessageContaining("SyntaxError: Unexpected token }");
    }

    @Test
    void aRunnerKilledBySignalIsAFailure(@TempDir Path dir) throws IOException {
        Path script = script(dir, "echo 'out of memory' >&2\nkill -9 $$");

        assertThatThrownBy(() -> runner(script, Duration.ofSeconds(20)).evaluate("{}", null))
                .isInstanceOf(PolicyRunException.class)
                .hasMessageContaining("exit 137, killed by signal 9 (SIGKILL)")
                .hasMessageContaining("out of memory");
    }

    @Test
    void findingsThatDisagreeWithTheExitAreAFailure(@TempDir Path dir) throws IOException {
        Path script = script(dir, "cat > /dev/null\necho '[]'\nexit 1");

        assertThatThrownBy(() -> runner(script, Duration.ofSeconds(20)).evaluate("{}", null))
                .isInstanceOf(PolicyRunException.class)
                .hasMessageContaining("exit 1 disagrees with its findings (no mandatory finding)");
    }

    @Test
    void aTruncatedAnswerIsAFailure(@TempDir Path dir) throws IOException {
        Path script = script(dir, "cat > /dev/null\nprintf '[{\"policy\": \"p\", \"resource\": \"urn\"'\nexit 0");

        assertThatThrownBy(() -> runner(script, Duration.ofSeconds(20)).evaluate("{}", null))
                .isInstanceOf(PolicyRunException.class)
                .hasMessageContaining("something other than findings JSON");
    }

    @Test
    void aRefusedPolicyConfigIsTheUsersInput(@TempDir Path dir) throws IOException {
        Path script = script(dir, "echo 'strata-policy: policy config names an unknown policy \"no-such-rule\"' >&2\nexit 3");

        assertThatThrownBy(() -> runner(script, Duration.ofSeconds(20)).evaluate("{}", null))
                .isInstanceOf(PolicyConfigException.class)
                .hasMessage("strata-policy: policy config names an unknown policy \"no-such-rule\"");
    }

    @Test
    void aGoodAnswerIsRead(@TempDir Path dir) throws IOException {
        Path script = script(dir, "cat > /dev/null\n"
                + "echo '[{\"policy\":\"p\",\"resource\":\"urn:x\",\"message\":\"X must be Y.\",\"enforcementLevel\":\"mandatory\"}]'\nexit 1");

        assertThat(runner(script, Duration.ofSeconds(20)).evaluate(LARGE_PLAN, null))
                .containsExactly(new Finding("p", "urn:x", "X must be Y.", "mandatory"));
    }

    /** The exchange with a process whose stdin never drains and which never exits: the deadline still holds. */
    @Test
    void aBlockedWriteCannotOutlastTheDeadline() throws Exception {
        Process process = mock(Process.class);
        CountDownLatch stopped = new CountDownLatch(1);
        OutputStream neverDrains = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                try {
                    stopped.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("Broken pipe");
            }
        };
        InputStream silent = new ByteArrayInputStream(new byte[0]);
        when(process.getOutputStream()).thenReturn(neverDrains);
        when(process.getInputStream()).thenReturn(silent);
        when(process.getErrorStream()).thenReturn(new ByteArrayInputStream(new byte[0]));
        when(process.waitFor(anyLong(), eq(TimeUnit.NANOSECONDS))).thenAnswer(invocation -> {
            TimeUnit.NANOSECONDS.sleep(invocation.getArgument(0));
            return false;
        });
        ProcessHandle handle = mock(ProcessHandle.class);
        when(process.toHandle()).thenReturn(handle);
        when(handle.descendants()).thenAnswer(invocation -> Stream.empty());
        when(handle.onExit()).thenReturn(java.util.concurrent.CompletableFuture.completedFuture(handle));
        when(handle.destroy()).thenAnswer(invocation -> {
            stopped.countDown();
            return true;
        });
        when(process.isAlive()).thenReturn(false);
        long started = System.nanoTime();

        PolicyRunner.Evaluation evaluation = new PolicyRunner.Evaluation(process, Duration.ofMillis(500), null);
        assertThatThrownBy(() -> evaluation.findings(LARGE_PLAN))
                .isInstanceOf(PolicyRunException.class)
                .hasMessageContaining("did not finish within");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        verify(handle, atLeastOnce()).destroy();
        // Never Process.destroy(): it closes stdin, which waits for the blocked write.
        verify(process, org.mockito.Mockito.never()).destroy();
        stopped.countDown();
    }

    @Test
    void theDefaultDeadlineAndExitDescriptions() {
        assertThat(PolicyRunner.forProject(Path.of("")).deadline()).isEqualTo(PolicyRunner.DEFAULT_DEADLINE);
        assertThat(PolicyRunner.describeExit(143)).isEqualTo("exit 143, killed by signal 15 (SIGTERM)");
        assertThat(PolicyRunner.describeExit(2)).isEqualTo("exit 2");
    }
}

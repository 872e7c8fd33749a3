package dev.strata.policy;

import javax.annotation.Nullable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the policy pack's offline runner ({@code node policy/dist/offline.js}) over a plan's JSON
 * document and returns its findings. The pack is TypeScript (Pulumi policy packs cannot be written
 * in Java), so this needs Node.js and the built pack; without either it throws
 * {@link PolicyUnavailableException} rather than report a clean plan.
 *
 * <p>The exchange with the runner (writing the plan, reading its findings, its exit) is bounded by
 * one deadline, {@link #DEFAULT_DEADLINE} unless {@code STRATA_POLICY_TIMEOUT} (seconds) says
 * otherwise, counted from the moment the plan is handed over (Node.js starts while the plan is
 * computed). The plan is written from a thread of its own, so a runner that never reads cannot
 * block the caller; past the deadline the runner and whatever it started are stopped and the run
 * fails. Only a complete findings document read with exit 0 or 1, agreeing with the findings, is an
 * answer: a runner that crashes (an exception exits 1 too), is killed, or prints something else is a
 * {@link PolicyRunException} carrying its own error output.
 */
public final class PolicyRunner {
    /** The runner's exit codes: 0 no mandatory finding, 1 a mandatory finding, 3 a policy config it refuses. */
    private static final int NO_MANDATORY = 0;
    private static final int MANDATORY = 1;
    private static final int BAD_POLICY_CONFIG = 3;
    /** How long the runner has, from the plan handed over to its exit (docs/commands.md). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    /** The environment variable that sets the deadline, in whole seconds. */
    public static final String DEADLINE_VARIABLE = "STRATA_POLICY_TIMEOUT";
    /** The most findings JSON read, and the most of the runner's error output kept (its end). */
    private static final int MAX_OUTPUT = 64 * 1024 * 1024;
    private static final int MAX_ERROR_OUTPUT = 16 * 1024;

    private final Path packDir;
    private final String node;
    private final Duration deadline;
    @Nullable
    private final String deadlineProblem;

    /**
     * @param packDir the pack's folder ({@code policy/} of the project)
     * @param node    the Node.js executable, {@code node} to find it on the PATH
     */
    public PolicyRunner(Path packDir, String node) {
        this(packDir, node, DEFAULT_DEADLINE);
    }

    /** With the deadline of the exchange. */
    public PolicyRunner(Path packDir, String node, Duration deadline) {
        this(packDir, node, deadline, null);
    }

    private PolicyRunner(Path packDir, String node, Duration deadline, @Nullable String deadlineProblem) {
        this.packDir = Objects.requireNonNull(packDir, "packDir");
        this.node = Objects.requireNonNull(node, "node");
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive: " + deadline);
        }
        this.deadlineProblem = deadlineProblem;
    }

    /**
     * The project's pack with the {@code node} on the PATH (or the one {@code STRATA_NODE} names),
     * and the deadline {@code STRATA_POLICY_TIMEOUT} sets.
     */
    public static PolicyRunner forProject(Path projectRoot) {
        String node = System.getenv("STRATA_NODE");
        String seconds = System.getenv(DEADLINE_VARIABLE);
        Duration deadline = DEFAULT_DEADLINE;
        String problem = null;
        if (seconds != null && !seconds.isBlank()) {
            try {
                long value = Long.parseLong(seconds.trim());
                if (value < 1 || value > 3600) {
                    throw new NumberFormatException();
                }
                deadline = Duration.ofSeconds(value);
            } catch (NumberFormatException e) {
                problem = DEADLINE_VARIABLE + "=" + dev.strata.core.Problems.render(seconds)
                        + ": must be a whole number of seconds from 1 to 3600";
            }
        }
        return new PolicyRunner(projectRoot.resolve("policy"), node == null || node.isBlank() ? "node" : node, deadline, problem);
    }

    /** A setting of the runner's environment that is unusable (the caller reports it as a usage error). */
    public Optional<String> usageProblem() {
        return Optional.ofNullable(deadlineProblem);
    }

    /** The deadline of the exchange with the runner. */
    public Duration deadline() {
        return deadline;
    }

    /** The compiled offline runner. */
    public Path offlineScript() {
        return packDir.resolve("dist").resolve("offline.js");
    }
    /**
     * True when a rule's source is newer than the built pack: the plan would be checked with the
     * rules of the last build ({@code mvn verify} or {@code npm run build} in the pack rebuilds them).
     */
    public boolean isStale() {
        Path script = offlineScript();
        Path sources = packDir.resolve("src");
        if (!Files.isRegularFile(script) || !Files.isDirectory(sources)) {
            return false;
        }
        try (var files = Files.walk(sources)) {
            var built = Files.getLastModifiedTime(script);
            return files.filter(Files::isRegularFile).anyMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(built) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Evaluates the pack over a plan document.
     *
     * @param planJson the {@code strata plan --format json} document
     * @param config   a policy pack config file (the CLI's {@code --policy-pack-config} shape), or null
     * @throws PolicyUnavailableException when Node.js cannot be started or the pack is not built
     * @throws PolicyRunException         when the runner rejects its input or answers with something unreadable
     */
    public List<Finding> evaluate(String planJson, @Nullable Path config) {
        try (Evaluation evaluation = start(config)) {
            return evaluation.findings(planJson);
        }
    }

    /**
     * Starts the runner before the plan exists, so that Node.js starts and loads the pack while the
     * caller computes the plan; {@link Evaluation#findings} then hands it the plan. A runner that
     * cannot start fails only there, so the caller reports its own errors (invalid config) first.
     * Close the evaluation in every case: an unused runner is stopped.
     *
     * @param config a policy pack config file (the CLI's {@code --policy-pack-config} shape), or null
     */
    public Evaluation start(@Nullable Path config) {
        Path script = offlineScript();
        if (!Files.isRegularFile(script)) {
            return new Evaluation(null, deadline, new PolicyUnavailableException("the policy pack is not built (" + script
                    + " is missing); build it with `mvn -B verify`, or `npm ci && npm run build` in " + packDir));
        }
        List<String> command = new ArrayList<>(List.of(node, script.toString()));
        if (config != null) {
            command.add("--config");
            command.add(config.toAbsolutePath().toString());
        }
        try {
            return new Evaluation(new ProcessBuilder(command).start(), deadline, null);
        } catch (IOException e) {
            return new Evaluation(null, deadline, new PolicyUnavailableException("Node.js could not be started (`" + node + "`: "
                    + e.getMessage() + "); the policy pack needs Node.js 20 or later on the PATH (or STRATA_NODE naming it)", e));
        }
    }

    /** A started runner waiting for its plan ({@link #start}). */
    public static final class Evaluation implements AutoCloseable {
        @Nullable
        private final Process process;
        private final Duration deadline;
        @Nullable
        private final PolicyUnavailableException unavailable;

        Evaluation(@Nullable Process process, Duration deadline, @Nullable PolicyUnavailableException unavailable) {
            this.process = process;
            this.deadline = deadline;
            this.unavailable = unavailable;
        }

        /**
         * The pack's findings over a plan document; call once. Writing the plan, reading the findings
         * and the runner's exit all happen within the deadline.
         *
         * @param planJson the {@code strata plan --format json} document
         * @throws PolicyUnavailableException when Node.js could not be started or the pack is not built
         * @throws PolicyConfigException      when the runner refuses the policy config (the user's input)
         * @throws PolicyRunException         when the runner fails, crashes, is killed, misses the deadline
         *                                    or answers with something other than findings
         */
        public List<Finding> findings(String planJson) {
            if (unavailable != null) {
                throw unavailable;
            }
            Process runner = Objects.requireNonNull(process);
            long end = System.nanoTime() + deadline.toNanos();
            OutputCapture out = OutputCapture.start(runner.getInputStream(), MAX_OUTPUT, "strata-policy-stdout");
            OutputCapture err = OutputCapture.start(runner.getErrorStream(), MAX_ERROR_OUTPUT, "strata-policy-stderr");
            byte[] plan = planJson.getBytes(StandardCharsets.UTF_8);
            Thread writer = new Thread(() -> {
                try (OutputStream stdin = runner.getOutputStream()) {
                    stdin.write(plan);
                } catch (IOException e) {
                    // The runner exited, or was stopped, before reading the whole plan: its exit says why.
                }
            }, "strata-policy-stdin");
            writer.setDaemon(true);
            writer.start();
            int exit;
            try {
                if (!runner.waitFor(remaining(end), TimeUnit.NANOSECONDS)) {
                    stop(runner);
                    throw new PolicyRunException("the policy runner did not finish within " + seconds(deadline)
                            + " (" + DEADLINE_VARIABLE + "); it was stopped" + errorOutput(err));
                }
                exit = runner.exitValue();
                // Whatever the runner started may still hold its output open: the deadline bounds that too.
                if (!out.await(end) || !err.await(end)) {
                    stop(runner);
                    throw new PolicyRunException("the policy runner exited (exit " + exit + ") but its output did not close within "
                            + seconds(deadline) + " (" + DEADLINE_VARIABLE + ")" + errorOutput(err));
                }
            } catch (InterruptedException e) {
                stop(runner);
                Thread.currentThread().interrupt();
                throw new PolicyRunException("interrupted while waiting for the policy runner");
            }
            if (exit == BAD_POLICY_CONFIG) {
                throw new PolicyConfigException(err.text().strip());
            }
            if (exit != NO_MANDATORY && exit != MANDATORY) {
                throw new PolicyRunException("the policy runner failed (" + describeExit(exit) + ")" + errorOutput(err));
            }
            if (out.overflowed()) {
                throw new PolicyRunException("the policy runner printed more than " + MAX_OUTPUT / (1024 * 1024) + " MiB" + errorOutput(err));
            }
            List<Finding> findings;
            try {
                findings = FindingsJson.parse(out.text());
            } catch (PolicyRunException e) {
                // A crash exits 1 like a mandatory finding: without findings JSON it is a crash.
                throw new PolicyRunException(e.getMessage() + " (exit " + exit + ")" + errorOutput(err));
            }
            boolean anyMandatory = findings.stream().anyMatch(Finding::isMandatory);
            if (anyMandatory != (exit == MANDATORY)) {
                throw new PolicyRunException("the policy runner's exit " + exit + " disagrees with its findings ("
                        + (anyMandatory ? "a mandatory finding" : "no mandatory finding") + ")" + errorOutput(err));
            }
            return findings;
        }

        /** Stops the runner if it is still running (the plan failed before it was handed over). */
        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                stop(process);
            }
        }
    }

    /**
     * Stops a runner and everything it started: politely (SIGTERM), then forcibly. By signal only:
     * {@link Process#destroy()} also closes the runner's stdin, which waits for a write the runner
     * never reads to finish, so it would hang exactly when the runner hangs.
     */
    static void stop(Process process) {
        ProcessHandle runner = process.toHandle();
        List<ProcessHandle> descendants = runner.descendants().toList();
        runner.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            runner.onExit().get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // still running: forcibly below
        }
        if (runner.isAlive()) {
            runner.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** The nanoseconds left until {@code end} (a {@link System#nanoTime} instant), never negative. */
    static long remaining(long end) {
        return Math.max(0, end - System.nanoTime());
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }

    /** An exit code as Java reports it: 128 + the signal for a process killed by one. */
    static String describeExit(int exit) {
        if (exit > 128 && exit < 128 + 65) {
            int signal = exit - 128;
            String name = switch (signal) {
                case 6 -> " (SIGABRT)";
                case 9 -> " (SIGKILL)";
                case 11 -> " (SIGSEGV)";
                case 15 -> " (SIGTERM)";
                default -> "";
            };
            return "exit " + exit + ", killed by signal " + signal + name;
        }
        return "exit " + exit;
    }

    private static String errorOutput(OutputCapture err) {
        String text = err.text().strip();
        if (text.isEmpty()) {
            return "; it printed no error";
        }
        String more = err.overflowed() ? "\n    ... (the rest of its error output is left out)" : "";
        return "; its error output:\n" + text.lines().map(line -> "    " + line).reduce((a, b) -> a + "\n" + b).orElse("") + more;
    }
}

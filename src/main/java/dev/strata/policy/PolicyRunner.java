package dev.strata.policy;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import javax.annotation.Nullable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the policy pack's offline runner ({@code node policy/dist/offline.js}) over a plan's JSON
 * document and returns its findings. The pack is TypeScript (Pulumi policy packs cannot be written
 * in Java), so this needs Node.js and the built pack; without either it throws
 * {@link PolicyUnavailableException} rather than report a clean plan.
 */
public final class PolicyRunner {
    /** The runner's exit codes: 0 no mandatory finding, 1 a mandatory finding; anything else is an error. */
    private static final int NO_MANDATORY = 0;
    private static final int MANDATORY = 1;
    private static final long TIMEOUT_SECONDS = 120;
    private static final Gson GSON = new Gson();

    private final Path packDir;
    private final String node;

    /**
     * @param packDir the pack's folder ({@code policy/} of the project)
     * @param node    the Node.js executable, {@code node} to find it on the PATH
     */
    public PolicyRunner(Path packDir, String node) {
        this.packDir = Objects.requireNonNull(packDir, "packDir");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The project's pack with the {@code node} on the PATH (or the one {@code STRATA_NODE} names). */
    public static PolicyRunner forProject(Path projectRoot) {
        String node = System.getenv("STRATA_NODE");
        return new PolicyRunner(projectRoot.resolve("policy"), node == null || node.isBlank() ? "node" : node);
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
            return new Evaluation(null, new PolicyUnavailableException("the policy pack is not built (" + script
                    + " is missing); build it with `mvn -B verify`, or `npm ci && npm run build` in " + packDir));
        }
        List<String> command = new ArrayList<>(List.of(node, script.toString()));
        if (config != null) {
            command.add("--config");
            command.add(config.toAbsolutePath().toString());
        }
        try {
            return new Evaluation(new ProcessBuilder(command).start(), null);
        } catch (IOException e) {
            return new Evaluation(null, new PolicyUnavailableException("Node.js could not be started (`" + node + "`: "
                    + e.getMessage() + "); the policy pack needs Node.js 20 or later on the PATH (or STRATA_NODE naming it)", e));
        }
    }

    /** A started runner waiting for its plan ({@link #start}). */
    public static final class Evaluation implements AutoCloseable {
        @Nullable
        private final Process process;
        @Nullable
        private final PolicyUnavailableException unavailable;

        private Evaluation(@Nullable Process process, @Nullable PolicyUnavailableException unavailable) {
            this.process = process;
            this.unavailable = unavailable;
        }

        /**
         * The pack's findings over a plan document; call once.
         *
         * @param planJson the {@code strata plan --format json} document
         * @throws PolicyUnavailableException when Node.js could not be started or the pack is not built
         * @throws PolicyRunException         when the runner rejects its input or answers with something unreadable
         */
        public List<Finding> findings(String planJson) {
            if (unavailable != null) {
                throw unavailable;
            }
            Process runner = Objects.requireNonNull(process);
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(runner.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(runner.getErrorStream()));
            try (OutputStream stdin = runner.getOutputStream()) {
                stdin.write(planJson.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The runner exited before reading the plan; its exit code and stderr say why.
            }
            int exit;
            try {
                if (!runner.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    runner.destroyForcibly();
                    throw new PolicyRunException("the policy runner did not finish within " + TIMEOUT_SECONDS + " s");
                }
                exit = runner.exitValue();
            } catch (InterruptedException e) {
                runner.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new PolicyRunException("interrupted while waiting for the policy runner");
            }
            String out = stdout.join();
            String err = stderr.join().strip();
            if (exit != NO_MANDATORY && exit != MANDATORY) {
                throw new PolicyRunException("the policy runner failed (exit " + exit + ")" + (err.isEmpty() ? "" : ": " + err));
            }
            return parse(out);
        }

        /** Stops the runner if it is still running (the plan failed before it was handed over). */
        @Override
        public void close() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /** Parses the runner's findings JSON. */
    static List<Finding> parse(String json) {
        List<Finding> findings;
        try {
            findings = GSON.fromJson(json, new TypeToken<List<Finding>>() { }.getType());
        } catch (JsonParseException e) {
            throw new PolicyRunException("the policy runner printed something other than findings JSON: " + e.getMessage());
        }
        if (findings == null) {
            throw new PolicyRunException("the policy runner printed no findings JSON");
        }
        for (Finding finding : findings) {
            if (finding == null || finding.policy() == null || finding.resource() == null || finding.message() == null
                    || !(finding.isMandatory() || "advisory".equals(finding.enforcementLevel()))) {
                throw new PolicyRunException("the policy runner printed a malformed finding: " + GSON.toJson(finding));
            }
        }
        return List.copyOf(findings);
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

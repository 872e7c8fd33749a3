package dev.strata.policy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Builds the policy pack the first time {@code strata plan} needs it ({@code npm ci}, then
 * {@code npm run build} in {@code policy/}), as Maven's test phases do. Only the plan runs Node.js:
 * compiling the library, running the Pulumi program and serving the component provider never do,
 * so a consumer without Node.js can build and use the components.
 */
public final class PolicyPackBuild {
    private final Path packDir;
    private final String npm;

    /**
     * @param packDir the pack's folder ({@code policy/} of the project)
     * @param npm     the npm executable, {@code npm} to find it on the PATH
     */
    public PolicyPackBuild(Path packDir, String npm) {
        this.packDir = Objects.requireNonNull(packDir, "packDir");
        this.npm = Objects.requireNonNull(npm, "npm");
    }

    /** The project's pack, built with the {@code npm} on the PATH. */
    public static PolicyPackBuild forPack(Path packDir) {
        return new PolicyPackBuild(packDir, "npm");
    }

    /**
     * Builds the pack if its sources are there and its offline runner is not. npm's output goes to
     * {@code log}. Returns whether the runner is there afterwards; when it is not (no Node.js, no
     * network for {@code npm ci}), {@link PolicyRunner} reports the pack as unavailable.
     */
    public boolean ensureBuilt(PrintStream log) {
        Path script = packDir.resolve("dist").resolve("offline.js");
        if (Files.isRegularFile(script) || !Files.isRegularFile(packDir.resolve("package.json"))) {
            return Files.isRegularFile(script);
        }
        log.println("strata: building the policy pack once (npm ci, npm run build in " + packDir + ")");
        boolean installed = Files.isRegularFile(packDir.resolve("node_modules").resolve(".package-lock.json"))
                || run(List.of(npm, "ci", "--no-audit", "--no-fund"), log);
        return installed && run(List.of(npm, "run", "build", "--silent"), log) && Files.isRegularFile(script);
    }

    private boolean run(List<String> command, PrintStream log) {
        try {
            Process process = new ProcessBuilder(command).directory(packDir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().transferTo(log);
            int exit = process.waitFor();
            if (exit != 0) {
                log.println("strata: " + String.join(" ", command) + " failed (exit " + exit + ")");
            }
            return exit == 0;
        } catch (IOException e) {
            log.println("strata: cannot run " + command.get(0) + " (" + e.getMessage() + "); the policy pack needs Node.js 20 or later with npm");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

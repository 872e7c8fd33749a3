package dev.strata.testing;

import dev.strata.App;
import dev.strata.policy.PolicyRunner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code strata} command run in-process, as a user runs it: its exit code and what it printed. */
public final class Cli {
    /** The project root (Maven runs the tests there): the stack files and the built policy pack live here. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();

    private Cli() {
    }

    public record Run(int exit, String stdout, String stderr) {
    }

    /** {@code strata args...} in {@code root}, with the project's policy pack. */
    public static Run strata(Path root, String... args) {
        return strata(root, PolicyRunner.forProject(root), args);
    }

    /** {@code strata args...} in {@code root}, with the policy runner to use (tests give one whose Node.js or pack is missing). */
    public static Run strata(Path root, PolicyRunner policies, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = App.run(args, root, stdout, stderr, policies);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

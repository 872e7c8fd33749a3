package dev.strata.diff;

import dev.strata.core.AtomicFile;
import dev.strata.core.OutFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code strata diff}: what changes from one offline plan of a stack to another (two
 * {@code strata plan --format json} documents, e.g. of a pull request's base and head), offline.
 * Exit codes: 0 nothing blocking; 1 a protected resource replaced or deleted, a new mandatory
 * finding, or a mandatory budget crossed (the diff is still written); 2 usage or an unreadable plan
 * (one line on stderr naming the file, nothing written). {@code --out} is written as
 * {@code strata plan} writes it ({@link OutFile}).
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two offline plans of one stack (strata plan --format json): resources added, removed and changed, "
                + "replacements of stateful resources, the cost difference, findings added and resolved.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing blocking", "1:a protected resource replaced or deleted, a new mandatory finding, or a mandatory budget crossed "
                + "(the diff is still written; the reasons are on stderr)",
                "2:usage, or a plan that cannot be read (message on stderr naming the file, nothing written)",
                "3:an internal error, a bug (STRATA_DEBUG=1 prints the stack trace)"})
public final class DiffCommand implements Callable<Integer> {
    public static final int NOTHING_BLOCKING = 0;
    public static final int BLOCKING = 1;
    public static final int INVALID = 2;

    /** Output formats. */
    public enum Format { table, json, markdown }

    @Option(names = "--base", required = true, description = "The plan before the change (strata plan --format json).")
    Path base;

    @Option(names = "--head", required = true, description = "The plan after the change, of the same stack.")
    Path head;

    @Option(names = "--format", defaultValue = "table", description = "table, json or markdown (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", description = "Write the diff to this file instead of stdout.")
    Path out;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public DiffCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("the --base plan", base);
        inputs.put("the --head plan", head);
        Optional<String> badOut = OutFile.problem(out, inputs);
        if (badOut.isPresent()) {
            stderr.println("strata diff: " + badOut.get());
            return INVALID;
        }
        PlanDocument before;
        PlanDocument after;
        try {
            before = PlanDocument.read("--base", base);
            after = PlanDocument.read("--head", head);
        } catch (PlanDocument.UnreadableException e) {
            stderr.println("strata diff: " + e.getMessage());
            return INVALID;
        }
        if (!before.stack().equals(after.stack())) {
            stderr.println("strata diff: --base is a plan of stack " + before.stack() + " and --head of stack " + after.stack()
                    + "; compare two plans of one stack");
            return INVALID;
        }
        PlanDiff diff = PlanDiff.of(before, after);
        String rendered = switch (format) {
            case table -> DiffText.table(diff);
            case json -> DiffJson.render(diff);
            case markdown -> DiffText.markdown(diff);
        };
        if (!OutFile.write("strata diff", out, rendered, AtomicFile.CREATE_NEW, stdout, stderr)) {
            return INVALID;
        }
        List<String> blocking = diff.blocking();
        if (blocking.isEmpty()) {
            return NOTHING_BLOCKING;
        }
        stderr.println("strata diff: stack " + diff.stack() + ": " + blocking.size() + " blocking change(s):");
        blocking.forEach(reason -> stderr.println("  " + reason));
        return BLOCKING;
    }
}

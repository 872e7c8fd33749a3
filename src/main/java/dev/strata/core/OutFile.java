package dev.strata.core;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code --out FILE} of Strata's commands: checked before the command does its work (a
 * directory, a missing parent directory, or one of the run's own inputs is refused), then written
 * atomically ({@link AtomicFile}) only when the command succeeded; without {@code --out} the text
 * goes to stdout.
 */
public final class OutFile {
    private OutFile() {
    }

    /**
     * Why {@code out} cannot be written, or names an input of this run ({@code inputs}: what the
     * input is, e.g. "the stack file", and its path): writing there would destroy the input. Files
     * are compared as the file system sees them (links and all). Empty when {@code out} is null.
     */
    public static Optional<String> problem(Path out, Map<String, Path> inputs) {
        if (out == null) {
            return Optional.empty();
        }
        String name = "--out " + Problems.bounded(out.toString());
        if (Files.isDirectory(out)) {
            return Optional.of(name + ": cannot write: is a directory");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            return Optional.of(name + ": cannot write: no such directory " + Problems.bounded(parent.toString()));
        }
        if (!Files.exists(out)) {
            return Optional.empty();
        }
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            try {
                if (Files.exists(input.getValue()) && Files.isSameFile(out, input.getValue())) {
                    return Optional.of(name + ": is " + input.getKey() + " (" + Problems.bounded(input.getValue().toString())
                            + "), an input of this run; the output would overwrite it. Name another file");
                }
            } catch (IOException e) {
                return Optional.of(name + ": cannot be compared with " + input.getKey() + ": " + FileErrors.reason(e));
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code rendered} to {@code out} atomically, or to {@code stdout} when {@code out} is null.
     * Returns false, after one line on {@code stderr} prefixed with {@code command} (e.g. "strata plan"),
     * when the file cannot be written; the previous file, if any, is then unchanged.
     */
    public static boolean write(String command, Path out, String rendered, AtomicFile.Opener opener,
                                PrintStream stdout, PrintStream stderr) {
        if (out == null) {
            stdout.print(rendered);
            stdout.flush();
            return true;
        }
        try {
            AtomicFile.write(out, rendered.getBytes(StandardCharsets.UTF_8), opener);
            return true;
        } catch (IOException e) {
            stderr.println(command + ": --out " + Problems.bounded(out.toString()) + ": cannot write: " + FileErrors.reason(e)
                    + " (the previous file, if any, is unchanged)");
            return false;
        }
    }
}

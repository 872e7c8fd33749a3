package dev.strata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pulumi.yaml runs the prebuilt jar ({@code runtime.options.binary}), so an edit that was not built
 * yet would deploy the previous program without a word. When Strata runs from a jar inside its own
 * project, a source or pom newer than the jar stops the run instead.
 */
final class StaleJar {
    private StaleJar() {
    }

    /** The jar this class was loaded from, if it was loaded from a jar (not from target/classes). */
    static Optional<Path> runningJar() {
        try {
            Path location = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** A message naming the newer file when {@code jar} is older than the project's sources; empty otherwise. */
    static Optional<String> check(Path jar, Path projectRoot) {
        Path sources = projectRoot.resolve("src/main");
        Path pom = projectRoot.resolve("pom.xml");
        if (!Files.isDirectory(sources) || !Files.isRegularFile(pom) || !jar.startsWith(projectRoot)) {
            return Optional.empty(); // not a jar of this checkout: nothing to compare with
        }
        try (Stream<Path> files = Stream.concat(Stream.of(pom), Files.walk(sources).filter(Files::isRegularFile))) {
            FileTime built = Files.getLastModifiedTime(jar);
            return files.filter(file -> modified(file).compareTo(built) > 0).findFirst()
                    .map(file -> projectRoot.relativize(jar) + " is older than " + projectRoot.relativize(file)
                            + ": rebuild it with `mvn -B package -DskipTests` (or run through Maven)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

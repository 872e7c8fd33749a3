package dev.strata;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class StaleJarTest {
    @TempDir
    Path project;

    private Path file(String name, Instant modified) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, name);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void aJarNewerThanEverySourceRuns() throws IOException {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        file("pom.xml", t);
        file("src/main/java/dev/strata/App.java", t);
        Path jar = file("target/strata-app.jar", t.plusSeconds(60));
        assertThat(StaleJar.check(jar, project)).isEmpty();
    }

    @Test
    void aSourceEditedAfterTheBuildStopsTheRunAndIsNamed() throws IOException {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        file("pom.xml", t);
        Path jar = file("target/strata-app.jar", t.plusSeconds(60));
        file("src/main/java/dev/strata/StrataStack.java", t.plusSeconds(120));
        assertThat(StaleJar.check(jar, project)).hasValueSatisfying(message -> assertThat(message)
                .contains("target/strata-app.jar is older than src/main/java/dev/strata/StrataStack.java", "mvn -B package"));
    }

    @Test
    void aJarOutsideAProjectIsNotChecked() throws IOException {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Path jar = file("target/strata-app.jar", t);
        assertThat(StaleJar.check(jar, project)).isEmpty(); // no pom.xml, no src/main
    }
}

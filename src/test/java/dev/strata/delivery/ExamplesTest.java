package dev.strata.delivery;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The example consumers build on their own after `mvn install`, and mvn verify builds them against this build. */
class ExamplesTest {
    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>strata</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static List<Path> examplePoms() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
            return dirs.map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void anExamplePomNamesTheVersionMvnInstallPutsInTheLocalRepositoryAndNoPlaceholder() throws IOException {
        List<Path> poms = examplePoms();
        assertThat(poms).isNotEmpty();
        for (Path pom : poms) {
            String text = Files.readString(pom);
            // The invoker plugin would replace @...@ tokens; a consumer copying the directory would not.
            assertThat(text).as(pom.toString()).doesNotContainPattern("@[\\w.-]+@")
                    .contains("<strata.version>" + projectVersion() + "</strata.version>", "<version>${strata.version}</version>");
        }
        // mvn verify builds them against the artifact it just built, whatever the examples name.
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<strata.version>${project.version}</strata.version>");
    }
}

package dev.strata.config;

import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    @Test
    void engineConfigKeepsEveryKeyAndParsesStructuredValues() {
        StackConfig config = StackConfig.fromPulumiEngine("{\"strata:environment\":\"prod\",\"aws:region\":\"us-west-2\","
                + "\"strata:config:protect\":\"false\",\"strata:dataLake\":\"{\\\"accessLogs\\\":true,\\\"zones\\\":{\\\"raw\\\":{}}}\"}");
        assertThat(config.strataValues()).containsOnlyKeys("environment", "protect", "dataLake");
        assertThat(config.strataValues().get("protect")).isEqualTo("false");
        assertThat(config.strataValues().get("dataLake")).isEqualTo(Map.of("accessLogs", true, "zones", Map.of("raw", Map.of())));
        assertThat(config.awsRegion()).contains("us-west-2");
        assertThat(SettingsParser.parse(config.strataValues()).dataLake().zones()).hasSize(1);
    }

    @Test
    void stackFileIsFoundInTheRootThenUnderStacks(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("stacks"));
        Files.writeString(root.resolve("stacks/Pulumi.prod.yaml"), "config:\n  strata:environment: prod\n");
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  strata:environment: dev\n");
        assertThat(StackConfig.locate(root, "prod")).isEqualTo(root.resolve("stacks/Pulumi.prod.yaml"));
        assertThat(StackConfig.locate(root, "dev")).isEqualTo(root.resolve("Pulumi.dev.yaml"));
        assertThat(StackConfig.load(StackConfig.locate(root, "prod")).strataValues()).containsEntry("environment", "prod");
    }

    @Test
    void missingOrMalformedFilesAreInvalidConfigNamingTheFile(@TempDir Path root) throws IOException {
        assertThatThrownBy(() -> StackConfig.load(root.resolve("Pulumi.qa.yaml")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("Pulumi.qa.yaml: no such stack file");
        Path broken = root.resolve("Pulumi.broken.yaml");
        Files.writeString(broken, "config: [unclosed\n");
        assertThatThrownBy(() -> StackConfig.load(broken))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).singleElement()
                        .asString().startsWith(broken + ": is not valid YAML: line 2"));
        Path list = root.resolve("Pulumi.list.yaml");
        Files.writeString(list, "config:\n  - a\n");
        assertThatThrownBy(() -> StackConfig.load(list)).hasMessage(list + ": a stack file holds a 'config:' map of namespaced keys");
    }

    @Test
    void theProjectsStackFilesAreValid() {
        for (String stack : List.of("dev", "staging", "prod")) {
            StackConfig config = StackConfig.load(StackConfig.locate(Path.of(""), stack));
            assertThat(config.problems()).isEmpty();
            assertThat(config.warnings()).isEmpty();
            StrataSettings settings = SettingsParser.parse(config.strataValues());
            assertThat(settings.environment().configValue()).isEqualTo(stack);
            assertThat(config.awsRegion()).isPresent();
        }
    }
}

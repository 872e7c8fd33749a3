package dev.strata.config;

import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
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
    void theStackFileIsWhereThePulumiCliReadsIt(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: strata\nruntime: java\n");
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  strata:environment: dev\n");
        assertThat(StackConfig.locate(root, "dev")).isEqualTo(root.resolve("Pulumi.dev.yaml"));
        // A stack with no file yet: the file `pulumi stack init` and `pulumi config set` would write.
        assertThat(StackConfig.locate(root, "qa")).isEqualTo(root.resolve("Pulumi.qa.yaml"));
        assertThatThrownBy(() -> SettingsParser.forStack(root, "qa", null)).isInstanceOf(InvalidConfigException.class)
                .hasMessage(root.resolve("Pulumi.qa.yaml") + ": no such stack file; the Pulumi CLI keeps stack qa's config there "
                        + "(pulumi stack init and pulumi config set write it); pass --config-file to read another");
    }

    @Test
    void aStackFileThePulumiCliWouldNotReadIsAnErrorNamingTheFileItReads(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: strata\nruntime: java\n");
        Files.createDirectories(root.resolve("stacks"));
        Files.writeString(root.resolve("stacks/Pulumi.prod.yaml"), "config:\n  strata:environment: prod\n");
        assertThatThrownBy(() -> StackConfig.locate(root, "prod")).isInstanceOf(InvalidConfigException.class)
                .hasMessage(root.resolve("stacks/Pulumi.prod.yaml") + ": the Pulumi CLI does not read this file for stack prod; it reads "
                        + root.resolve("Pulumi.prod.yaml") + " (beside Pulumi.yaml): move it there, or pass --config-file "
                        + root.resolve("stacks/Pulumi.prod.yaml") + " to strata plan and pulumi alike");
        // Given explicitly, as `pulumi --config-file` takes it, the file is read.
        assertThat(SettingsParser.forStack(root, "prod", root.resolve("stacks/Pulumi.prod.yaml")).strataValues())
                .containsEntry("environment", "prod");
    }

    @Test
    void twoFilesThatCouldServeOneStackAreAnErrorNamingBoth(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: strata\nruntime: java\n");
        Files.createDirectories(root.resolve("stacks"));
        // `pulumi stack init staging` writes the root file; an old checkout still has stacks/.
        Files.writeString(root.resolve("Pulumi.staging.yaml"), "secretsprovider: awskms://alias/pulumi-state\n");
        Files.writeString(root.resolve("stacks/Pulumi.staging.yaml"), "config:\n  strata:environment: staging\n");
        assertThatThrownBy(() -> StackConfig.locate(root, "staging")).isInstanceOf(InvalidConfigException.class)
                .hasMessage("stack staging: two files could serve it, " + root.resolve("Pulumi.staging.yaml") + " and "
                        + root.resolve("stacks/Pulumi.staging.yaml") + "; the Pulumi CLI reads " + root.resolve("Pulumi.staging.yaml")
                        + " (beside Pulumi.yaml): keep one");
    }

    @Test
    void stackConfigDirIsHonouredAsByTheCli(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: strata\nruntime: java\nstackConfigDir: config\n");
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/Pulumi.dev.yaml"), "config:\n  strata:environment: dev\n");
        assertThat(StackConfig.locate(root, "dev")).isEqualTo(root.resolve("config").resolve("Pulumi.dev.yaml"));
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "config:\n  strata:environment: prod\n");
        assertThatThrownBy(() -> StackConfig.locate(root, "dev")).isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("two files could serve it").hasMessageContaining("(stackConfigDir in Pulumi.yaml)");
    }

    @Test
    void aStackFileAsPulumiStackInitLeavesItIsRead(@TempDir Path root) throws IOException {
        // `pulumi stack init --secrets-provider awskms://...` adds these keys beside config: (passphrase stacks: encryptionsalt).
        Files.writeString(root.resolve("Pulumi.yaml"), "name: strata\nruntime: java\n");
        Files.writeString(root.resolve("Pulumi.dev.yaml"), "secretsprovider: awskms://alias/pulumi-state\n"
                + "encryptedkey: AQICAHh0ZXN0\nencryptionsalt: v1:abc\nconfig:\n  strata:environment: dev\n  strata:protect: false\n");
        assertThat(SettingsParser.forStack(root, "dev", null).strataValues()).containsExactly(
                Map.entry("environment", "dev"), Map.entry("protect", false));
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
    void theProjectsStackFilesAreValidUnderItsProjectConfig() {
        for (String stack : List.of("dev", "staging", "prod")) {
            assertThat(StackConfig.locate(Path.of(""), stack)).isEqualTo(Path.of("Pulumi." + stack + ".yaml"));
            StackConfig config = SettingsParser.forStack(Path.of(""), stack, null);
            assertThat(config.problems()).isEmpty();
            assertThat(config.warnings()).isEmpty();
            StrataSettings settings = SettingsParser.parse(config.strataValues());
            assertThat(settings.environment().configValue()).isEqualTo(stack);
            assertThat(settings.protect()).isEqualTo(stack.equals("prod"));
            assertThat(config.awsRegion()).isPresent();
        }
        assertThat(Path.of("stacks")).doesNotExist();
    }
}

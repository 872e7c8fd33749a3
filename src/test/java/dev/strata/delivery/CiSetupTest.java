package dev.strata.delivery;

import dev.strata.config.StackConfig;
import dev.strata.plan.PlanCommand;
import dev.strata.policy.PolicyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI setup (docs/ci.md), followed literally: `pulumi stack init` of the three stacks writes into the
 * stack files the offline plans then read (offline-plans.sh: `plan --stack NAME`, no flags).
 */
class CiSetupTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> STACKS = List.of("dev", "staging", "prod");

    private static String ciSetup() throws IOException {
        return Files.readString(ROOT.resolve("docs/ci.md"));
    }

    @Test
    void theSetupInitialisesTheThreeStacksAndCommitsTheFilesTheyKeepTheirConfigIn() throws IOException {
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(ciSetup());
        assertThat(block.find()).isTrue();
        String commands = block.group(1);
        assertThat(commands).contains("for stack in dev staging prod; do",
                "pulumi stack init \"$stack\" --secrets-provider awskms://alias/pulumi-state",
                "git add Pulumi.dev.yaml Pulumi.staging.yaml Pulumi.prod.yaml").doesNotContain("--config-file");
        for (String stack : STACKS) {
            // The file `pulumi stack init` writes (Pulumi.<stack>.yaml beside Pulumi.yaml) is the one strata plan reads.
            assertThat(ROOT.relativize(StackConfig.locate(ROOT, stack).toAbsolutePath())).isEqualTo(Path.of("Pulumi." + stack + ".yaml"));
        }
        assertThat(Files.readString(ROOT.resolve(".github/scripts/offline-plans.sh")))
                .contains("for stack in dev staging prod", "plan --stack $2 --format json --out $3.json").doesNotContain("--config-file");
    }

    @Test
    void afterStackInitTheOfflinePlansOfAllThreeStacksAreTheSame(@TempDir Path clone) throws IOException {
        Files.copy(ROOT.resolve("Pulumi.yaml"), clone.resolve("Pulumi.yaml"));
        for (String stack : STACKS) {
            // What `pulumi stack init --secrets-provider awskms://...` adds to the stack's file, keeping its config:
            // Pulumi loads an existing Pulumi.<stack>.yaml, sets secretsprovider and encryptedkey, and saves it
            // (createSecretsManagerForNewStack, pulumi/pulumi pkg/cmd/pulumi/stack: "If a stack configuration
            // already exists ... try to respect the settings therein").
            Files.writeString(clone.resolve("Pulumi." + stack + ".yaml"), "secretsprovider: awskms://alias/pulumi-state\n"
                    + "encryptedkey: AQICAHhzdHJhdGEtdGVzdC1rZXk=\n" + Files.readString(ROOT.resolve("Pulumi." + stack + ".yaml")));
        }
        PolicyRunner policies = PolicyRunner.forProject(ROOT);
        for (String stack : STACKS) {
            Path initialised = clone.resolve(stack + ".json");
            Path original = clone.resolve(stack + ".original.json");
            assertThat(plan(clone, policies, stack, initialised)).as(stack).isEqualTo(PlanCommand.PLANNED);
            assertThat(plan(ROOT, policies, stack, original)).as(stack).isEqualTo(PlanCommand.PLANNED);
            assertThat(Files.readString(initialised)).as(stack).isEqualTo(Files.readString(original));
        }
    }

    private static int plan(Path projectRoot, PolicyRunner policies, String stack, Path out) {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exit = new CommandLine(new PlanCommand(projectRoot, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), policies))
                .execute("--stack", stack, "--format", "json", "--out", out.toString());
        assertThat(stderr.toString(StandardCharsets.UTF_8)).as(stack).isEmpty();
        return exit;
    }
}

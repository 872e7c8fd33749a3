package dev.strata.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.plan.PlanCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata plan} with the policy pack: findings in the document and the table, exit codes. */
class PlanCommandPolicyTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int plan(PolicyRunner runner, String... args) {
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(new PlanCommand(ROOT, stdout, stderr, runner)).execute(args);
    }

    private int plan(String... args) {
        return plan(PolicyRunner.forProject(ROOT), args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The prod stack file with strata:protect switched off: the settings accept it, a rule does not. */
    private static Path unprotectedProd(Path dir) throws IOException {
        String prod = Files.readString(ROOT.resolve("stacks/Pulumi.prod.yaml"));
        return Files.writeString(dir.resolve("Pulumi.prod.yaml"),
                prod.replace("  strata:environment: prod\n", "  strata:environment: prod\n  strata:protect: false\n"));
    }

    @Test
    void prodCarriesFindingsWithNoMandatoryOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");

        assertThat(plan("--stack", "prod", "--format", "json", "--out", file.toString())).isEqualTo(PlanCommand.PLANNED);

        JsonObject document = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        JsonArray findings = document.getAsJsonArray("findings");
        assertThat(findings).isNotNull();
        findings.forEach(f -> assertThat(f.getAsJsonObject().get("enforcementLevel").getAsString()).isEqualTo("advisory"));
        assertThat(stderr()).isEmpty();
    }

    @Test
    void prodWithoutProtectionExitsOneNamingTheRule(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plan.json");

        int exit = plan("--stack", "prod", "--config-file", unprotectedProd(dir).toString(), "--format", "json", "--out", file.toString());

        assertThat(exit).isEqualTo(PlanCommand.MANDATORY_FINDING);
        assertThat(stderr()).containsPattern("\\d+ mandatory policy finding\\(s\\) for stack prod")
                .contains("stateful-resources-protected: BucketV2 prod-raw must be protected in prod");
        // the plan is still written, with its findings, for the reviewer
        JsonArray findings = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonArray("findings");
        assertThat(findings).hasSizeGreaterThanOrEqualTo(6);
        JsonObject first = findings.get(0).getAsJsonObject();
        assertThat(first.keySet()).containsExactly("policy", "resource", "message", "enforcementLevel");
        assertThat(first.get("policy").getAsString()).isEqualTo("stateful-resources-protected");
        assertThat(first.get("enforcementLevel").getAsString()).isEqualTo("mandatory");
    }

    @Test
    void theTableListsTheFindings(@TempDir Path dir) throws IOException {
        int exit = plan("--stack", "prod", "--config-file", unprotectedProd(dir).toString());

        assertThat(exit).isEqualTo(PlanCommand.MANDATORY_FINDING);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Policy findings:\n  MANDATORY  stateful-resources-protected: BucketV2 prod-access-logs must be protected in prod");
    }

    @Test
    void aCleanPlanSaysSoInTheTable() {
        assertThat(plan("--stack", "dev")).isEqualTo(PlanCommand.PLANNED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\nPolicy findings: none\n");
    }

    @Test
    void withoutNodeThePlanIsNotShownAsClean(@TempDir Path dir) {
        Path file = dir.resolve("plan.json");

        int exit = plan(new PolicyRunner(ROOT.resolve("policy"), "strata-test-no-such-node"),
                "--stack", "prod", "--format", "json", "--out", file.toString());

        assertThat(exit).isEqualTo(PlanCommand.POLICY_UNAVAILABLE);
        assertThat(stderr()).contains("policy checks could not run").contains("Node.js could not be started");
        assertThat(file).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingPolicyConfigIsAUsageError() {
        assertThat(plan("--stack", "dev", "--policy-config", "no-such-policy-config.json")).isEqualTo(PlanCommand.INVALID);
        assertThat(stderr()).contains("--policy-config no-such-policy-config.json: cannot be read: no such file or directory");
    }

    @Test
    void aPolicyConfigFileIsPassedOn(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("policy-config.json"), "{\"all\": \"advisory\"}");

        int exit = plan("--stack", "prod", "--config-file", unprotectedProd(dir).toString(), "--policy-config", config.toString());

        assertThat(exit).isEqualTo(PlanCommand.PLANNED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ADVISORY   stateful-resources-protected");
    }
}

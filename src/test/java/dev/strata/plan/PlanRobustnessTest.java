package dev.strata.plan;

import dev.strata.policy.PolicyRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.strata.testing.Cli.Run;
import dev.strata.testing.Cli;

import static dev.strata.testing.Cli.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inputs that once lost data, hung or crashed (issue 15): each is exit 2 (or 4 for the policy
 * runner) naming its key or flag, with nothing on stdout, no stack trace, and an existing --out file
 * left byte-identical.
 */
class PlanRobustnessTest {
    private static final byte[] OLD = "{\"the\": \"previous plan\"}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;


    /** A policy runner with no pack: a plan that got as far as the policy checks would exit 4, never 2. */
    private PolicyRunner noPack() {
        return new PolicyRunner(dir.resolve("no-pack"), "node");
    }

    private Run strata(PolicyRunner policies, String... args) {
        return Cli.strata(PROJECT, policies, args);
    }

    /** Plans a stack file written as {@code yaml} with --out over an existing file; asserts what every refusal shares. */
    private Run refused(int exit, String yaml, String... extra) throws IOException {
        Path file = Files.writeString(dir.resolve("Pulumi.t.yaml"), yaml);
        return refusedWith(exit, noPack(), concat(new String[]{"plan", "--stack", "t", "--config-file", file.toString()}, extra));
    }

    private Run refusedWith(int exit, PolicyRunner policies, String... args) throws IOException {
        Path out = Files.write(dir.resolve("plan.json"), OLD);
        String[] all = concat(args, new String[]{"--format", "json", "--out", out.toString()});
        Run run = strata(policies, all);
        assertThat(run.exit()).as(run.stderr()).isEqualTo(exit);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).doesNotContain("Exception", "\tat ", "Error:");
        assertThat(out).hasBinaryContent(OLD);
        return run;
    }

    private static String[] concat(String[] a, String[] b) {
        List<String> all = new ArrayList<>(Arrays.asList(a));
        all.addAll(Arrays.asList(b));
        return all.toArray(String[]::new);
    }

    private static String dev() throws IOException {
        return Files.readString(PROJECT.resolve("Pulumi.dev.yaml"));
    }

    // ---- empty values ----

    @Test
    void emptyValuesAreRefusedNamingTheirKeys() throws IOException {
        String yaml = dev().replace("aws:region: us-east-1", "aws:region: ~")
                .replace("  strata:tags:\n    cost-center: ml-platform\n    owner: ml-platform-team\n", "  strata:tags:\n")
                .replaceAll("(?s)  strata:network:\n.*?(?=  # The cluster)", "  strata:network:\n");
        Run run = refused(2, yaml);
        assertThat(run.stderr()).contains("aws:region: has no value", "strata:tags: has no value", "strata:network: has no value");
    }

    // ---- aliases and long values ----

    @Test
    void anAliasOfItselfIsRefusedNamingTheKey() throws IOException {
        Run run = refused(2, "config:\n  aws:region: us-east-1\n  strata:environment: dev\n  strata:tags: &t {owner: [*t]}\n");
        assertThat(run.stderr()).contains("strata:tags.owner[0]: the alias *t (line 4) refers to a value that contains it");
    }

    @Test
    void aTwoMegabyteValueIsNotEchoedWhole() throws IOException {
        Run run = refused(2, "config:\n  aws:region: us-east-1\n  strata:environment: \"" + "a".repeat(2_000_000) + "\"\n");
        assertThat(run.stderr()).contains("strata:environment = \"aaaa", "(2000000 characters)").hasSizeLessThan(1_000);
    }

    // ---- stack names ----

    @ParameterizedTest
    @ValueSource(strings = {"my stack", "team/dev", "dév", "a::b", "../../etc/passwd", ""})
    void invalidStackNamesAreRefusedFirst(String stack) throws IOException {
        Run run = refusedWith(2, noPack(), "plan", "--stack", stack);
        assertThat(run.stderr()).startsWith("strata plan: --stack ").contains("a stack name may");
    }

    @Test
    void aStackNameOfThreeHundredCharactersIsRefused() throws IOException {
        Run run = refusedWith(2, noPack(), "plan", "--stack", "a".repeat(300));
        assertThat(run.stderr()).contains("--stack ", "cannot exceed 100 characters").hasSizeLessThan(400);
    }

    /** A valid stack name with a dot, an underscore and upper case plans; its AWS names are derived to fit. */
    @Test
    void aValidStackNameWithDotsPlans() throws IOException {
        Path file = Files.writeString(dir.resolve("Pulumi.Dev_team.eu.yaml"), dev());
        Path out = dir.resolve("plan.json");
        Run run = strata(PolicyRunner.forProject(PROJECT), "plan", "--stack", "Dev_team.eu", "--config-file", file.toString(),
                "--format", "json", "--out", out.toString());
        assertThat(run.exit()).as(run.stderr()).isZero();
        String plan = Files.readString(out);
        assertThat(plan).contains("\"stack\": \"Dev_team.eu\"", "\"name\": \"alias/strata-dev-team-", "\"clusterName\": \"strata-dev-team-");
        // Only Pulumi's own stack resource (strata-Dev_team.eu) carries the stack name as it is.
        assertThat(plan).doesNotContain("alias/strata-Dev_team.eu", "\"clusterName\": \"strata-Dev_team.eu", "Dev_team.eu-");
    }

    // ---- read as Pulumi reads ----

    @Test
    void keysGivenTwiceAreRefusedNamingBothLines() throws IOException {
        String yaml = dev().replace("  strata:environment: dev\n", "  strata:environment: dev\n  strata:environment: prod\n")
                .replace("      storageGiB: 1200\n", "      storageGiB: 3600\n      storageGiB: 1200\n");
        Run run = refused(2, yaml);
        assertThat(run.stderr()).containsPattern("strata:environment: is given twice, on lines \\d+ and \\d+")
                .containsPattern("strata:training.hot.storageGiB: is given twice, on lines \\d+ and \\d+");
    }

    @Test
    void aZoneListedTwiceIsRefused() throws IOException {
        String yaml = dev().replace("  strata:tags:\n", "  strata:dataLake:\n    zones:\n      raw: {versioning: true}\n"
                + "      model: {}\n      raw: {}\n  strata:tags:\n");
        assertThat(refused(2, yaml).stderr()).containsPattern("strata:dataLake.zones.raw: is given twice, on lines \\d+ and \\d+");
    }

    @Test
    void yamlOneOneFormsAreReadAsPulumiReadsThem() throws IOException {
        // YAML 1.1 read 20:00 as 1200 (a valid capacity) and yes as true.
        String yaml = dev().replace("storageGiB: 1200", "storageGiB: 20:00").replace("  strata:environment: dev\n",
                "  strata:environment: dev\n  strata:protect: yes\n");
        assertThat(refused(2, yaml).stderr()).contains("strata:training.hot.storageGiB = \"20:00\"", "strata:protect = \"yes\"");
    }

    @Test
    void everyProblemIsReportedInOneRun() throws IOException {
        String noRegion = dev().replace("  aws:region: us-east-1\n", "").replace("storageGiB: 1200", "storageGiB: 1201");
        assertThat(refused(2, noRegion).stderr()).contains("aws:region: is required", "strata:training.hot.storageGiB = 1201");
        String noPrices = dev().replace("aws:region: us-east-1", "aws:region: eu-central-2").replace("storageGiB: 1200", "storageGiB: 1201");
        assertThat(refused(2, noPrices).stderr()).contains("aws:region = \"eu-central-2\": the price book has no prices",
                "strata:training.hot.storageGiB = 1201");
        assertThat(refused(2, "").stderr()).contains("aws:region: is required", "strata:environment: is required");
    }

    @Test
    void onePathRuleForEveryPathSetting() throws IOException {
        String yaml = dev().replace("      transitionToIaDays: 30\n  # Inference", "      transitionToIaDays: 30\n      basePath: /datasets/../etc\n  # Inference");
        assertThat(refused(2, yaml).stderr()).contains("strata:training.warm.basePath = \"/datasets/../etc\"", "no '..'");
    }

    // ---- namespaces ----

    @Test
    void settingsUnderANamespaceNoPackageReadsAreWarnedAbout() throws IOException {
        String yaml = dev().replace("  strata:environment: dev\n", "  strata:environment: dev\n  strat:protect: true\n"
                + "  Strata:protect: true\n  strata:training.hot.storageGiB: 1\n") + "conifg:\n  strata:protect: true\n";
        Run run = refused(2, yaml); // strata:training.hot.storageGiB is an unknown strata: key: exit 2, with the warnings
        assertThat(run.stderr()).contains(
                "warning: strat:protect: no package of this program reads the namespace strat", "did you mean strata:protect?",
                "warning: Strata:protect: no package of this program reads the namespace Strata",
                "the top-level key conifg is ignored by Pulumi; did you mean config?");
    }

    /** Pulumi refuses a config key without a namespace; so does the plan, naming the key meant. */
    @Test
    void aKeyWithoutANamespaceIsRefused() throws IOException {
        String yaml = dev().replace("  strata:environment: dev\n", "  strata:environment: dev\n  protect: false\n");
        assertThat(refused(2, yaml).stderr()).contains("protect: is not a config key", "did you mean strata:protect?");
    }

    // ---- --out never over an input ----

    @Test
    void outNamingTheStackFileIsRefused() throws IOException {
        byte[] stackFile = dev().getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("Pulumi.dev.yaml"), stackFile);
        Run run = strata(noPack(), "plan", "--stack", "dev", "--config-file", file.toString(), "--out", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("--out " + file, "is the stack file", "an input of this run");
        assertThat(file).hasBinaryContent(stackFile);

        Path hardLink = Files.createLink(dir.resolve("same-file.json"), file);
        Run linked = strata(noPack(), "plan", "--stack", "dev", "--config-file", file.toString(), "--out", hardLink.toString());
        assertThat(linked.exit()).isEqualTo(2);
        assertThat(file).hasBinaryContent(stackFile);
    }

    @Test
    void outNamingThePolicyConfigOrTheProjectFileIsRefused() throws IOException {
        Path config = Files.writeString(dir.resolve("policy-config.json"), "{\"all\": \"advisory\"}");
        Run run = strata(noPack(), "plan", "--stack", "dev", "--policy-config", config.toString(), "--out", config.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("is the --policy-config file");
        assertThat(config).hasContent("{\"all\": \"advisory\"}");

        byte[] project = Files.readAllBytes(PROJECT.resolve("Pulumi.yaml"));
        Run projectFile = strata(noPack(), "plan", "--stack", "dev", "--out", "Pulumi.yaml");
        assertThat(projectFile.exit()).isEqualTo(2);
        assertThat(projectFile.stderr()).contains("is the project file");
        assertThat(PROJECT.resolve("Pulumi.yaml")).hasBinaryContent(project);
    }

    // ---- files: the operating system's reason ----

    @Test
    void filesThatCannotBeReadOrWrittenCarryTheReason() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("a-directory"));
        assertThat(refusedWith(2, noPack(), "plan", "--stack", "dev", "--config-file", directory.toString()).stderr())
                .contains(directory + ": cannot be read: is a directory");
        assertThat(refusedWith(2, noPack(), "plan", "--stack", "dev", "--policy-config", directory.toString()).stderr())
                .contains("--policy-config " + directory + ": cannot be read: is a directory");
        assertThat(refusedWith(2, noPack(), "plan", "--stack", "dev", "--policy-config", dir.resolve("missing.json").toString()).stderr())
                .contains("--policy-config " + dir.resolve("missing.json") + ": cannot be read: no such file or directory");
        assertThat(refusedWith(2, noPack(), "plan", "--stack", "dev", "--config-file", "/dev/zero").stderr())
                .contains("/dev/zero: cannot be read: not a regular file");
        assertThat(refusedWith(2, noPack(), "plan", "--stack", "dev", "--policy-config", "/dev/zero").stderr())
                .contains("--policy-config /dev/zero: cannot be read: not a regular file");
        Run out = strata(noPack(), "plan", "--stack", "dev", "--out", directory.toString());
        assertThat(out.exit()).isEqualTo(2);
        assertThat(out.stderr()).contains("--out " + directory + ": cannot write: is a directory");
        Run noDirectory = strata(noPack(), "plan", "--stack", "dev", "--out", dir.resolve("nowhere/plan.json").toString());
        assertThat(noDirectory.exit()).isEqualTo(2);
        assertThat(noDirectory.stderr()).contains("cannot write: no such directory");
    }

    // ---- --policy-config is the user's input ----

    @Test
    void aPolicyConfigThatIsNotJsonIsAUsageError() throws IOException {
        Path config = Files.writeString(dir.resolve("policy-config.json"), "{all: advisory");
        assertThat(refusedWith(2, noPack(), "plan", "--stack", "dev", "--policy-config", config.toString()).stderr())
                .contains("--policy-config " + config + ": is not JSON");
    }

    @Test
    void aPolicyConfigNamingAnUnknownRuleOrLevelIsAUsageError() throws IOException {
        PolicyRunner pack = PolicyRunner.forProject(PROJECT);
        Path rule = Files.writeString(dir.resolve("rule.json"), "{\"no-such-rule\": \"advisory\"}");
        assertThat(refusedWith(2, pack, "plan", "--stack", "dev", "--policy-config", rule.toString()).stderr())
                .contains("--policy-config " + rule + ": ", "unknown policy \"no-such-rule\"");
        Path level = Files.writeString(dir.resolve("level.json"), "{\"kms-key-rotation\": \"loud\"}");
        assertThat(refusedWith(2, pack, "plan", "--stack", "dev", "--policy-config", level.toString()).stderr())
                .contains("--policy-config " + level + ": ", "\"kms-key-rotation\" has enforcement level \"loud\"");
    }

    // ---- recommend ----

    @Test
    void recommendNamesItsOwnFlag() {
        Run run = strata(noPack(), "recommend", "--dataset-gib", "2000", "--read-mbps", "1000", "--read-frequency", "daily",
                "--region", "eu-west-1");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("--region = \"eu-west-1\": the price book has no prices").doesNotContain("aws:region");
    }
}

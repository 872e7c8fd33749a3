package dev.strata.policy;

import com.google.gson.JsonParser;
import dev.strata.stack.StrataStack;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.stack.StrataSettings;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanJson;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the built policy pack (Node.js) over the stacks' real plans. */
class PolicyRunnerTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final PolicyRunner RUNNER = PolicyRunner.forProject(ROOT);

    static String planJson(String stack, Map<String, Object> overrides) {
        StackConfig config = StackConfig.load(StackConfig.locate(ROOT, stack));
        Map<String, Object> values = new HashMap<>(config.strataValues());
        values.putAll(overrides);
        StrataSettings settings = SettingsParser.parse(values);
        Plan plan = PlanRunner.run(stack, new RecordingMocks(config.awsRegion().orElseThrow()), ctx -> StrataStack.define(ctx, settings));
        return PlanJson.render(plan);
    }

    /** The stacks' plans pass with no mandatory finding; each is kept for the pack's own tests (STRATA_PLAN_DIR). */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void stackPlansHaveNoMandatoryFinding(String stack) throws IOException {
        String json = planJson(stack, Map.of());
        Path plans = Files.createDirectories(ROOT.resolve("target").resolve("plans"));
        Files.writeString(plans.resolve(stack + ".json"), json);

        List<Finding> findings = RUNNER.evaluate(json, null);

        assertThat(findings).noneMatch(Finding::isMandatory);
    }

    @Test
    void prodWithoutProtectionHasAMandatoryFindingForEveryStatefulResource() {
        List<String> protectedByDefault = protectedUrns(planJson("prod", Map.of()));
        String json = planJson("prod", Map.of("protect", false));

        List<Finding> mandatory = RUNNER.evaluate(json, null).stream().filter(Finding::isMandatory).toList();

        assertThat(mandatory).allSatisfy(finding -> {
            assertThat(finding.policy()).isEqualTo("stateful-resources-protected");
            assertThat(finding.message()).endsWith("must be protected in prod (set strata:protect to true).");
        });
        List<String> flagged = mandatory.stream().map(Finding::resource).toList();
        // each flagged resource is one Strata protects by default, and every bucket and key is flagged
        assertThat(protectedByDefault).containsAll(flagged);
        assertThat(flagged).containsAll(protectedByDefault.stream()
                .filter(urn -> urn.contains("$aws:s3/bucketV2:BucketV2::") || urn.contains("$aws:kms/key:Key::")).toList());
        assertThat(flagged).hasSizeGreaterThanOrEqualTo(6);
    }

    /** The urns of the protected resources of a plan document. */
    static List<String> protectedUrns(String planJson) {
        List<String> urns = new ArrayList<>();
        JsonParser.parseString(planJson).getAsJsonObject().getAsJsonArray("resources").forEach(r -> {
            if (r.getAsJsonObject().get("protect").getAsBoolean()) {
                urns.add(r.getAsJsonObject().get("urn").getAsString());
            }
        });
        return urns;
    }

    @Test
    void aConfigFileSetsEnforcementLevels(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("policy-config.json"), "{\"stateful-resources-protected\": \"advisory\"}");

        List<Finding> findings = RUNNER.evaluate(planJson("prod", Map.of("protect", false)), config);

        assertThat(findings).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(finding -> assertThat(finding.enforcementLevel()).isEqualTo("advisory"));
    }

    @Test
    void aBadConfigFileIsTheUsersErrorNotACleanPlan(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("policy-config.json"), "{\"no-such-rule\": \"advisory\"}");

        assertThatThrownBy(() -> RUNNER.evaluate(planJson("dev", Map.of()), config))
                .isInstanceOf(PolicyConfigException.class)
                .hasMessageContaining("unknown policy \"no-such-rule\"");
    }

    @Test
    void missingNodeIsSaidPlainly() {
        PolicyRunner runner = new PolicyRunner(ROOT.resolve("policy"), "strata-test-no-such-node");

        assertThatThrownBy(() -> runner.evaluate("{}", null))
                .isInstanceOf(PolicyUnavailableException.class)
                .hasMessageContaining("Node.js could not be started")
                .hasMessageContaining("strata-test-no-such-node");
    }

    @Test
    void aRunnerThatCannotStartFailsOnlyWhenHandedThePlan() {
        PolicyRunner runner = new PolicyRunner(ROOT.resolve("policy"), "strata-test-no-such-node");

        try (PolicyRunner.Evaluation evaluation = runner.start(null)) {
            assertThatThrownBy(() -> evaluation.findings("{}"))
                    .isInstanceOf(PolicyUnavailableException.class)
                    .hasMessageContaining("strata-test-no-such-node");
        }
    }

    @Test
    void aStartedRunnerNeverHandedAPlanIsStoppedOnClose() throws Exception {
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        List<ProcessHandle> started;
        PolicyRunner.Evaluation evaluation = RUNNER.start(null);
        try {
            started = ProcessHandle.current().children().filter(child -> !before.contains(child)).toList();
            assertThat(started).hasSize(1);
            assertThat(started.get(0).isAlive()).isTrue();
        } finally {
            evaluation.close();
        }

        started.get(0).onExit().get(10, TimeUnit.SECONDS);
        assertThat(started.get(0).isAlive()).isFalse();
    }

    @Test
    void anUnbuiltPackIsSaidPlainly(@TempDir Path emptyPack) {
        PolicyRunner runner = new PolicyRunner(emptyPack, "node");

        assertThatThrownBy(() -> runner.evaluate("{}", null))
                .isInstanceOf(PolicyUnavailableException.class)
                .hasMessageContaining("the policy pack is not built")
                .hasMessageContaining("npm ci && npm run build");
    }

    @Test
    void aRuleEditedAfterTheBuildMakesThePackStale(@TempDir Path pack) throws IOException {
        Path script = Files.createDirectories(pack.resolve("dist")).resolve("offline.js");
        Path rule = Files.createDirectories(pack.resolve("src/rules")).resolve("some-rule.ts");
        Files.writeString(rule, "// a rule");
        Files.writeString(script, "// built");
        PolicyRunner runner = new PolicyRunner(pack, "node");
        Files.setLastModifiedTime(rule, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(runner.isStale()).isFalse();

        Files.setLastModifiedTime(rule, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        assertThat(runner.isStale()).isTrue();
    }

    @Test
    void parsesFindingsAndRejectsMalformedOnes() {
        assertThat(FindingsJson.parse("[{\"policy\":\"p\",\"resource\":\"urn:x\",\"message\":\"X must be Y.\",\"enforcementLevel\":\"mandatory\"}]"))
                .containsExactly(new Finding("p", "urn:x", "X must be Y.", "mandatory"));
        assertThatThrownBy(() -> FindingsJson.parse("[{\"policy\":\"p\"}]")).isInstanceOf(PolicyRunException.class);
        assertThatThrownBy(() -> FindingsJson.parse("not json")).isInstanceOf(PolicyRunException.class);
        assertThatThrownBy(() -> FindingsJson.parse("")).isInstanceOf(PolicyRunException.class);
    }
}

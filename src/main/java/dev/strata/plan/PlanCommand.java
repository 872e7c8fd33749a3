package dev.strata.plan;

import dev.strata.StrataStack;
import dev.strata.config.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.config.StrataSettings;
import dev.strata.core.InvalidConfigException;
import dev.strata.cost.CostEstimator;
import dev.strata.cost.CostReport;
import dev.strata.cost.PriceBook;
import dev.strata.policy.Finding;
import dev.strata.policy.PolicyPackBuild;
import dev.strata.policy.PolicyRunException;
import dev.strata.policy.PolicyRunner;
import dev.strata.policy.PolicyUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strata plan}: the resources a stack would deploy, offline, with no cloud account and no
 * Pulumi CLI. Exit codes: 0 planned; 1 a mandatory policy finding, or the estimate over a mandatory
 * budget; 2 invalid config or usage; 3 an internal error (a bug); 4 the policy pack could not run (Node.js or the built pack
 * missing), so nothing is written: a plan whose findings are unknown is never shown as clean.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a stack offline: run the Strata program under a recording engine and render what it would deploy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "1:a mandatory policy finding, or the estimate over a mandatory budget (the plan is still written; the rules or the budget are named on stderr)",
                "2:invalid config or usage (message on stderr, nothing on stdout)",
                "3:an internal error, a bug (STRATA_DEBUG=1 prints the stack trace)",
                "4:the policy pack could not run (Node.js or the built pack missing; message on stderr, nothing written)"})
public final class PlanCommand implements Callable<Integer> {
    public static final int PLANNED = 0;
    public static final int MANDATORY_FINDING = 1;
    public static final int INVALID = 2;
    public static final int POLICY_UNAVAILABLE = 4;

    /** Output formats. */
    public enum Format { table, json, mermaid }

    @Option(names = "--stack", required = true, description = "Stack name: reads Pulumi.<stack>.yaml beside Pulumi.yaml, as the Pulumi CLI does, under Pulumi.yaml's project config.")
    String stack;

    @Option(names = "--config-file", description = "Stack config file to read instead of the stack's own (as pulumi --config-file).")
    Path configFile;

    @Option(names = "--format", defaultValue = "table", description = "table, json or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", description = "Write the plan to this file (only when planning succeeds) instead of stdout.")
    Path out;

    @Option(names = "--policy-config", description = "Policy pack config file (the shape of pulumi's --policy-pack-config): enforcement levels and rule settings.")
    Path policyConfig;

    private final Path projectRoot;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final PolicyRunner policies;

    public PlanCommand(Path projectRoot, PrintStream stdout, PrintStream stderr) {
        this(projectRoot, stdout, stderr, PolicyRunner.forProject(projectRoot));
    }

    /** With the policy runner to use (tests give one whose Node.js or pack is missing). */
    public PlanCommand(Path projectRoot, PrintStream stdout, PrintStream stderr, PolicyRunner policies) {
        this.projectRoot = projectRoot;
        this.stdout = stdout;
        this.stderr = stderr;
        this.policies = policies;
    }

    @Override
    public Integer call() {
        if (policyConfig != null && !Files.isRegularFile(policyConfig)) {
            stderr.println("strata plan: --policy-config " + policyConfig + ": no such file");
            return INVALID;
        }
        Plan plan;
        CostReport cost;
        List<Finding> findings;
        // A fresh clone's pack is built on the first plan: nothing else in Strata needs Node.js.
        PolicyPackBuild.forPack(policies.offlineScript().getParent().getParent()).ensureBuilt(stderr);
        // Node.js starts and loads the policy pack while the plan is computed (README, Performance).
        try (PolicyRunner.Evaluation policyRun = policies.start(policyConfig)) {
            try {
                StackConfig config = StackConfig.forStack(projectRoot, stack, configFile);
                StrataSettings settings = SettingsParser.parse(config.strataValues());
                String region = config.awsRegion().orElseThrow(() -> new InvalidConfigException(List.of(
                        "aws:region: is required; the AWS region of the stack, e.g. us-east-1")));
                cost = new CostReport(CostEstimator.estimate(settings, PriceBook.load().region(region)), settings.cost().budget());
                plan = PlanRunner.run(stack, new RecordingMocks(region), ctx -> StrataStack.define(ctx, settings));
            } catch (InvalidConfigException e) {
                stderr.println("strata plan: invalid config for stack " + stack + ":");
                e.problems().forEach(problem -> stderr.println("  " + problem));
                return INVALID;
            }
            if (policies.isStale()) {
                stderr.println("strata plan: warning: the policy pack's sources changed since it was built; "
                        + "these findings come from the last build (rebuild: mvn -B verify, or npm run build in policy/)");
            }
            try {
                findings = policyRun.findings(PlanJson.render(plan));
            } catch (PolicyUnavailableException | PolicyRunException e) {
                stderr.println("strata plan: policy checks could not run, so the plan is not shown as clean: " + e.getMessage());
                return POLICY_UNAVAILABLE;
            }
        }
        String rendered = switch (format) {
            case table -> PlanTable.render(plan, cost, findings);
            case json -> PlanJson.render(plan, cost, findings);
            case mermaid -> PlanMermaid.render(plan);
        };
        if (out != null) {
            try {
                Files.writeString(out, rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                stderr.println("strata plan: cannot write " + out + ": " + e.getMessage());
                return INVALID;
            }
        } else {
            stdout.print(rendered);
            stdout.flush();
        }
        List<Finding> mandatory = findings.stream().filter(Finding::isMandatory).toList();
        if (!mandatory.isEmpty()) {
            stderr.println("strata plan: " + mandatory.size() + " mandatory policy finding(s) for stack " + stack + ":");
            mandatory.forEach(f -> stderr.println("  " + f.policy() + ": " + f.message() + " (" + f.resource() + ")"));
        }
        if (cost.exceeded()) {
            stderr.println("strata plan: stack " + stack + ": estimated monthly cost " + cost.budgetSummary()
                    + " (strata:budget)");
        }
        // A mandatory budget is a gate like a mandatory policy finding: the plan is still rendered for review.
        return !mandatory.isEmpty() || cost.mandatoryExceeded() ? MANDATORY_FINDING : PLANNED;
    }
}

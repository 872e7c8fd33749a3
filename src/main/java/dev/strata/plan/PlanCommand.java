package dev.strata.plan;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.strata.stack.StrataStack;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.stack.StrataSettings;
import dev.strata.core.AtomicFile;
import dev.strata.core.FileErrors;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.JsonErrors;
import dev.strata.core.OutFile;
import dev.strata.core.Problems;
import dev.strata.core.StackNames;
import dev.strata.cost.CostEstimator;
import dev.strata.cost.CostReport;
import dev.strata.cost.PriceBook;
import dev.strata.policy.Finding;
import dev.strata.policy.PolicyConfigException;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code strata plan}: the resources a stack would deploy, offline, with no cloud account and no
 * Pulumi CLI. Exit codes: 0 planned; 1 a mandatory policy finding, or the estimate over a mandatory
 * budget; 2 invalid config or usage; 3 an internal error (a bug); 4 the policy pack could not run
 * (Node.js or the built pack missing, the runner failed or missed its deadline), so nothing is
 * written: a plan whose findings are unknown is never shown as clean. {@code --out} is written
 * atomically ({@link AtomicFile}): a run that fails or is killed leaves the previous file as it was.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a stack offline: run the Strata program under a recording engine and render what it would deploy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "1:a mandatory policy finding, or the estimate over a mandatory budget (the plan is still written; the rules or the budget are named on stderr)",
                "2:invalid config or usage (message on stderr, nothing on stdout, --out untouched)",
                "3:an internal error, a bug (STRATA_DEBUG=1 prints the stack trace)",
                "4:the policy pack could not run (Node.js or the built pack missing, the runner failed or missed its deadline; message on stderr, nothing written)"})
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
    private final AtomicFile.Opener opener;

    public PlanCommand(Path projectRoot, PrintStream stdout, PrintStream stderr) {
        this(projectRoot, stdout, stderr, PolicyRunner.forProject(projectRoot));
    }

    /** With the policy runner to use (tests give one whose Node.js or pack is missing). */
    public PlanCommand(Path projectRoot, PrintStream stdout, PrintStream stderr, PolicyRunner policies) {
        this(projectRoot, stdout, stderr, policies, AtomicFile.CREATE_NEW);
    }

    /** With how {@code --out}'s temporary file is opened (fault tests give one that fails or crawls). */
    public PlanCommand(Path projectRoot, PrintStream stdout, PrintStream stderr, PolicyRunner policies, AtomicFile.Opener opener) {
        this.projectRoot = projectRoot;
        this.stdout = stdout;
        this.stderr = stderr;
        this.policies = policies;
        this.opener = opener;
    }

    @Override
    public Integer call() {
        // The stack name first: it names the stack file, and every resource name derives from it.
        Optional<String> badStack = StackNames.problem(stack);
        if (badStack.isPresent()) {
            stderr.println("strata plan: --stack " + Problems.render(stack) + ": " + badStack.get());
            return INVALID;
        }
        Optional<String> runnerProblem = policies.usageProblem();
        if (runnerProblem.isPresent()) {
            stderr.println("strata plan: " + runnerProblem.get());
            return INVALID;
        }
        Path stackFile;
        try {
            stackFile = configFile != null ? configFile : StackConfig.locate(projectRoot, stack);
        } catch (InvalidConfigException e) {
            stderr.println("strata plan: invalid config for stack " + stack + ":");
            e.problems().forEach(problem -> stderr.println("  " + problem));
            return INVALID;
        }
        Optional<String> usage = checkPolicyConfig().or(() -> checkOut(stackFile));
        if (usage.isPresent()) {
            stderr.println("strata plan: " + usage.get());
            return INVALID;
        }
        // Every problem of the stack at once: how the file is written, aws:region, the strata: settings.
        StrataSettings settings;
        String region;
        CostReport cost;
        PriceBook prices = PriceBook.load();
        try {
            StackConfig config = StackConfig.read(projectRoot, stack, configFile);
            config.warnings().forEach(warning -> stderr.println("strata plan: warning: " + warning));
            Problems regionProblems = new Problems();
            Optional<String> configured = config.awsRegion(regionProblems);
            configured.filter(r -> !prices.regions().contains(r)).ifPresent(r -> regionProblems.add(StackConfig.REGION, r,
                    "the price book has no prices for this region (it has " + String.join(", ", prices.regions())
                            + "; add the region to src/main/resources" + PriceBook.RESOURCE + ")"));
            List<String> settingsProblems = new ArrayList<>(regionProblems.messages());
            StrataSettings parsed = null;
            try {
                parsed = SettingsParser.parse(config.strataValues(), configured);
            } catch (InvalidConfigException e) {
                settingsProblems.addAll(e.problems());
            }
            List<String> problems = config.problemsWith(settingsProblems);
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
            settings = parsed;
            region = configured.orElseThrow();
            cost = new CostReport(CostEstimator.estimate(settings, prices.region(region)), settings.cost().budget());
        } catch (InvalidConfigException e) {
            stderr.println("strata plan: invalid config for stack " + stack + ":");
            e.problems().forEach(problem -> stderr.println("  " + problem));
            return INVALID;
        }
        Plan plan;
        List<Finding> findings;
        // A fresh clone's pack is built on the first plan: nothing else in Strata needs Node.js.
        PolicyPackBuild.forPack(policies.offlineScript().getParent().getParent()).ensureBuilt(stderr);
        // Node.js starts and loads the policy pack while the plan is computed (docs/performance.md).
        try (PolicyRunner.Evaluation policyRun = policies.start(policyConfig)) {
            StrataSettings valid = settings;
            plan = PlanRunner.run(stack, new RecordingMocks(region), ctx -> StrataStack.define(ctx, valid));
            if (policies.isStale()) {
                stderr.println("strata plan: warning: the policy pack's sources changed since it was built; "
                        + "these findings come from the last build (rebuild: mvn -B verify, or npm run build in policy/)");
            }
            try {
                findings = policyRun.findings(PlanJson.render(plan));
            } catch (PolicyConfigException e) {
                stderr.println("strata plan: --policy-config " + Problems.bounded(policyConfig.toString()) + ": " + e.getMessage());
                return INVALID;
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
        if (!OutFile.write("strata plan", out, rendered, opener, stdout, stderr)) {
            return INVALID;
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

    /** A {@code --policy-config} that cannot be read, or is not JSON: the user's input (its rules are checked by the pack). */
    private Optional<String> checkPolicyConfig() {
        if (policyConfig == null) {
            return Optional.empty();
        }
        String name = "--policy-config " + Problems.bounded(policyConfig.toString());
        try {
            if (Files.isDirectory(policyConfig)) {
                return Optional.of(name + ": cannot be read: is a directory");
            }
            if (Files.exists(policyConfig) && !Files.isRegularFile(policyConfig)) {
                return Optional.of(name + ": cannot be read: not a regular file");
            }
            JsonParser.parseString(Files.readString(policyConfig, StandardCharsets.UTF_8));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(name + ": cannot be read: " + FileErrors.reason(e));
        } catch (JsonParseException e) {
            return Optional.of(name + ": is not JSON: " + JsonErrors.reason(e));
        }
    }

    /**
     * A {@code --out} the plan cannot be written to, or that names an input of this run (the stack
     * file, the policy config, the project file, the policy runner): writing the plan there would
     * destroy the input.
     */
    private Optional<String> checkOut(Path stackFile) {
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("the stack file", stackFile);
        if (policyConfig != null) {
            inputs.put("the --policy-config file", policyConfig);
        }
        inputs.put("the project file", projectRoot.resolve("Pulumi.yaml"));
        inputs.put("the policy runner", policies.offlineScript());
        return OutFile.problem(out, inputs);
    }
}

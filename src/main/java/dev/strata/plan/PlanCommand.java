package dev.strata.plan;

import dev.strata.StrataStack;
import dev.strata.config.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.config.StrataSettings;
import dev.strata.core.InvalidConfigException;
import dev.strata.cost.CostEstimator;
import dev.strata.cost.CostReport;
import dev.strata.cost.PriceBook;
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
 * Pulumi CLI. Exit codes: 0 planned; 1 a mandatory policy finding or a mandatory budget exceeded;
 * 2 invalid config or usage.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Plan a stack offline: run the Strata program under a recording engine and render what it would deploy.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "1:a mandatory policy finding, or the estimate exceeds a mandatory budget", "2:invalid config or usage (message on stderr, nothing on stdout)"})
public final class PlanCommand implements Callable<Integer> {
    public static final int PLANNED = 0;
    public static final int MANDATORY_FINDING = 1;
    public static final int INVALID = 2;

    /** Output formats. */
    public enum Format { table, json, mermaid }

    @Option(names = "--stack", required = true, description = "Stack name: reads Pulumi.<stack>.yaml, or stacks/Pulumi.<stack>.yaml.")
    String stack;

    @Option(names = "--config-file", description = "Stack config file to read instead of the stack's own.")
    Path configFile;

    @Option(names = "--format", defaultValue = "table", description = "table, json or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", description = "Write the plan to this file (only when planning succeeds) instead of stdout.")
    Path out;

    private final Path projectRoot;
    private final PrintStream stdout;
    private final PrintStream stderr;

    public PlanCommand(Path projectRoot, PrintStream stdout, PrintStream stderr) {
        this.projectRoot = projectRoot;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        Plan plan;
        CostReport cost;
        try {
            StackConfig config = StackConfig.load(configFile != null ? configFile : StackConfig.locate(projectRoot, stack));
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
        String rendered = switch (format) {
            case table -> PlanTable.render(plan, cost);
            case json -> PlanJson.render(plan, cost);
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
        if (cost.exceeded()) {
            stderr.println("strata plan: stack " + stack + ": estimated monthly cost " + cost.budgetSummary()
                    + " (strata:budget)");
        }
        // A mandatory budget is a gate like a mandatory policy finding: the plan is still rendered for review.
        return cost.mandatoryExceeded() ? MANDATORY_FINDING : PLANNED;
    }
}

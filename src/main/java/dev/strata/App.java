package dev.strata;

import dev.strata.stack.StrataStack;
import com.pulumi.Pulumi;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.stack.StrataSettings;
import dev.strata.core.InvalidConfigException;
import dev.strata.cost.recommend.RecommendCommand;
import dev.strata.diff.DiffCommand;
import dev.strata.plan.PlanCommand;
import dev.strata.policy.PolicyRunner;
import dev.strata.provider.ProviderHost;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Strata's entry point. With no arguments it is the Pulumi program ({@code pulumi up} runs it);
 * with a command it is the {@code strata} command line ({@code strata plan ...}); with only an
 * engine address it is the component provider plugin ({@code pulumi package add} runs it).
 */
@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = App.StrataVersion.class,
        description = "AI/ML storage on Amazon EKS. Without a command, runs as the Pulumi program.")
public final class App {
    /** An unexpected failure: a bug, not bad input. */
    static final int INTERNAL_ERROR = 3;

    /** The JDK's setting for the common pool's parallelism, which decides where CompletableFuture runs async steps. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        if (args.length > 0) {
            // A command (or the provider). Not the Pulumi program: its run against the real engine,
            // where Pulumi's polling task runner stays, is not measured here. Before anything starts
            // the pool: its parallelism is read once.
            poolAsyncSteps();
        }
        Optional<String> stale = StaleJar.runningJar().flatMap(jar -> StaleJar.check(jar, Path.of("").toAbsolutePath()));
        if (stale.isPresent()) {
            System.err.println("strata: " + stale.get());
            System.exit(PlanCommand.INVALID);
            return;
        }
        if (args.length == 0) {
            runPulumiProgram();
            return;
        }
        Optional<String> engine = ProviderHost.engineAddress(args);
        if (engine.isPresent()) {
            ProviderHost.serve(engine.get(), Version.get());
            return;
        }
        int exitCode = run(args, Path.of("").toAbsolutePath(), System.out, System.err);
        reportTiming(started);
        System.exit(exitCode);
    }

    /**
     * Runs the plan's async steps on a pool of threads. CompletableFuture uses the common pool only
     * when its parallelism is above 1, which it is by default with 3 CPUs or more; with 2 it starts
     * a new thread for every async step, about 1,000 in the prod plan (docs/performance.md). An
     * explicit {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} wins.
     */
    static void poolAsyncSteps() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() < 3) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

    /**
     * The start-up benchmark's probe (bin/benchmark sets {@code STRATA_TIMING}): the command's own
     * time, from {@code main} to its exit code, on stderr. The rest of a process's wall time is the
     * JVM starting and stopping.
     */
    private static void reportTiming(long startedNanos) {
        if (System.getenv("STRATA_TIMING") != null) {
            System.err.println("strata-timing: main-ms=" + (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Path projectRoot, PrintStream stdout, PrintStream stderr) {
        return run(args, projectRoot, stdout, stderr, PolicyRunner.forProject(projectRoot));
    }

    /** Runs the command line with the policy runner {@code strata plan} uses (tests give one without Node.js). */
    public static int run(String[] args, Path projectRoot, PrintStream stdout, PrintStream stderr, PolicyRunner policies) {
        CommandLine commandLine = new CommandLine(new App())
                .addSubcommand(new PlanCommand(projectRoot, stdout, stderr, policies))
                .addSubcommand(new RecommendCommand(stdout, stderr))
                .addSubcommand(new DiffCommand(stdout, stderr));
        // `strata plan --version` prints the same as `strata --version`.
        commandLine.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new StrataVersion()));
        commandLine.setOut(new java.io.PrintWriter(stdout, true));
        commandLine.setErr(new java.io.PrintWriter(stderr, true));
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            stderr.println("strata: " + e.getMessage());
            e.getCommandLine().usage(stderr);
            return PlanCommand.INVALID;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            stderr.println("strata: internal error: " + e);
            if (System.getenv("STRATA_DEBUG") != null) {
                e.printStackTrace(stderr);
            } else {
                stderr.println("(set STRATA_DEBUG=1 for the stack trace; this is a bug worth reporting)");
            }
            return INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }

    /** {@code --version}: Strata's one version ({@link Version}). */
    static final class StrataVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"strata " + Version.get()};
        }
    }

    /**
     * The Pulumi program. Settings are parsed from the config the engine hands the program before
     * anything is registered, so invalid config stops the run with every problem listed and nothing
     * half-built.
     */
    private static void runPulumiProgram() {
        StrataSettings settings;
        StackConfig config = StackConfig.fromPulumiEngine(System.getenv("PULUMI_CONFIG"));
        try {
            config.warnings().forEach(warning -> System.err.println("strata: warning: " + warning));
            settings = SettingsParser.parse(config.strataValues(), config.awsRegion());
        } catch (InvalidConfigException e) {
            System.err.println("strata: invalid config:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            expectedStackFile(config, System.getenv()).ifPresent(System.err::println);
            System.exit(PlanCommand.INVALID);
            return;
        }
        Pulumi.run(ctx -> StrataStack.define(ctx, settings));
    }

    /**
     * When the engine handed the program no {@code strata:environment}, the stack's config most likely
     * came from the wrong file (or none): names the file the Pulumi CLI read it from, from the
     * variables the language host sets ({@code PULUMI_STACK}, {@code PULUMI_ROOT_DIRECTORY}).
     */
    static Optional<String> expectedStackFile(StackConfig config, Map<String, String> environment) {
        if (config.strataValues().containsKey("environment")) {
            return Optional.empty();
        }
        String stack = Optional.ofNullable(environment.get("PULUMI_STACK")).orElse("<stack>");
        Path root = Optional.ofNullable(environment.get("PULUMI_ROOT_DIRECTORY")).map(Path::of).orElse(Path.of("").toAbsolutePath());
        return Optional.of("strata: stack " + stack + " has no strata:environment: the Pulumi CLI reads its config from "
                + root.resolve("Pulumi." + stack + ".yaml") + " (or the file given with --config-file), which does not set it");
    }
}

package dev.strata.cost.recommend;

import dev.strata.config.Environment;
import dev.strata.core.AtomicFile;
import dev.strata.core.FileErrors;
import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;
import dev.strata.cost.PriceBook;
import dev.strata.cost.RegionPrices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code strata recommend}: the cheapest storage configuration that meets a workload, searched over
 * every valid option, with the runner-ups and why each lost. Exit codes: 0 recommended; 1 nothing in
 * the searched space meets the workload; 2 an invalid workload or usage.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend the cheapest storage for a training workload: FSx for Lustre, EFS and S3 options, priced from the price book.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recommended", "1:no configuration in the searched space meets the workload",
                "2:invalid workload or usage (message on stderr, nothing on stdout)"})
public final class RecommendCommand implements Callable<Integer> {
    public static final int RECOMMENDED = 0;
    public static final int NO_FIT = 1;
    public static final int INVALID = 2;

    /** Output formats. */
    public enum Format { table, json, config }

    @Option(names = "--dataset-gib", required = true, description = "Dataset size the shared file system must hold, GiB.")
    Double datasetGiB;

    @Option(names = "--read-mbps", required = true, description = "Aggregate read throughput the workload needs, MB/s.")
    Double readMBps;

    @Option(names = "--read-frequency", required = true, description = "How often the dataset is read: continuous, hourly, daily, weekly, monthly or once (a single pass).")
    String readFrequency;

    @Option(names = "--no-shared",
            description = "One pod (one node) reads the data alone, so an EBS gp3 volume is an option too. By default several pods share it.")
    boolean notShared;

    @Option(names = "--must-survive-failure", description = "The data must survive a file server (or Availability Zone) failure.")
    boolean mustSurviveFailure;

    @Option(names = "--checkpoint-gib", defaultValue = "0", description = "Size of one checkpoint, GiB (default: ${DEFAULT-VALUE}).")
    Double checkpointGiB;

    @Option(names = "--checkpoints-per-day", defaultValue = "0", description = "Checkpoints written a day (default: ${DEFAULT-VALUE}).")
    Double checkpointsPerDay;

    @Option(names = "--checkpoints-retained", defaultValue = "2", description = "Checkpoints kept on the file system (default: ${DEFAULT-VALUE}).")
    Integer checkpointsRetained;

    @Option(names = "--cold-gib", defaultValue = "0", description = "Cold data kept in S3 for occasional immediate reads, GiB (default: ${DEFAULT-VALUE}).")
    Double coldGiB;

    @Option(names = "--cold-read-gib-per-month", defaultValue = "0", description = "GiB read from the cold data a month (default: ${DEFAULT-VALUE}).")
    Double coldReadGiBPerMonth;

    @Option(names = "--archive-gib", defaultValue = "0", description = "Data archived for the long term, GiB (default: ${DEFAULT-VALUE}).")
    Double archiveGiB;

    @Option(names = "--archive-restore-gib-per-year", defaultValue = "0", description = "GiB restored from the archive a year (default: ${DEFAULT-VALUE}).")
    Double archiveRestoreGiBPerYear;

    @Option(names = "--region", defaultValue = "us-east-1", description = "AWS region whose prices apply (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--environment", defaultValue = "dev", description = "Environment written into the config snippet (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(names = "--format", defaultValue = "table", description = "table, json or config (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", description = "Write the recommendation to this file instead of stdout.")
    Path out;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public RecommendCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() {
        Recommendation recommendation;
        try {
            Workload workload = workload();
            RegionPrices prices = PriceBook.load().region(region); // workload() checked --region
            recommendation = Recommender.recommend(workload, prices);
        } catch (InvalidConfigException e) {
            stderr.println("strata recommend: invalid workload:");
            e.problems().forEach(problem -> stderr.println("  " + problem));
            return INVALID;
        } catch (Recommender.NoFitException e) {
            stderr.println("strata recommend: " + e.getMessage());
            return NO_FIT;
        }
        recommendation.requested().ifPresent(asked -> stderr.println("strata recommend: the workload cannot be met as given: "
                + asked.infeasibility().orElseThrow() + "; recommended for the closest feasible need, "
                + OptionSpace.gib(recommendation.workload().readMBps()) + " MB/s"));
        String rendered = switch (format) {
            case table -> RecommendationFormat.table(recommendation);
            case json -> RecommendationFormat.json(recommendation);
            case config -> RecommendationFormat.config(recommendation, environment);
        };
        if (out != null) {
            try {
                AtomicFile.write(out, rendered.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                stderr.println("strata recommend: --out " + Problems.bounded(out.toString()) + ": cannot write: " + FileErrors.reason(e)
                        + " (the previous file, if any, is unchanged)");
                return INVALID;
            }
        } else {
            stdout.print(rendered);
            stdout.flush();
        }
        return RECOMMENDED;
    }

    /** The workload from the options; every problem is reported at once, each naming its option. */
    Workload workload() {
        Problems problems = new Problems();
        Workload.check(problems, datasetGiB, readMBps, checkpointGiB, checkpointsPerDay, checkpointsRetained,
                coldGiB, coldReadGiBPerMonth, archiveGiB, archiveRestoreGiBPerYear);
        ReadFrequency frequency = ReadFrequency.parse(readFrequency).orElse(null);
        if (frequency == null) {
            problems.add("--read-frequency", readFrequency, "must be one of " + ReadFrequency.allowed());
        }
        PriceBook book = PriceBook.load();
        if (!book.regions().contains(region)) {
            problems.add("--region", region, "the price book has no prices for this region (it has "
                    + String.join(", ", book.regions()) + ")");
        }
        List<String> environments = Arrays.stream(Environment.values()).map(Environment::configValue).toList();
        if (!environments.contains(environment)) {
            problems.add("--environment", environment, "must be one of " + String.join(", ", environments));
        }
        problems.throwIfAny();
        return new Workload(datasetGiB, readMBps, frequency, !notShared, mustSurviveFailure, checkpointGiB, checkpointsPerDay,
                checkpointsRetained, coldGiB, coldReadGiBPerMonth, archiveGiB, archiveRestoreGiBPerYear);
    }
}

package dev.strata.cost.recommend;

import dev.strata.cost.CostLine;
import dev.strata.cost.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cheapest configuration that meets a workload: the file system for the dataset, the S3 class
 * of the cold data and of the archive (when the workload has any), and the runner-ups with the
 * reason each lost.
 */
public record Recommendation(String region, Workload workload, Evaluated<HotOption> hot,
                             Optional<Evaluated<String>> cold, Optional<Evaluated<String>> archive,
                             List<Alternative> alternatives) {
    public Recommendation {
        alternatives = List.copyOf(alternatives);
    }

    /**
     * A runner-up.
     *
     * @param part       {@code hot}, {@code cold} or {@code archive}
     * @param option     the option, described
     * @param monthlyUsd its monthly cost for that part, or null when it does not meet the workload
     * @param reason     why it lost: its extra cost, or the requirement it misses
     */
    public record Alternative(String part, String option, Double monthlyUsd, String reason) {
    }

    /** Every line of the recommended configuration. */
    public List<CostLine> lines() {
        List<CostLine> lines = new ArrayList<>(hot.lines());
        cold.ifPresent(c -> lines.addAll(c.lines()));
        archive.ifPresent(a -> lines.addAll(a.lines()));
        return lines;
    }

    public double monthlyUsd() {
        return Money.sum(lines().stream().map(CostLine::monthlyUsd).toList());
    }
}

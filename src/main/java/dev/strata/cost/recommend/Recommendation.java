package dev.strata.cost.recommend;

import dev.strata.cost.CostLine;
import dev.strata.cost.Money;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cheapest configuration that meets a workload: the file system for the dataset, the S3 class
 * of the cold data and of the archive (when the workload has any), and the runner-ups with the
 * reason each lost.
 *
 * @param workload  the workload recommended for: the one asked for, or its closest feasible one
 * @param requested the workload asked for when it could not be met as given ({@link Workload#infeasibility()}), else empty
 */
public record Recommendation(String region, Workload workload, Optional<Workload> requested, Evaluated<HotOption> hot,
                             Optional<Evaluated<String>> cold, Optional<Evaluated<String>> archive,
                             List<Alternative> alternatives) {
    public Recommendation {
        alternatives = List.copyOf(alternatives);
    }

    /**
     * The unconfirmed price items the choice rests on: those of each chosen option and of the cheapest
     * runner-up of its part (the comparison that decided it), e.g. SCRATCH_2 winning over SCRATCH_1 at an
     * assumed equal price. Empty when every price that decided the choice is confirmed.
     */
    public Set<String> unconfirmedDecidingItems() {
        Set<String> items = new TreeSet<>();
        lines().stream().filter(line -> !line.confirmed()).forEach(line -> items.add(line.item()));
        for (String part : List.of("hot", "cold", "archive")) {
            alternatives.stream().filter(a -> a.part().equals(part) && a.monthlyUsd() != null).findFirst()
                    .ifPresent(a -> items.addAll(a.unconfirmedItems()));
        }
        return items;
    }

    /**
     * A runner-up.
     *
     * @param part       {@code hot}, {@code cold} or {@code archive}
     * @param option     the option, described
     * @param monthlyUsd its monthly cost for that part, or null when it does not meet the workload
     * @param reason     why it lost: its extra cost, or the requirement it misses
     * @param unconfirmedItems the price items of its lines the price book has not confirmed
     */
    public record Alternative(String part, String option, Double monthlyUsd, String reason, List<String> unconfirmedItems) {
        public Alternative {
            unconfirmedItems = List.copyOf(unconfirmedItems);
        }
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

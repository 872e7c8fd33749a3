package dev.strata.cost.recommend;

import dev.strata.cost.CostLine;
import dev.strata.cost.Money;

import java.util.Comparator;
import java.util.List;

/**
 * An option priced and checked against a workload.
 *
 * @param option the option (a {@link HotOption} or an S3 storage class name)
 * @param reason why the option does not meet the workload, or null when it does
 * @param lines  its monthly cost lines
 */
public record Evaluated<T>(T option, String reason, List<CostLine> lines) {
    public Evaluated {
        lines = List.copyOf(lines);
    }

    public boolean valid() {
        return reason == null;
    }

    public double monthlyUsd() {
        return Money.sum(lines.stream().map(CostLine::monthlyUsd).toList());
    }

    /** Cheapest first; equal costs by the hot options' rank (persistent before scratch before EFS). */
    public static final Comparator<Evaluated<HotOption>> HOT_ORDER = Comparator
            .comparingDouble((Evaluated<HotOption> e) -> e.monthlyUsd())
            .thenComparingInt(e -> e.option().rank())
            .thenComparingInt(e -> e.option().size());

    /** Cheapest first; equal costs in the order the classes are listed. */
    public static Comparator<Evaluated<String>> classOrder(List<String> classes) {
        return Comparator.comparingDouble((Evaluated<String> e) -> e.monthlyUsd()).thenComparingInt(e -> classes.indexOf(e.option()));
    }
}

package dev.strata.cost.recommend;

import dev.strata.training.DeploymentType;

import dev.strata.cost.EbsPricing;
import dev.strata.efs.ThroughputMode;
import dev.strata.cost.RegionPrices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the cheapest configuration that meets a workload, over the whole {@link OptionSpace}.
 *
 * <p>The parts are independent (the file system, the cold class and the archive class), so each is
 * chosen on its own. Within a family the cost only grows with size (FSx capacity, EFS provisioned
 * throughput), so the cheapest valid member of a family is its smallest valid size, found directly;
 * every family (each FSx deployment type at each per-unit throughput, each EFS throughput mode, each
 * S3 class) is then compared. The tests check this against a brute-force scan of every combination.
 */
public final class Recommender {
    private Recommender() {
    }

    /**
     * The recommendation for {@code requested}; a workload that cannot be met as given (a pass over the
     * dataset takes longer than its read period) is recommended for at its closest feasible need, and the
     * recommendation says so ({@link Recommendation#requested()}).
     */
    public static Recommendation recommend(Workload requested, RegionPrices prices) {
        Workload workload = requested.closestFeasible();
        List<Evaluated<HotOption>> families = hotFamilies(workload, prices);
        Evaluated<HotOption> hot = families.stream().filter(Evaluated::valid).min(Evaluated.HOT_ORDER)
                .orElseThrow(() -> new NoFitException(families));
        List<Recommendation.Alternative> alternatives = new ArrayList<>();
        families.stream().filter(e -> e != hot).sorted(byValidThenCost()).forEach(e -> alternatives.add(
                alternative("hot", e.option().describe(), e, hot.monthlyUsd())));

        Optional<Evaluated<String>> cold = Optional.empty();
        if (workload.coldGiB() > 0) {
            List<Evaluated<String>> classes = OptionSpace.COLD_CLASSES.stream()
                    .map(c -> OptionSpace.evaluateCold(workload, prices, c)).toList();
            cold = classes.stream().filter(Evaluated::valid).min(Evaluated.classOrder(OptionSpace.COLD_CLASSES));
            Evaluated<String> chosen = cold.orElseThrow();
            classes.stream().filter(e -> e != chosen).sorted(byValidThenCostOfClasses()).forEach(e ->
                    alternatives.add(alternative("cold", "S3 " + e.option(), e, chosen.monthlyUsd())));
        }
        Optional<Evaluated<String>> archive = Optional.empty();
        if (workload.archiveGiB() > 0) {
            List<Evaluated<String>> classes = OptionSpace.ARCHIVE_CLASSES.stream()
                    .map(c -> OptionSpace.evaluateArchive(workload, prices, c)).toList();
            archive = classes.stream().filter(Evaluated::valid).min(Evaluated.classOrder(OptionSpace.ARCHIVE_CLASSES));
            Evaluated<String> chosen = archive.orElseThrow();
            classes.stream().filter(e -> e != chosen).sorted(byValidThenCostOfClasses()).forEach(e ->
                    alternatives.add(alternative("archive", "S3 " + e.option(), e, chosen.monthlyUsd())));
        }
        return new Recommendation(prices.region(), workload, workload == requested ? Optional.empty() : Optional.of(requested),
                hot, cold, archive, alternatives);
    }

    /**
     * The cheapest member of every hot family: each FSx type at each throughput at its smallest valid
     * capacity, and each EFS mode (Provisioned at the least throughput that meets the need). A family
     * with no member in the space is reported with the reason.
     */
    static List<Evaluated<HotOption>> hotFamilies(Workload workload, RegionPrices prices) {
        List<Evaluated<HotOption>> families = new ArrayList<>();
        double need = OptionSpace.neededMBps(workload);
        for (DeploymentType type : DeploymentType.values()) {
            for (int throughput : type.throughputChoices()) {
                int capacity = type.smallestCapacityAtLeast(Math.max(workload.requiredGiB(), need * 1000 / throughput));
                Evaluated<HotOption> evaluated = OptionSpace.evaluate(workload, prices, new HotOption.Fsx(type, throughput, capacity));
                // Guard against floating-point edges: step up until the capacity serves the need.
                while (!evaluated.valid() && capacity <= OptionSpace.MAX_FSX_CAPACITY_GIB && !failsOnDurability(workload, type)) {
                    capacity = type.smallestCapacityAtLeast(capacity + 1);
                    evaluated = OptionSpace.evaluate(workload, prices, new HotOption.Fsx(type, throughput, capacity));
                }
                if (capacity > OptionSpace.MAX_FSX_CAPACITY_GIB && !failsOnDurability(workload, type)) {
                    HotOption.Fsx largest = new HotOption.Fsx(type, throughput, type.smallestCapacityAtLeast(capacity));
                    evaluated = new Evaluated<>(largest, "needs " + OptionSpace.gib(capacity) + " GiB, beyond the searched maximum of "
                            + OptionSpace.gib(OptionSpace.MAX_FSX_CAPACITY_GIB) + " GiB", evaluated.lines());
                }
                families.add(evaluated);
            }
        }
        families.add(OptionSpace.evaluate(workload, prices, new HotOption.Efs(ThroughputMode.ELASTIC, 0)));
        families.add(OptionSpace.evaluate(workload, prices, new HotOption.Efs(ThroughputMode.BURSTING, 0)));
        double metered = OptionSpace.meteredMBps(workload);
        double baseline = dev.strata.cost.EfsPricing.baselineMBps(workload.requiredGiB());
        int provisioned = baseline >= metered ? 1 : (int) Math.ceil(metered);
        if (provisioned > ThroughputMode.MAX_PROVISIONED_MBPS) {
            HotOption.Efs max = new HotOption.Efs(ThroughputMode.PROVISIONED, (int) ThroughputMode.MAX_PROVISIONED_MBPS);
            families.add(new Evaluated<>(max, "needs " + OptionSpace.mbps(metered) + " MB/s as EFS meters it, above the "
                    + OptionSpace.mbps(ThroughputMode.MAX_PROVISIONED_MBPS) + " MB/s EFS can provision",
                    OptionSpace.evaluate(workload, prices, max).lines()));
        } else {
            families.add(OptionSpace.evaluate(workload, prices, new HotOption.Efs(ThroughputMode.PROVISIONED, provisioned)));
        }
        // EBS gp3 at the least throughput that meets the need (capped at its maximum, which then says why it falls short).
        int ebsMBps = (int) Math.min(EbsPricing.MAX_MBPS, Math.max(EbsPricing.INCLUDED_MBPS, Math.ceil(need)));
        families.add(OptionSpace.evaluate(workload, prices, OptionSpace.ebs(workload, ebsMBps)));
        return families;
    }

    private static boolean failsOnDurability(Workload workload, DeploymentType type) {
        return workload.mustSurviveFailure() && !type.survivesServerFailure();
    }

    private static Comparator<Evaluated<HotOption>> byValidThenCost() {
        return Comparator.comparing((Evaluated<HotOption> e) -> !e.valid()).thenComparing(Evaluated.HOT_ORDER);
    }

    private static Comparator<Evaluated<String>> byValidThenCostOfClasses() {
        return Comparator.comparing((Evaluated<String> e) -> !e.valid()).thenComparingDouble(Evaluated::monthlyUsd);
    }

    private static Recommendation.Alternative alternative(String part, String option, Evaluated<?> e, double winnerUsd) {
        List<String> unconfirmed = e.lines().stream().filter(line -> !line.confirmed()).map(dev.strata.cost.CostLine::item)
                .distinct().toList();
        if (!e.valid()) {
            return new Recommendation.Alternative(part, option, null, e.reason(), unconfirmed);
        }
        double extra = e.monthlyUsd() - winnerUsd;
        String reason = extra > 0 ? "costs " + OptionSpace.usd(extra) + " more a month"
                : "costs the same; the recommended option ranks first on a tie (persistent before scratch before EFS before EBS)";
        return new Recommendation.Alternative(part, option, e.monthlyUsd(), reason, unconfirmed);
    }

    /** No option of the space meets the workload; the message gives each family's reason. */
    public static final class NoFitException extends IllegalArgumentException {
        NoFitException(List<Evaluated<HotOption>> families) {
            super("no file system in the searched space meets the workload:\n" + String.join("\n",
                    families.stream().map(e -> "  " + e.option().family() + ": " + e.reason()).toList()));
        }
    }
}

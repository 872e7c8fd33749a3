package dev.strata.cost.recommend;

import dev.strata.training.DeploymentType;

import dev.strata.efs.ThroughputMode;
import dev.strata.cost.PriceBook;
import dev.strata.cost.RegionPrices;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecommenderTest {
    private static final RegionPrices PRICES = PriceBook.load().region("us-east-1");

    static Workload workload(double datasetGiB, double readMBps, ReadFrequency frequency, boolean survive,
                             double checkpointGiB, double checkpointsPerDay, double coldGiB, double coldRead,
                             double archiveGiB, double archiveRestore) {
        return workload(datasetGiB, readMBps, frequency, true, survive, checkpointGiB, checkpointsPerDay, coldGiB, coldRead,
                archiveGiB, archiveRestore);
    }

    static Workload workload(double datasetGiB, double readMBps, ReadFrequency frequency, boolean shared, boolean survive,
                             double checkpointGiB, double checkpointsPerDay, double coldGiB, double coldRead,
                             double archiveGiB, double archiveRestore) {
        return new Workload(datasetGiB, readMBps, frequency, shared, survive, checkpointGiB, checkpointsPerDay, 2,
                coldGiB, coldRead, archiveGiB, archiveRestore);
    }

    /** The optimum found by scanning every combination of the option space, with no shortcut. */
    record BruteForce(Evaluated<HotOption> hot, Evaluated<String> cold, Evaluated<String> archive, double monthlyUsd) {
    }

    static BruteForce bruteForce(Workload w) {
        List<Evaluated<HotOption>> hots = new ArrayList<>();
        for (HotOption option : OptionSpace.allHotOptions(w)) {
            Evaluated<HotOption> e = OptionSpace.evaluate(w, PRICES, option);
            if (e.valid()) {
                hots.add(e);
            }
        }
        List<Evaluated<String>> colds = new ArrayList<>();
        if (w.coldGiB() > 0) {
            OptionSpace.COLD_CLASSES.forEach(c -> colds.add(OptionSpace.evaluateCold(w, PRICES, c)));
        } else {
            colds.add(null);
        }
        List<Evaluated<String>> archives = new ArrayList<>();
        if (w.archiveGiB() > 0) {
            OptionSpace.ARCHIVE_CLASSES.forEach(c -> archives.add(OptionSpace.evaluateArchive(w, PRICES, c)));
        } else {
            archives.add(null);
        }
        BruteForce best = null;
        Comparator<Evaluated<HotOption>> hotOrder = Evaluated.HOT_ORDER;
        for (Evaluated<HotOption> hot : hots) {
            for (Evaluated<String> cold : colds) {
                if (cold != null && !cold.valid()) {
                    continue;
                }
                for (Evaluated<String> archive : archives) {
                    double total = hot.monthlyUsd() + (cold == null ? 0 : cold.monthlyUsd()) + (archive == null ? 0 : archive.monthlyUsd());
                    total = Math.round(total * 10_000) / 10_000.0;
                    if (best == null || total < best.monthlyUsd() - 1e-9
                            || (Math.abs(total - best.monthlyUsd()) < 1e-9 && tieBreak(hot, cold, archive, best, hotOrder) < 0)) {
                        best = new BruteForce(hot, cold, archive, total);
                    }
                }
            }
        }
        return best;
    }

    private static int tieBreak(Evaluated<HotOption> hot, Evaluated<String> cold, Evaluated<String> archive, BruteForce best,
                                Comparator<Evaluated<HotOption>> hotOrder) {
        int byHot = hotOrder.compare(hot, best.hot());
        if (byHot != 0) {
            return byHot;
        }
        if (cold != null) {
            int byCold = Evaluated.classOrder(OptionSpace.COLD_CLASSES).compare(cold, best.cold());
            if (byCold != 0) {
                return byCold;
            }
        }
        return archive == null ? 0 : Evaluated.classOrder(OptionSpace.ARCHIVE_CLASSES).compare(archive, best.archive());
    }

    @Test
    void recommendEqualsTheBruteForceOptimumOnAGridOfWorkloads() {
        int checked = 0;
        for (double dataset : new double[]{100, 1_150, 2_401, 9_000, 60_000}) {
            for (double mbps : new double[]{20, 240, 1_000, 5_000, 40_000}) {
                for (ReadFrequency frequency : new ReadFrequency[]{ReadFrequency.CONTINUOUS, ReadFrequency.DAILY, ReadFrequency.MONTHLY}) {
                    for (boolean survive : new boolean[]{false, true}) {
                        for (double checkpoint : new double[]{0, 200}) {
                          for (boolean shared : new boolean[]{true, false}) {
                            Workload w = workload(dataset, mbps, frequency, shared, survive, checkpoint, checkpoint > 0 ? 6 : 0,
                                    dataset * 3, dataset / 10, checkpoint > 0 ? 50_000 : 0, 2_000);
                            Recommendation actual = Recommender.recommend(w, PRICES);
                            // A workload that cannot be met as given is recommended for at its closest feasible need.
                            assertThat(actual.workload()).isEqualTo(w.closestFeasible());
                            assertThat(actual.requested().isPresent()).isEqualTo(w.infeasibility().isPresent());
                            BruteForce expected = bruteForce(actual.workload());
                            assertThat(actual.monthlyUsd()).as("%s", w).isEqualTo(expected.monthlyUsd());
                            assertThat(actual.hot().option()).as("%s", w).isEqualTo(expected.hot().option());
                            assertThat(actual.cold().orElse(null)).as("%s", w).isEqualTo(expected.cold());
                            assertThat(actual.archive().orElse(null)).as("%s", w).isEqualTo(expected.archive());
                            checked++;
                          }
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(600);
    }

    @Test
    void aSmallShortLivedDatasetGoesToTheSmallestScratchFileSystem() {
        // 1,000 GiB at 200 MB/s, read daily, may be lost: SCRATCH_2 1,200 GiB serves 1.2 x 200 = 240 MB/s for 1,200 x $0.140 = $168.00.
        Recommendation r = Recommender.recommend(workload(1_000, 200, ReadFrequency.DAILY, false, 0, 0, 0, 0, 0, 0), PRICES);
        assertThat(r.hot().option()).isEqualTo(new HotOption.Fsx(DeploymentType.SCRATCH_2, 200, 1_200));
        assertThat(r.monthlyUsd()).isEqualTo(168.00);
        // SCRATCH_1 bills the same rate: it loses the tie to SCRATCH_2, and says so.
        assertThat(r.alternatives()).anySatisfy(a -> {
            assertThat(a.option()).startsWith("FSx for Lustre SCRATCH_1, 1200 GiB");
            assertThat(a.reason()).startsWith("costs the same");
        });
        assertThat(r.cold()).isEmpty();
        assertThat(r.archive()).isEmpty();
    }

    @Test
    void durableFastDataTakesTheCheapestPersistentThroughputNotTheFirstThreshold() {
        // 2,000 GiB at 1,000 MB/s, must survive. PERSISTENT_2: 2,400 GiB x 500 = 1,200 MB/s for 2,400 x $0.340 = $816.00,
        // cheaper than 4,800 GiB x 250 (= $1,008.00) or 2,400 GiB x 1,000 (= $1,440.00).
        Recommendation r = Recommender.recommend(workload(2_000, 1_000, ReadFrequency.DAILY, true, 0, 0, 0, 0, 0, 0), PRICES);
        assertThat(r.hot().option()).isEqualTo(new HotOption.Fsx(DeploymentType.PERSISTENT_2, 500, 2_400));
        assertThat(r.monthlyUsd()).isEqualTo(816.00);
        assertThat(r.alternatives()).filteredOn(a -> a.option().contains("SCRATCH")).allSatisfy(a -> {
            assertThat(a.monthlyUsd()).isNull();
            assertThat(a.reason()).contains("does not survive a file server failure");
        });
    }

    @Test
    void aSlowMonthlyReadIsCheapestOnBurstingEfs() {
        // 500 GiB read monthly at 10 MB/s: metered 10/3 = 3.3 MB/s <= 500 x 0.05 = 25 MB/s baseline.
        // EFS bursting: 500 x $0.30 = $150.00, less than any FSx (>= 1,200 x $0.140 = $168.00).
        Recommendation r = Recommender.recommend(workload(500, 10, ReadFrequency.MONTHLY, true, 0, 0, 0, 0, 0, 0), PRICES);
        assertThat(r.hot().option()).isEqualTo(new HotOption.Efs(ThroughputMode.BURSTING, 0));
        assertThat(r.monthlyUsd()).isEqualTo(150.00);
    }

    @Test
    void dataOneNodeReadsAloneCanSitOnAGp3Volume() {
        // 500 GiB at 300 MB/s, not shared: gp3 500 GiB (500 x $0.08 = $40.00) with 300 MB/s ((300 - 125) x $0.04 = $7.00)
        // and the 3,000 included IOPS (300 x 4 = 1,200 needed): $47.00, below any shared file system.
        Recommendation alone = Recommender.recommend(workload(500, 300, ReadFrequency.DAILY, false, true, 0, 0, 0, 0, 0, 0), PRICES);
        assertThat(alone.hot().option()).isEqualTo(new HotOption.Ebs(300, 3_000, 500));
        assertThat(alone.monthlyUsd()).isEqualTo(47.00);
        // At 1,000 MB/s it needs 4,000 IOPS: 40.00 + (4,000 - 3,000) x $0.005 = 5.00 + (1,000 - 125) x $0.04 = 35.00 -> $80.00.
        Recommendation fast = Recommender.recommend(workload(500, 1_000, ReadFrequency.DAILY, false, true, 0, 0, 0, 0, 0, 0), PRICES);
        assertThat(fast.hot().option()).isEqualTo(new HotOption.Ebs(1_000, 4_000, 500));
        assertThat(fast.monthlyUsd()).isEqualTo(80.00);
        // Shared, the volume is out, and says why.
        Recommendation shared = Recommender.recommend(workload(500, 300, ReadFrequency.DAILY, true, true, 0, 0, 0, 0, 0, 0), PRICES);
        assertThat(shared.hot().option()).isNotInstanceOf(HotOption.Ebs.class);
        assertThat(shared.alternatives()).filteredOn(a -> a.option().startsWith("EBS gp3")).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("attaches to one node (ReadWriteOnce)"));
    }

    @Test
    void coldAndArchiveClassesFollowTheirReads() {
        // Cold 10,000 GiB read 5,000 GiB a month: ONEZONE_IA 10,000 x 0.01 + 5,000 x 0.01 = $150.00 (the data may be lost);
        // STANDARD_IA 10,000 x 0.0125 + 5,000 x 0.01 = $175.00; GLACIER_IR 10,000 x 0.004 + 5,000 x 0.03 = $190.00;
        // STANDARD 10,000 x 0.023 = $230.00.
        // Archive 100,000 GiB, 12,000 GiB restored a year (1,000 a month): DEEP_ARCHIVE 100,000 x 0.00099 + 1,000 x 0.02 = $119.00.
        Recommendation r = Recommender.recommend(workload(1_000, 200, ReadFrequency.DAILY, false, 0, 0,
                10_000, 5_000, 100_000, 12_000), PRICES);
        assertThat(r.cold().orElseThrow().option()).isEqualTo("ONEZONE_IA");
        assertThat(r.cold().orElseThrow().monthlyUsd()).isEqualTo(150.00);
        assertThat(r.alternatives()).filteredOn(a -> a.part().equals("cold")).extracting(a -> a.option(), a -> a.monthlyUsd())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S3 STANDARD_IA", 175.00),
                        org.assertj.core.groups.Tuple.tuple("S3 GLACIER_IR", 190.00),
                        org.assertj.core.groups.Tuple.tuple("S3 STANDARD", 230.00));
        assertThat(r.archive().orElseThrow().option()).isEqualTo("DEEP_ARCHIVE");
        assertThat(r.archive().orElseThrow().monthlyUsd()).isEqualTo(119.00);
        assertThat(r.monthlyUsd()).isEqualTo(168.00 + 150.00 + 119.00);
    }

    @Test
    void aPassLongerThanTheReadPeriodIsInfeasibleAndTheClosestFeasibleNeedReadsInTime() {
        // 24,000 GiB daily at 100 MB/s: 24,000 x 1,073.741824 / 100 = 257,698 s = 71.6 hours (3.0 days) a pass, more than a day.
        Workload slow = workload(24_000, 100, ReadFrequency.DAILY, false, 0, 0, 0, 0, 0, 0);
        assertThat(slow.infeasibility()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("reading 24,000 GiB at 100.0 MB/s takes 3.0 days a pass, longer than the 24.0 hours between daily reads")
                .endsWith("needs at least 299 MB/s (or, at 100.0 MB/s, --read-frequency continuous)"));
        // 25,769,803.8 MB / 86,400 s = 298.3 MB/s: the least whole MB/s is 299, and a pass then fits the day.
        assertThat(slow.closestFeasible().readMBps()).isEqualTo(299.0);
        assertThat(slow.closestFeasible().infeasibility()).isEmpty();
        assertThat(slow.closestFeasible().passHours()).isLessThanOrEqualTo(24.0);
        // Continuous and once have no period: never infeasible for time.
        assertThat(workload(24_000, 1, ReadFrequency.CONTINUOUS, false, 0, 0, 0, 0, 0, 0).infeasibility()).isEmpty();
        assertThat(workload(24_000, 1, ReadFrequency.ONCE, false, 0, 0, 0, 0, 0, 0).infeasibility()).isEmpty();
        assertThat(ReadFrequency.ONCE.gibReadPerMonth(24_000, 1)).isEqualTo(24_000.0);
    }

    @Test
    void aWorkloadBeyondEveryOptionIsReportedFamilyByFamily() {
        // 300 GB/s must survive: PERSISTENT_2 at 1,000 needs 300,000 GiB, past the 240,000 GiB searched; EFS tops out lower.
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        Recommender.recommend(workload(1_000, 300_000, ReadFrequency.CONTINUOUS, true, 0, 0, 0, 0, 0, 0), PRICES))
                .isInstanceOf(Recommender.NoFitException.class)
                .hasMessageContaining("FSx PERSISTENT_2 at 1000 MB/s/TiB: needs 300,000 GiB, beyond the searched maximum of 240,000 GiB")
                .hasMessageContaining("FSx SCRATCH_2: SCRATCH_2 does not survive a file server failure")
                .hasMessageContaining("EFS elastic: Elastic reads top out at");
    }
}

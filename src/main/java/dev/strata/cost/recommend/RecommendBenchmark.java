package dev.strata.cost.recommend;

import dev.strata.cost.PriceBook;
import dev.strata.cost.RegionPrices;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long {@code strata recommend} takes over the full option space (a benchmark, not a test):
 * <pre>mvn -q -B compile exec:java -DmainClass=dev.strata.cost.recommend.RecommendBenchmark</pre>
 * (the pom binds exec's main class to the {@code mainClass} property, so that is the one to set).
 * It times {@link Recommender#recommend} on a spread of workloads after a warm-up, and, for scale,
 * an exhaustive scan that prices every option of {@link OptionSpace} one by one.
 */
public final class RecommendBenchmark {
    private RecommendBenchmark() {
    }

    public static void main(String[] args) {
        RegionPrices prices = PriceBook.load().region("us-east-1");
        List<Workload> workloads = new ArrayList<>();
        for (double dataset : new double[]{100, 2_000, 50_000, 200_000}) {
            for (double mbps : new double[]{50, 1_000, 20_000}) {
                for (boolean survive : new boolean[]{false, true}) {
                    for (boolean shared : new boolean[]{true, false}) {
                        workloads.add(new Workload(dataset, mbps, ReadFrequency.DAILY, shared, survive, 100, 4, 2,
                                dataset * 5, dataset / 2, dataset * 20, dataset));
                    }
                }
            }
        }
        List<HotOption> space = OptionSpace.allHotOptions(workloads.get(0));
        int s3Options = OptionSpace.COLD_CLASSES.size() + OptionSpace.ARCHIVE_CLASSES.size();

        // The first call in a fresh JVM: what one `strata recommend` run pays.
        long firstStart = System.nanoTime();
        Recommender.recommend(workloads.get(workloads.size() - 1), prices);
        double firstMs = (System.nanoTime() - firstStart) / 1e6;

        // Warm-up: let the JIT compile the paths before timing.
        for (int i = 0; i < 200; i++) {
            recommendAll(workloads, prices);
        }
        int runs = 200;
        long start = System.nanoTime();
        int fits = 0;
        for (int i = 0; i < runs; i++) {
            fits = recommendAll(workloads, prices);
        }
        double perRecommendMs = (System.nanoTime() - start) / 1e6 / runs / workloads.size();

        long coldStart = System.nanoTime();
        Recommender.recommend(workloads.get(workloads.size() - 1), prices);
        double singleMs = (System.nanoTime() - coldStart) / 1e6;

        long scanStart = System.nanoTime();
        int priced = 0;
        for (Workload workload : workloads) {
            for (HotOption option : OptionSpace.allHotOptions(workload)) {
                OptionSpace.evaluate(workload, prices, option);
                priced++;
            }
            for (String storageClass : OptionSpace.COLD_CLASSES) {
                OptionSpace.evaluateCold(workload, prices, storageClass);
                priced++;
            }
            for (String storageClass : OptionSpace.ARCHIVE_CLASSES) {
                OptionSpace.evaluateArchive(workload, prices, storageClass);
                priced++;
            }
        }
        double scanMs = (System.nanoTime() - scanStart) / 1e6 / workloads.size();

        System.out.printf(Locale.ROOT, "strata recommend benchmark (%s)%n", prices.region());
        System.out.printf(Locale.ROOT, "  option space: %,d file-system options (every FSx type x capacity up to %,d GiB x per-unit throughput,"
                + " EFS elastic, bursting, provisioned 1-3414 MB/s, EBS gp3 125-1000 MB/s) + %d S3 classes%n", space.size(), OptionSpace.MAX_FSX_CAPACITY_GIB, s3Options);
        System.out.printf(Locale.ROOT, "  workloads: %d (%d met by some option)%n", workloads.size(), fits);
        System.out.printf(Locale.ROOT, "  recommend, first call (cold JVM):  %.3f ms%n", firstMs);
        System.out.printf(Locale.ROOT, "  recommend, one call after warm-up: %.3f ms%n", singleMs);
        System.out.printf(Locale.ROOT, "  recommend, warm mean:              %.3f ms per workload (%,d calls)%n", perRecommendMs, runs * workloads.size());
        System.out.printf(Locale.ROOT, "  exhaustive scan of every option:   %.1f ms per workload (%,d options priced in all)%n", scanMs, priced);
    }

    private static int recommendAll(List<Workload> workloads, RegionPrices prices) {
        int fits = 0;
        for (Workload workload : workloads) {
            try {
                Recommender.recommend(workload, prices);
                fits++;
            } catch (Recommender.NoFitException e) {
                // counted as not met
            }
        }
        return fits;
    }
}

package dev.strata.cost.recommend;

import dev.strata.training.DeploymentType;

import dev.strata.cost.CostLine;
import dev.strata.cost.EbsPricing;
import dev.strata.cost.EfsPricing;
import dev.strata.cost.EfsStorageClass;
import dev.strata.efs.ThroughputMode;
import dev.strata.cost.FsxPricing;
import dev.strata.cost.Money;
import dev.strata.cost.RegionPrices;
import dev.strata.cost.S3Pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every option {@code strata recommend} chooses from, and how each is priced and checked.
 *
 * <p>The space: every FSx for Lustre SSD deployment type with every valid capacity up to
 * {@link #MAX_FSX_CAPACITY_GIB} and every per-unit throughput it takes; EFS in each throughput mode
 * (Provisioned at every whole MB/s up to the EFS maximum); an EBS gp3 volume at every whole MB/s from
 * 125 to 1,000 (the one option a single node reads alone); S3 classes with immediate reads for the
 * cold data; S3 archive classes for the archive. S3 Intelligent-Tiering is not searched: its cost
 * depends on object counts and access patterns a workload does not state.
 */
public final class OptionSpace {
    /** The searched maximum FSx capacity: 100 steps of 2,400 GiB (234 TiB). Larger datasets go to EFS. */
    public static final int MAX_FSX_CAPACITY_GIB = 240_000;
    /** S3 classes for cold data, which must stay readable at once. */
    public static final List<String> COLD_CLASSES = List.of("STANDARD", "STANDARD_IA", "ONEZONE_IA", "GLACIER_IR");
    /** S3 classes for archive data. */
    public static final List<String> ARCHIVE_CLASSES = List.of("GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

    static final String COMPONENT = "training";

    private OptionSpace() {
    }

    /**
     * Every hot option of the space for this workload: FSx, then EFS, then EBS gp3 at every whole
     * MB/s from 125 to 1,000 (each at the least IOPS and size that throughput and the data need,
     * since more of either only costs more).
     */
    public static List<HotOption> allHotOptions(Workload workload) {
        List<HotOption> options = new ArrayList<>();
        for (DeploymentType type : DeploymentType.values()) {
            for (int throughput : type.throughputChoices()) {
                for (int capacity : type.capacitiesUpTo(MAX_FSX_CAPACITY_GIB)) {
                    options.add(new HotOption.Fsx(type, throughput, capacity));
                }
            }
        }
        options.add(new HotOption.Efs(ThroughputMode.ELASTIC, 0));
        options.add(new HotOption.Efs(ThroughputMode.BURSTING, 0));
        for (int mbps = 1; mbps <= (int) ThroughputMode.MAX_PROVISIONED_MBPS; mbps++) {
            options.add(new HotOption.Efs(ThroughputMode.PROVISIONED, mbps));
        }
        for (int mbps = EbsPricing.INCLUDED_MBPS; mbps <= EbsPricing.MAX_MBPS; mbps++) {
            options.add(ebs(workload, mbps));
        }
        return options;
    }

    /** The gp3 volume serving {@code mbps} with the least IOPS and size that allow it and hold the data. */
    static HotOption.Ebs ebs(Workload workload, int mbps) {
        int iops = EbsPricing.iopsFor(mbps);
        return new HotOption.Ebs(mbps, iops, EbsPricing.sizeFor(workload.requiredGiB(), iops));
    }

    /** The throughput the file system must serve: the reads plus the average checkpoint writes, MB/s. */
    static double neededMBps(Workload workload) {
        return workload.readMBps() + workload.averageWriteMBps();
    }

    /** What EFS meters against a Bursting baseline or a Provisioned amount: reads count a third. */
    static double meteredMBps(Workload workload) {
        return workload.readMBps() * ThroughputMode.READ_METERING + workload.averageWriteMBps();
    }

    /** Prices {@code option} for the workload and says why it falls short, if it does. */
    public static Evaluated<HotOption> evaluate(Workload workload, RegionPrices prices, HotOption option) {
        if (option instanceof HotOption.Fsx fsx) {
            return evaluateFsx(workload, prices, fsx);
        }
        if (option instanceof HotOption.Ebs ebs) {
            return evaluateEbs(workload, prices, ebs);
        }
        return evaluateEfs(workload, prices, (HotOption.Efs) option);
    }

    private static Evaluated<HotOption> evaluateFsx(Workload workload, RegionPrices prices, HotOption.Fsx option) {
        List<CostLine> lines = List.of(FsxPricing.storage(prices, COMPONENT, "hot", option.type(), option.mbpsPerTiB(), option.capacityGiB()));
        double served = DeploymentType.throughputMBps(option.capacityGiB(), option.mbpsPerTiB());
        String reason = null;
        if (workload.mustSurviveFailure() && !option.type().survivesServerFailure()) {
            reason = option.type() + " does not survive a file server failure (scratch data is not replicated)";
        } else if (option.capacityGiB() < workload.requiredGiB()) {
            reason = option.capacityGiB() + " GiB holds less than the " + gib(workload.requiredGiB()) + " GiB needed";
        } else if (served < neededMBps(workload)) {
            reason = option.capacityGiB() + " GiB serves " + mbps(served) + " MB/s, less than the " + mbps(neededMBps(workload)) + " MB/s needed";
        }
        return new Evaluated<>(option, reason, lines);
    }

    private static Evaluated<HotOption> evaluateEbs(Workload workload, RegionPrices prices, HotOption.Ebs option) {
        boolean fits = option.sizeGiB() <= EbsPricing.MAX_SIZE_GIB;
        List<CostLine> lines = fits
                ? EbsPricing.gp3(prices, COMPONENT, "hot", option.sizeGiB(), option.iops(), option.throughputMBps()) : List.of();
        String reason = null;
        if (workload.shared()) {
            reason = "an EBS volume attaches to one node (ReadWriteOnce), and several pods must share the data";
        } else if (!fits) {
            reason = "a gp3 volume holds at most " + gib(EbsPricing.MAX_SIZE_GIB) + " GiB; the data needs " + gib(workload.requiredGiB());
        } else if (option.throughputMBps() < neededMBps(workload)) {
            reason = option.throughputMBps() + " MB/s is less than the " + mbps(neededMBps(workload)) + " MB/s needed"
                    + (option.throughputMBps() == EbsPricing.MAX_MBPS ? " (a gp3 volume serves at most 1,000 MB/s)" : "");
        }
        return new Evaluated<>(option, reason, lines);
    }

    private static Evaluated<HotOption> evaluateEfs(Workload workload, RegionPrices prices, HotOption.Efs option) {
        double storedGiB = workload.requiredGiB();
        List<CostLine> lines = new ArrayList<>();
        lines.add(EfsPricing.storage(prices, COMPONENT, "hot", EfsStorageClass.STANDARD, option.mode(), storedGiB));
        double baseline = EfsPricing.baselineMBps(storedGiB);
        double metered = meteredMBps(workload);
        String reason = null;
        switch (option.mode()) {
            case ELASTIC -> {
                lines.add(EfsPricing.elasticReads(prices, COMPONENT, "hot", workload.gibReadPerMonth()));
                if (workload.checkpointGiBPerMonth() > 0) {
                    lines.add(EfsPricing.elasticWrites(prices, COMPONENT, "hot", workload.checkpointGiBPerMonth()));
                }
                if (workload.readMBps() > ThroughputMode.MAX_ELASTIC_READ_MBPS) {
                    reason = "Elastic reads top out at " + mbps(ThroughputMode.MAX_ELASTIC_READ_MBPS) + " MB/s per file system";
                }
            }
            case BURSTING -> {
                if (metered > baseline) {
                    reason = gib(storedGiB) + " GiB of Standard storage earns " + mbps(baseline) + " MB/s; the workload needs "
                            + mbps(metered) + " MB/s as EFS meters it (reads count a third)";
                }
            }
            case PROVISIONED -> {
                lines.add(EfsPricing.provisionedThroughput(prices, COMPONENT, "hot", option.provisionedMBps(), storedGiB));
                if (Math.max(option.provisionedMBps(), baseline) < metered) {
                    reason = option.provisionedMBps() + " MB/s provisioned is less than the " + mbps(metered)
                            + " MB/s the workload needs as EFS meters it (reads count a third)";
                }
            }
        }
        return new Evaluated<>(option, reason, lines);
    }

    /** Prices {@code gib} of cold data in {@code storageClass}, with the month's reads. */
    public static Evaluated<String> evaluateCold(Workload workload, RegionPrices prices, String storageClass) {
        List<CostLine> lines = new ArrayList<>();
        lines.add(S3Pricing.storage(prices, COMPONENT, "cold", storageClass, workload.coldGiB()));
        if (workload.coldReadGiBPerMonth() > 0) {
            lines.add(S3Pricing.retrieval(prices, COMPONENT, "cold", storageClass, workload.coldReadGiBPerMonth()));
        }
        String reason = workload.mustSurviveFailure() && storageClass.equals("ONEZONE_IA")
                ? "ONEZONE_IA keeps the data in one Availability Zone, and the workload must survive a failure" : null;
        return new Evaluated<>(storageClass, reason, lines);
    }

    /** Prices the archive in {@code storageClass}, with a twelfth of the year's restores each month. */
    public static Evaluated<String> evaluateArchive(Workload workload, RegionPrices prices, String storageClass) {
        List<CostLine> lines = new ArrayList<>();
        lines.add(S3Pricing.storage(prices, COMPONENT, "archive", storageClass, workload.archiveGiB()));
        if (workload.archiveRestoreGiBPerYear() > 0) {
            lines.add(S3Pricing.retrieval(prices, COMPONENT, "archive", storageClass, workload.archiveRestoreGiBPerYear() / 12));
        }
        return new Evaluated<>(storageClass, null, lines);
    }

    static String gib(double gib) {
        return gib == Math.rint(gib) ? String.format(Locale.ROOT, "%,d", (long) gib) : String.format(Locale.ROOT, "%,.1f", gib);
    }

    static String mbps(double mbps) {
        return String.format(Locale.ROOT, "%,.1f", mbps);
    }

    static String usd(double usd) {
        return Money.usd(usd);
    }
}

package dev.strata.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * EBS gp3 cost lines and limits. A gp3 volume includes 3,000 IOPS and 125 MB/s; more of either is
 * billed per IOPS-month and MB/s-month. Limits ("General Purpose SSD volumes",
 * https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html): 1 GiB to 16 TiB, up to
 * 16,000 IOPS at most 500 IOPS per GiB, up to 1,000 MiB/s at most 0.25 MiB/s per provisioned IOPS.
 * A volume attaches to one node (ReadWriteOnce), replicated within its Availability Zone.
 */
public final class EbsPricing {
    public static final int INCLUDED_IOPS = 3_000;
    public static final int INCLUDED_MBPS = 125;
    public static final int MAX_MBPS = 1_000;
    public static final int MAX_IOPS = 16_000;
    public static final int MAX_SIZE_GIB = 16_384;
    public static final int MAX_IOPS_PER_GIB = 500;
    /** Throughput a provisioned IOPS allows: 0.25 MiB/s, i.e. 4 IOPS per MB/s. */
    public static final int IOPS_PER_MBPS = 4;

    private EbsPricing() {
    }

    /** The least IOPS a volume serving {@code mbps} needs. */
    public static int iopsFor(int mbps) {
        return Math.max(INCLUDED_IOPS, mbps * IOPS_PER_MBPS);
    }

    /** The least size (GiB) that holds {@code gib} and allows {@code iops}. */
    public static int sizeFor(double gib, int iops) {
        return Math.max(1, Math.max((int) Math.ceil(gib), (int) Math.ceil(iops / (double) MAX_IOPS_PER_GIB)));
    }

    /** A gp3 volume of {@code sizeGiB} with {@code iops} and {@code mbps} provisioned, for a month. */
    public static List<CostLine> gp3(RegionPrices prices, String component, String tier, int sizeGiB, int iops, int mbps) {
        if (sizeGiB < 1 || sizeGiB > MAX_SIZE_GIB || iops < INCLUDED_IOPS || iops > MAX_IOPS || iops > sizeGiB * MAX_IOPS_PER_GIB
                || mbps < INCLUDED_MBPS || mbps > MAX_MBPS || mbps * IOPS_PER_MBPS > iops) {
            throw new IllegalArgumentException("gp3 cannot have " + sizeGiB + " GiB, " + iops + " IOPS and " + mbps + " MB/s");
        }
        List<CostLine> lines = new ArrayList<>();
        lines.add(prices.line(component, tier, "ebs.gp3.storage", sizeGiB));
        if (iops > INCLUDED_IOPS) {
            lines.add(prices.line(component, tier, "ebs.gp3.iops", iops - INCLUDED_IOPS));
        }
        if (mbps > INCLUDED_MBPS) {
            lines.add(prices.line(component, tier, "ebs.gp3.throughput", mbps - INCLUDED_MBPS));
        }
        return lines;
    }
}

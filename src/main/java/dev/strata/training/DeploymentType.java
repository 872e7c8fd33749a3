package dev.strata.training;

import java.util.ArrayList;
import java.util.List;

/**
 * FSx for Lustre deployment types (SSD storage) and what each allows, from the FSx for Lustre
 * User Guide: "Deployment options" (https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-fsx-lustre.html)
 * and "Aggregate file system performance" (https://docs.aws.amazon.com/fsx/latest/LustreGuide/performance.html).
 */
public enum DeploymentType {
    /** Temporary storage; 200 MB/s per TiB; capacity 1200, 2400, then multiples of 3600 GiB. */
    SCRATCH_1(true, 3600, List.of(), 200),
    /** Temporary storage; 200 MB/s per TiB baseline (bursts to 1300); 1200, then multiples of 2400 GiB. */
    SCRATCH_2(true, 2400, List.of(), 200),
    /** Long-term storage, replicated in one AZ; 50, 100 or 200 MB/s per TiB. */
    PERSISTENT_1(false, 2400, List.of(50, 100, 200), 0),
    /** Long-term storage, latest generation; 125, 250, 500 or 1000 MB/s per TiB. */
    PERSISTENT_2(false, 2400, List.of(125, 250, 500, 1000), 0);

    private final boolean scratch;
    private final int capacityStepGiB;
    private final List<Integer> perUnitThroughputs;
    private final int baselineMBpsPerTiB;

    DeploymentType(boolean scratch, int capacityStepGiB, List<Integer> perUnitThroughputs, int baselineMBpsPerTiB) {
        this.scratch = scratch;
        this.capacityStepGiB = capacityStepGiB;
        this.perUnitThroughputs = perUnitThroughputs;
        this.baselineMBpsPerTiB = baselineMBpsPerTiB;
    }

    public boolean isScratch() {
        return scratch;
    }

    /** Capacity beyond 1200 and 2400 GiB comes in multiples of this many GiB. */
    public int capacityStepGiB() {
        return capacityStepGiB;
    }

    /** The per-unit storage throughputs (MB/s per TiB) the type accepts; empty for scratch types. */
    public List<Integer> perUnitThroughputs() {
        return perUnitThroughputs;
    }

    /** The documented baseline throughput (MB/s per TiB) of a scratch type; 0 for persistent types. */
    public int baselineMBpsPerTiB() {
        return baselineMBpsPerTiB;
    }

    /** Whether the file system links to S3 through import/export paths (else through data repository associations). */
    public boolean linksThroughPaths() {
        return this != PERSISTENT_2;
    }

    /**
     * Whether the data survives a file server failure: scratch data is not replicated; persistent
     * data is replicated within its Availability Zone and failed servers are replaced.
     */
    public boolean survivesServerFailure() {
        return !scratch;
    }

    /** Whether AWS accepts {@code gib} as this type's storage capacity: 1200, 2400, then multiples of the step. */
    public boolean isValidCapacity(int gib) {
        return gib == LustreRules.MIN_CAPACITY_GIB || gib == 2 * LustreRules.MIN_CAPACITY_GIB
                || (gib > 0 && gib % capacityStepGiB == 0);
    }

    /** The throughput settings of the type: its per-unit values, or the scratch baseline alone. */
    public List<Integer> throughputChoices() {
        return scratch ? List.of(baselineMBpsPerTiB) : perUnitThroughputs;
    }

    /** Whether {@code mbpsPerTiB} is one of the type's throughput settings (scratch: its baseline only). */
    public boolean isValidThroughput(int mbpsPerTiB) {
        return throughputChoices().contains(mbpsPerTiB);
    }

    /** The smallest valid capacity of at least {@code gib}. */
    public int smallestCapacityAtLeast(double gib) {
        int min = LustreRules.MIN_CAPACITY_GIB;
        if (gib <= min) {
            return min;
        }
        if (gib <= 2 * min) {
            return 2 * min;
        }
        int steps = (int) Math.ceil(gib / capacityStepGiB);
        return Math.max(steps * capacityStepGiB, 2 * min);
    }

    /** Every valid capacity up to {@code maxGiB}, smallest first. */
    public List<Integer> capacitiesUpTo(int maxGiB) {
        List<Integer> capacities = new ArrayList<>();
        for (int gib = LustreRules.MIN_CAPACITY_GIB; gib <= maxGiB; gib = nextCapacity(gib)) {
            capacities.add(gib);
        }
        return capacities;
    }

    private int nextCapacity(int gib) {
        if (gib < 2 * LustreRules.MIN_CAPACITY_GIB) {
            return 2 * LustreRules.MIN_CAPACITY_GIB;
        }
        return (gib / capacityStepGiB + 1) * capacityStepGiB;
    }

    /**
     * Aggregate throughput in MB/s: capacity in TiB x per-unit throughput, counting 1,200 GiB as
     * 1.2 TiB as the FSx documentation does (a 1.2 TiB file system at 125 MB/s/TiB serves 150 MB/s).
     */
    public static double throughputMBps(int capacityGiB, int mbpsPerTiB) {
        return (double) capacityGiB * mbpsPerTiB / 1000.0;
    }
}

package dev.strata.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * FSx for Lustre SSD deployment types, with the limits AWS enforces on them.
 *
 * <p>Storage capacity (API reference, CreateFileSystem {@code StorageCapacity}): SCRATCH_2,
 * PERSISTENT_1 and PERSISTENT_2 take 1,200 GiB, 2,400 GiB, then increments of 2,400 GiB; SCRATCH_1
 * takes 1,200 GiB, 2,400 GiB, then increments of 3,600 GiB.
 * https://docs.aws.amazon.com/fsx/latest/APIReference/API_CreateFileSystem.html
 *
 * <p>Per-unit storage throughput (CreateFileSystemLustreConfiguration {@code PerUnitStorageThroughput}):
 * PERSISTENT_1 SSD 50, 100 or 200 MB/s/TiB; PERSISTENT_2 125, 250, 500 or 1000 MB/s/TiB; scratch
 * file systems take none. Scratch baseline throughput is 200 MB/s/TiB ("Performance characteristics
 * of SSD and HDD storage classes", https://docs.aws.amazon.com/fsx/latest/LustreGuide/ssd-storage.html).
 * Scratch data is not replicated and does not survive a file server failure; persistent data is
 * replicated within its Availability Zone and failed servers are replaced
 * (https://docs.aws.amazon.com/fsx/latest/LustreGuide/using-fsx-lustre.html).
 */
public enum FsxDeploymentType {
    SCRATCH_1(List.of(), 200, false, 3_600),
    SCRATCH_2(List.of(), 200, false, 2_400),
    PERSISTENT_1(List.of(50, 100, 200), 0, true, 2_400),
    PERSISTENT_2(List.of(125, 250, 500, 1000), 0, true, 2_400);

    /** The smallest capacity of every deployment type. */
    public static final int MIN_CAPACITY_GIB = 1_200;

    private final List<Integer> perUnitThroughputs;
    private final int baselineMBpsPerTiB;
    private final boolean survivesServerFailure;
    private final int capacityStepGiB;

    FsxDeploymentType(List<Integer> perUnitThroughputs, int baselineMBpsPerTiB, boolean survivesServerFailure, int capacityStepGiB) {
        this.perUnitThroughputs = perUnitThroughputs;
        this.baselineMBpsPerTiB = baselineMBpsPerTiB;
        this.survivesServerFailure = survivesServerFailure;
        this.capacityStepGiB = capacityStepGiB;
    }

    /** The per-unit throughputs (MB/s/TiB) this type takes; empty for scratch. */
    public List<Integer> perUnitThroughputs() {
        return perUnitThroughputs;
    }

    /** The throughput settings to search: the per-unit values, or the scratch baseline alone. */
    public List<Integer> throughputChoices() {
        return perUnitThroughputs.isEmpty() ? List.of(baselineMBpsPerTiB) : perUnitThroughputs;
    }

    public boolean isScratch() {
        return perUnitThroughputs.isEmpty();
    }

    /** Whether the data survives a file server failure (persistent types only). */
    public boolean survivesServerFailure() {
        return survivesServerFailure;
    }

    public int capacityStepGiB() {
        return capacityStepGiB;
    }

    /** Whether AWS accepts {@code gib} as this type's storage capacity. */
    public boolean isValidCapacity(int gib) {
        return gib == MIN_CAPACITY_GIB || gib == 2 * MIN_CAPACITY_GIB || (gib > 0 && gib % capacityStepGiB == 0);
    }

    /** Whether AWS accepts {@code mbpsPerTiB} as this type's per-unit throughput (scratch: its baseline only). */
    public boolean isValidThroughput(int mbpsPerTiB) {
        return throughputChoices().contains(mbpsPerTiB);
    }

    /** The smallest valid capacity of at least {@code gib}. */
    public int smallestCapacityAtLeast(double gib) {
        if (gib <= MIN_CAPACITY_GIB) {
            return MIN_CAPACITY_GIB;
        }
        if (gib <= 2 * MIN_CAPACITY_GIB) {
            return 2 * MIN_CAPACITY_GIB;
        }
        int steps = (int) Math.ceil(gib / capacityStepGiB);
        return Math.max(steps * capacityStepGiB, 2 * MIN_CAPACITY_GIB);
    }

    /** Every valid capacity up to {@code maxGiB}, smallest first. */
    public List<Integer> capacitiesUpTo(int maxGiB) {
        List<Integer> capacities = new ArrayList<>();
        for (int gib = MIN_CAPACITY_GIB; gib <= maxGiB; gib = next(gib)) {
            capacities.add(gib);
        }
        return capacities;
    }

    private int next(int gib) {
        if (gib < 2 * MIN_CAPACITY_GIB) {
            return 2 * MIN_CAPACITY_GIB;
        }
        return (gib / capacityStepGiB + 1) * capacityStepGiB;
    }

    /**
     * Aggregate throughput in MB/s: capacity in TiB x per-unit throughput. FSx counts its 1,200 GiB
     * unit as 1.2 TiB in this product (a 1.2 TiB file system at 125 MB/s/TiB serves 150 MB/s).
     */
    public static double throughputMBps(int capacityGiB, int mbpsPerTiB) {
        return (double) capacityGiB * mbpsPerTiB / 1000.0;
    }

    /** The price book item of this type at {@code mbpsPerTiB}. */
    public String priceItem(int mbpsPerTiB) {
        return isScratch() ? "fsx.storage." + name() : "fsx.storage." + name() + "." + mbpsPerTiB;
    }
}

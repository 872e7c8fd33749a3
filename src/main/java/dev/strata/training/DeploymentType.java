package dev.strata.training;

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
}

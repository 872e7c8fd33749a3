package dev.strata.cost.recommend;

import dev.strata.training.DeploymentType;

import dev.strata.efs.ThroughputMode;

/**
 * Storage for the dataset: a shared file system (an FSx for Lustre configuration or an EFS throughput
 * mode), or, when the pods need not share it, an EBS gp3 volume.
 */
public sealed interface HotOption permits HotOption.Fsx, HotOption.Efs, HotOption.Ebs {
    /** The family the option belongs to, e.g. {@code FSx PERSISTENT_2 at 250 MB/s/TiB}, {@code EFS elastic}. */
    String family();

    /** The option for people, with its size. */
    String describe();

    /**
     * Tie-break among equal costs: persistent FSx first (it survives more), then scratch, then EFS,
     * then EBS (one node only);
     * within a family the smaller setting first.
     */
    int rank();

    /** The option's size within its family (FSx capacity, EFS provisioned MB/s, EBS MB/s): the last tie-break. */
    int size();

    /** An FSx for Lustre file system. */
    record Fsx(DeploymentType type, int mbpsPerTiB, int capacityGiB) implements HotOption {
        @Override
        public String family() {
            return "FSx " + type + (type.isScratch() ? "" : " at " + mbpsPerTiB + " MB/s/TiB");
        }

        @Override
        public String describe() {
            return "FSx for Lustre " + type + ", " + capacityGiB + " GiB" + (type.isScratch()
                    ? " (" + mbpsPerTiB + " MB/s/TiB baseline)" : " at " + mbpsPerTiB + " MB/s/TiB")
                    + " = " + Math.round(DeploymentType.throughputMBps(capacityGiB, mbpsPerTiB)) + " MB/s";
        }

        @Override
        public int rank() {
            int order = switch (type) {
                case PERSISTENT_2 -> 0;
                case PERSISTENT_1 -> 1;
                case SCRATCH_2 -> 2;
                case SCRATCH_1 -> 3;
            };
            return order * 10_000 + mbpsPerTiB;
        }

        @Override
        public int size() {
            return capacityGiB;
        }
    }

    /** An EFS Regional file system in Standard storage; {@code provisionedMBps} only in Provisioned mode. */
    record Efs(ThroughputMode mode, int provisionedMBps) implements HotOption {
        @Override
        public String family() {
            return "EFS " + mode.name().toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public String describe() {
            return "EFS (Regional, Standard) with " + mode.name().toLowerCase(java.util.Locale.ROOT) + " throughput"
                    + (mode == ThroughputMode.PROVISIONED ? " of " + provisionedMBps + " MB/s" : "");
        }

        @Override
        public int rank() {
            int order = switch (mode) {
                case BURSTING -> 0;
                case PROVISIONED -> 1;
                case ELASTIC -> 2;
            };
            return 100_000 + order * 10_000;
        }

        @Override
        public int size() {
            return provisionedMBps;
        }
    }

    /** An EBS gp3 volume: one node reads it (ReadWriteOnce). */
    record Ebs(int throughputMBps, int iops, int sizeGiB) implements HotOption {
        @Override
        public String family() {
            return "EBS gp3";
        }

        @Override
        public String describe() {
            return "EBS gp3 volume, " + sizeGiB + " GiB, " + iops + " IOPS, " + throughputMBps + " MB/s (one node)";
        }

        @Override
        public int rank() {
            return 200_000;
        }

        @Override
        public int size() {
            return throughputMBps;
        }
    }
}

package dev.strata.cost;

/**
 * EFS cost lines (Regional file systems). Storage is per GB-month of the class; Infrequent Access
 * costs more on a Bursting or Provisioned file system than on an Elastic one, and Archive needs
 * Elastic. Elastic throughput bills data read and written per GB; Provisioned bills MB/s-months
 * provisioned above the baseline the Standard storage earns.
 */
public final class EfsPricing {
    private EfsPricing() {
    }

    public static CostLine storage(RegionPrices prices, String component, String tier, EfsStorageClass storageClass,
                                   EfsThroughputMode mode, double gib) {
        String item = switch (storageClass) {
            case STANDARD -> "efs.storage.STANDARD";
            case INFREQUENT_ACCESS -> mode == EfsThroughputMode.ELASTIC
                    ? "efs.storage.INFREQUENT_ACCESS" : "efs.storageLegacyThroughput.INFREQUENT_ACCESS";
            case ARCHIVE -> {
                if (mode != EfsThroughputMode.ELASTIC) {
                    throw new IllegalArgumentException("EFS Archive needs Elastic throughput, not " + mode);
                }
                yield "efs.storage.ARCHIVE";
            }
        };
        return prices.line(component, tier, item, gib);
    }

    /** GB read a month on an Elastic file system. */
    public static CostLine elasticReads(RegionPrices prices, String component, String tier, double gb) {
        return prices.line(component, tier, "efs.elastic.read", gb);
    }

    /** GB written a month on an Elastic file system. */
    public static CostLine elasticWrites(RegionPrices prices, String component, String tier, double gb) {
        return prices.line(component, tier, "efs.elastic.write", gb);
    }

    /** The throughput {@code standardGiB} of Standard storage earns without provisioning, in MB/s. */
    public static double baselineMBps(double standardGiB) {
        return standardGiB * EfsThroughputMode.BASELINE_MBPS_PER_GIB;
    }

    /** {@code provisionedMBps} provisioned on a file system holding {@code standardGiB} in Standard. */
    public static CostLine provisionedThroughput(RegionPrices prices, String component, String tier,
                                                 double provisionedMBps, double standardGiB) {
        double billable = Math.max(0, provisionedMBps - baselineMBps(standardGiB));
        return prices.line(component, tier, "efs.provisionedThroughput", billable);
    }
}

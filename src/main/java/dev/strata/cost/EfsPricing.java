package dev.strata.cost;

import dev.strata.efs.ThroughputMode;
import dev.strata.cost.UsageSettings.EfsUsage;

import java.util.ArrayList;
import java.util.List;

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
                                   ThroughputMode mode, double gib) {
        String item = switch (storageClass) {
            case STANDARD -> "efs.storage.STANDARD";
            case INFREQUENT_ACCESS -> mode == ThroughputMode.ELASTIC
                    ? "efs.storage.INFREQUENT_ACCESS" : "efs.storageLegacyThroughput.INFREQUENT_ACCESS";
            case ARCHIVE -> {
                if (mode != ThroughputMode.ELASTIC) {
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
        return standardGiB * ThroughputMode.BASELINE_MBPS_PER_GIB;
    }

    /** {@code provisionedMBps} provisioned on a file system holding {@code standardGiB} in Standard. */
    public static CostLine provisionedThroughput(RegionPrices prices, String component, String tier,
                                                 double provisionedMBps, double standardGiB) {
        double billable = Math.max(0, provisionedMBps - baselineMBps(standardGiB));
        return prices.line(component, tier, "efs.provisionedThroughput", billable);
    }

    /**
     * The lines of one file system a month: storage per class, then its throughput mode's charges
     * (Elastic: GB read and written; Provisioned: MB/s above the Standard baseline; Bursting: none),
     * then AWS Backup copies.
     * The per-GB charges for reading from Infrequent Access or Archive are not counted: usage does not
     * say which class reads come from.
     */
    public static List<CostLine> fileSystemLines(RegionPrices prices, String component, String tier, ThroughputMode mode,
                                                 double provisionedMBps, EfsUsage usage) {
        List<CostLine> lines = new ArrayList<>();
        if (usage.standardGiB() > 0) {
            lines.add(storage(prices, component, tier, EfsStorageClass.STANDARD, mode, usage.standardGiB()));
        }
        if (usage.infrequentAccessGiB() > 0) {
            lines.add(storage(prices, component, tier, EfsStorageClass.INFREQUENT_ACCESS, mode, usage.infrequentAccessGiB()));
        }
        if (usage.archiveGiB() > 0) {
            lines.add(storage(prices, component, tier, EfsStorageClass.ARCHIVE, mode, usage.archiveGiB()));
        }
        switch (mode) {
            case ELASTIC -> {
                if (usage.readGiBPerMonth() > 0) {
                    lines.add(elasticReads(prices, component, tier, usage.readGiBPerMonth()));
                }
                if (usage.writeGiBPerMonth() > 0) {
                    lines.add(elasticWrites(prices, component, tier, usage.writeGiBPerMonth()));
                }
            }
            case PROVISIONED -> lines.add(provisionedThroughput(prices, component, tier, provisionedMBps, usage.standardGiB()));
            case BURSTING -> {
                // Bursting throughput is included in the storage price.
            }
        }
        if (usage.backupGiB() > 0) {
            lines.add(prices.line(component, tier, "efs.backup.warm", usage.backupGiB()));
        }
        return lines;
    }
}

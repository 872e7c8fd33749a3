package dev.strata.cost;

import dev.strata.training.DeploymentType;

/** FSx for Lustre cost lines: provisioned capacity per GB-month at the type's throughput, and backups. */
public final class FsxPricing {
    private FsxPricing() {
    }

    /** A file system of {@code capacityGiB} (a valid capacity of the type) at {@code mbpsPerTiB}. */
    public static CostLine storage(RegionPrices prices, String component, String tier, DeploymentType type,
                                   int mbpsPerTiB, int capacityGiB) {
        if (!type.isValidCapacity(capacityGiB)) {
            throw new IllegalArgumentException(type + " cannot have " + capacityGiB + " GiB: it takes 1200, 2400, then multiples of "
                    + type.capacityStepGiB());
        }
        if (!type.isValidThroughput(mbpsPerTiB)) {
            throw new IllegalArgumentException(type + " cannot have " + mbpsPerTiB + " MB/s/TiB: it takes " + type.throughputChoices());
        }
        return prices.line(component, tier, item(type, mbpsPerTiB), capacityGiB);
    }

    /** The price book item of a deployment type at {@code mbpsPerTiB} (scratch types have one price). */
    public static String item(DeploymentType type, int mbpsPerTiB) {
        return type.isScratch() ? "fsx.storage." + type.name() : "fsx.storage." + type.name() + "." + mbpsPerTiB;
    }

    /** {@code gib} of backups kept for a month. */
    public static CostLine backups(RegionPrices prices, String component, String tier, double gib) {
        return prices.line(component, tier, "fsx.backup", gib);
    }
}

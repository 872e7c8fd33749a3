package dev.strata.cost;

import dev.strata.efs.ThroughputMode;
import dev.strata.training.DeploymentType;

import dev.strata.efs.EfsSettings;
import dev.strata.training.TrainingSettings;
import dev.strata.cost.UsageSettings.EfsUsage;
import dev.strata.cost.UsageSettings.TrainingUsage;
import dev.strata.core.TierName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The training tiers ({@code strata:training}): the FSx for Lustre hot tier at its deployment type,
 * throughput and capacity (fixed by the settings) and its backups; the per-job scratch file systems
 * (GiB-months from usage); the EFS warm tier in its throughput mode; the training bucket that carries
 * the cold and archive tiers. Usage comes from {@code strata:usage.training}.
 */
public final class TrainingCost implements ComponentCost {
    public static final String COMPONENT = "training";
    static final String USAGE = "strata:usage.training";

    @Override
    public List<Tier> tiers(CostInputs settings) {
        List<Tier> tiers = new ArrayList<>();
        settings.training().ifPresent(training -> {
            if (training.hot().isPresent()) {
                tiers.add(new Tier(COMPONENT, TierName.HOT.value()));
            }
            if (training.perJob().isPresent()) {
                tiers.add(new Tier(COMPONENT, TierName.PER_JOB.value()));
            }
            if (training.warm().isPresent()) {
                tiers.add(new Tier(COMPONENT, TierName.WARM.value()));
            }
            tiers.add(new Tier(COMPONENT, TierName.COLD_ARCHIVE.value()));
        });
        return tiers;
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        if (settings.training().isEmpty()) {
            return;
        }
        TrainingSettings training = settings.training().get();
        Optional<TrainingUsage> usage = settings.cost().usage().training();
        training.hot().ifPresent(hot -> {
            DeploymentType type = hot.deploymentType();
            int throughput = hot.perUnitStorageThroughput().orElse(type.throughputChoices().get(0));
            out.line(FsxPricing.storage(prices, COMPONENT, TierName.HOT.value(), type, throughput, hot.storageGiB()));
            if (hot.automaticBackupRetentionDays() > 0 && !type.isScratch()) {
                double backupGiB = usage.map(TrainingUsage::hotBackupGiB).orElse(0.0);
                if (backupGiB > 0) {
                    out.line(FsxPricing.backups(prices, COMPONENT, TierName.HOT.value(), backupGiB));
                } else {
                    out.note(USAGE + ".hot.backupGiB is not set: the hot tier's backups (" + hot.automaticBackupRetentionDays()
                            + " days kept) are estimated at zero");
                }
            } else if (usage.map(TrainingUsage::hotBackupGiB).orElse(0.0) > 0) {
                // Scratch and S3-linked file systems keep no backups (LustreRules): nothing to price.
                out.note(USAGE + ".hot.backupGiB is ignored: the hot tier keeps no backups");
            }
        });
        training.perJob().ifPresent(perJob -> {
            DeploymentType type = perJob.deploymentType();
            int throughput = perJob.perUnitStorageThroughput().orElse(type.throughputChoices().get(0));
            double gibMonths = usage.map(TrainingUsage::perJobGiBMonths).orElse(0.0);
            if (gibMonths > 0) {
                out.line(prices.line(COMPONENT, TierName.PER_JOB.value(), FsxPricing.item(type, throughput), gibMonths));
            } else {
                out.note(USAGE + ".perJob.gibMonths is not set: the per-job " + type + " file systems jobs create are estimated at zero");
            }
        });
        training.warm().ifPresent(warm -> {
            Optional<EfsUsage> efsUsage = usage.flatMap(TrainingUsage::warm);
            if (efsUsage.isEmpty()) {
                out.note(USAGE + ".warm is not set: the warm tier's storage and traffic are estimated at zero");
            }
            efsLines(prices, COMPONENT, TierName.WARM.value(), warm.efs(), efsUsage, USAGE + ".warm", out);
        });
        Optional<dev.strata.cost.UsageSettings.BucketUsage> bucket = usage.flatMap(TrainingUsage::coldArchive);
        if (bucket.isPresent()) {
            S3Pricing.bucketLines(prices, COMPONENT, TierName.COLD_ARCHIVE.value(), bucket.get()).forEach(out::line);
        } else {
            out.note(USAGE + ".coldArchive is not set: the training bucket (cold and archive tiers) is estimated at zero");
        }
    }

    /** An EFS file system's lines from its settings (mode, provisioned throughput, backup) and usage. */
    static void efsLines(RegionPrices prices, String component, String tier, EfsSettings efs, Optional<EfsUsage> usage,
                         String usageKey, CostEstimate.Builder out) {
        EfsUsage given = usage.orElse(new EfsUsage(0, 0, 0, 0, 0, 0));
        if (!efs.backup() && given.backupGiB() > 0) {
            out.note(usageKey + ".backupGiB is ignored: the file system's backups are off");
            given = new EfsUsage(given.standardGiB(), given.infrequentAccessGiB(), given.archiveGiB(),
                    given.readGiBPerMonth(), given.writeGiBPerMonth(), 0);
        } else if (efs.backup() && given.backupGiB() == 0) {
            out.note(usageKey + ".backupGiB is not set: the file system's backups are estimated at zero");
        }
        ThroughputMode mode = efs.throughputMode();
        EfsPricing.fileSystemLines(prices, component, tier, mode, efs.provisionedThroughputMibps().orElse(0), given).forEach(out::line);
    }
}

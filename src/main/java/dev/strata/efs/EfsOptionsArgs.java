package dev.strata.efs;

import dev.strata.core.Problems;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The options of one EFS file system, declared once for every component that keeps one:
 * {@link EfsFileSystemArgs#options()}, the training warm tier ({@code WarmTierArgs.efs}) and, later,
 * the inference model repository. A stable API: fields are added, never renamed.
 *
 * <ul>
 *   <li>{@code performanceMode}: {@code generalPurpose} or {@code maxIO}. Default: {@code generalPurpose}.</li>
 *   <li>{@code throughputMode}: {@code bursting}, {@code provisioned} or {@code elastic}. Default: {@code elastic}.</li>
 *   <li>{@code provisionedThroughputMibps}: MiB/s, with provisioned throughput only (1 to 3414). Default: unset.</li>
 *   <li>{@code transitionToIaDays}: days since last access before Infrequent Access, one of
 *       {@link EfsRules#TRANSITION_DAYS}; {@code 0} turns the transition off. Default: none (a consumer
 *       may default it: {@link #orElse}).</li>
 *   <li>{@code transitionToArchiveDays}: days since last access before Archive (elastic and
 *       generalPurpose only, after the IA transition); {@code 0} for never. Default: never.</li>
 *   <li>{@code backup}: automatic daily backups (AWS Backup). Default: false.</li>
 * </ul>
 * {@link #validate} checks the combination with {@link EfsRules}; a consumer calls it under its own key prefix.
 */
public final class EfsOptionsArgs extends EfsOptionsArgsBase {
    /** Options that set nothing: every default applies. */
    public static EfsOptionsArgs defaults() {
        return new EfsOptionsArgs();
    }

    /** The IA transition; empty when unset or 0. */
    public Optional<Integer> transitionToIaDays() {
        return Optional.ofNullable(transitionToIaDays).filter(days -> days != 0);
    }

    /** The Archive transition; empty when unset or 0. */
    public Optional<Integer> transitionToArchiveDays() {
        return Optional.ofNullable(transitionToArchiveDays).filter(days -> days != 0);
    }

    /** The performance mode, typed; call after {@link #validate} found no problem with it. */
    public PerformanceMode performance() {
        return EfsRules.performanceMode("performanceMode", performanceMode(), new Problems()).orElseThrow();
    }

    /** The throughput mode, typed; call after {@link #validate} found no problem with it. */
    public ThroughputMode throughput() {
        return EfsRules.throughputMode("throughputMode", throughputMode(), new Problems()).orElseThrow();
    }

    /** These options, each field left unset taken from {@code fallback}: how a consumer applies defaults of its own. */
    public EfsOptionsArgs orElse(EfsOptionsArgs fallback) {
        EfsOptionsArgs merged = new EfsOptionsArgs();
        merged.performanceMode = performanceMode != null ? performanceMode : fallback.performanceMode;
        merged.throughputMode = throughputMode != null ? throughputMode : fallback.throughputMode;
        merged.provisionedThroughputMibps = provisionedThroughputMibps != null ? provisionedThroughputMibps
                : fallback.provisionedThroughputMibps;
        merged.transitionToIaDays = transitionToIaDays != null ? transitionToIaDays : fallback.transitionToIaDays;
        merged.transitionToArchiveDays = transitionToArchiveDays != null ? transitionToArchiveDays : fallback.transitionToArchiveDays;
        merged.backup = backup != null ? backup : fallback.backup;
        return merged;
    }

    /**
     * Records what is wrong with these options (the EFS rules of {@link EfsRules}); {@code key} turns a
     * field name ({@code throughputMode}) into the key it is reported under ({@code warm.efs.throughputMode},
     * {@code strata:training.warm.throughputMode}).
     */
    public void validate(UnaryOperator<String> key, Problems problems) {
        PerformanceMode performance = EfsRules.performanceMode(key.apply("performanceMode"), performanceMode(), problems).orElse(null);
        ThroughputMode throughput = EfsRules.throughputMode(key.apply("throughputMode"), throughputMode(), problems).orElse(null);
        EfsRules.validate(key, performance, throughput, provisionedThroughputMibps().orElse(null),
                transitionToIaDays().orElse(null), transitionToArchiveDays().orElse(null), problems);
    }
}

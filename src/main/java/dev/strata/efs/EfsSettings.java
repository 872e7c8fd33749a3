package dev.strata.efs;

import dev.strata.config.ConfigNode;

import java.util.Optional;

/**
 * The settings of one EFS file system, wherever a tier keeps one (e.g. {@code strata:training.warm}).
 *
 * @param performanceMode            {@code performanceMode}: generalPurpose or maxIO
 * @param throughputMode             {@code throughputMode}: bursting, provisioned or elastic
 * @param provisionedThroughputMibps {@code provisionedThroughputMibps}: MiB/s, only with provisioned throughput
 * @param transitionToIaDays         {@code transitionToIaDays}: days since last access before Infrequent Access
 * @param transitionToArchiveDays    {@code transitionToArchiveDays}: days since last access before Archive
 * @param backup                     {@code backup}: automatic daily backups
 */
public record EfsSettings(PerformanceMode performanceMode, ThroughputMode throughputMode,
                          Optional<Integer> provisionedThroughputMibps, Optional<Integer> transitionToIaDays,
                          Optional<Integer> transitionToArchiveDays, boolean backup) {

    /** The options {@code defaults} as settings: how a tier's own defaults (its Args') become the parser's. */
    public static EfsSettings of(EfsOptionsArgs defaults) {
        return new EfsSettings(defaults.performance(), defaults.throughput(), defaults.provisionedThroughputMibps(),
                defaults.transitionToIaDays(), defaults.transitionToArchiveDays(), defaults.backup());
    }

    /** These settings as the component's options; a transition the stack turned off is 0 (never), not unset. */
    public EfsOptionsArgs toArgs() {
        return EfsOptionsArgs.builder()
                .performanceMode(performanceMode.apiValue())
                .throughputMode(throughputMode.apiValue())
                .provisionedThroughputMibps(provisionedThroughputMibps.orElse(null))
                .transitionToIaDays(transitionToIaDays.orElse(0))
                .transitionToArchiveDays(transitionToArchiveDays.orElse(0))
                .backup(backup)
                .build();
    }

    /**
     * Reads the EFS keys of {@code node} over {@code defaults} and checks them with {@link EfsRules}.
     * It does not {@link ConfigNode#finish() finish} the node: the caller's object may hold keys of its
     * own. A transition of {@code 0} days turns that transition off.
     */
    public static EfsSettings parse(ConfigNode node, EfsSettings defaults) {
        return parse(node, defaults, true);
    }

    /**
     * As {@link #parse(ConfigNode, EfsSettings)}; {@code check} false skips {@link EfsRules} (a disabled tier, or a
     * tier whose Args check the options: {@link EfsOptionsArgs#validate}).
     */
    public static EfsSettings parse(ConfigNode node, EfsSettings defaults, boolean check) {
        PerformanceMode performance = node.enumValue("performanceMode", PerformanceMode.class,
                defaults.performanceMode(), PerformanceMode::apiValue);
        ThroughputMode throughput = node.enumValue("throughputMode", ThroughputMode.class,
                defaults.throughputMode(), ThroughputMode::apiValue);
        // Range errors come from EfsRules, which also serves the component's arguments.
        Optional<Integer> provisioned = Optional.ofNullable(node.integer("provisionedThroughputMibps", null, 0, Integer.MAX_VALUE));
        Optional<Integer> ia = transition(node, "transitionToIaDays", defaults.transitionToIaDays());
        Optional<Integer> archive = transition(node, "transitionToArchiveDays", defaults.transitionToArchiveDays());
        boolean backup = node.bool("backup", defaults.backup());
        if (provisioned.isEmpty() && !node.has("provisionedThroughputMibps") && throughput == ThroughputMode.PROVISIONED) {
            provisioned = defaults.provisionedThroughputMibps();
        }
        if (check) {
            EfsRules.validate(node::key, performance, throughput, provisioned.orElse(null), ia.orElse(null),
                    archive.orElse(null), node.problems());
        }
        return new EfsSettings(performance, throughput, provisioned, ia, archive, backup);
    }

    private static Optional<Integer> transition(ConfigNode node, String key, Optional<Integer> fallback) {
        Integer days = node.integer(key, null, 0, 36_500);
        if (days == null) {
            return node.has(key) ? Optional.empty() : fallback;
        }
        return days == 0 ? Optional.empty() : Optional.of(days);
    }
}

package dev.strata.monitoring;

import dev.strata.config.ConfigNode;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The stack's storage alarms ({@code strata:monitoring}): who is told and, where the stack differs from
 * the defaults, when. Every stack has the alarms of the tiers it builds, their topic and the dashboard;
 * the rules of each value live in {@link StorageAlarmsArgs} and {@link AlarmThresholdsArgs}, whose
 * problems are reported here under the full key.
 *
 * @param emailEndpoints e-mail addresses subscribed to the alarm topic
 * @param httpsEndpoints HTTPS endpoints subscribed to the alarm topic
 * @param thresholds     the thresholds the stack file sets (unset ones keep the Args' defaults)
 */
public record MonitoringSettings(List<String> emailEndpoints, List<String> httpsEndpoints, AlarmThresholdsArgs thresholds) {
    public MonitoringSettings {
        emailEndpoints = List.copyOf(emailEndpoints);
        httpsEndpoints = List.copyOf(httpsEndpoints);
    }

    /** No subscriptions and the default thresholds: {@code strata:monitoring} unset. */
    public static MonitoringSettings defaults() {
        return new MonitoringSettings(List.of(), List.of(), AlarmThresholdsArgs.defaults());
    }

    /** Parses and validates {@code strata:monitoring}; problems go to the node's collector. */
    public static MonitoringSettings parse(ConfigNode node) {
        List<String> emails = node.stringList("emailEndpoints");
        List<String> urls = node.stringList("httpsEndpoints");
        ConfigNode thresholdNode = node.objectOrEmpty("thresholds");
        AlarmThresholdsArgs thresholds = AlarmThresholdsArgs.builder()
                .fsxFreeStoragePercent(number(thresholdNode, "fsxFreeStoragePercent"))
                .fsxThroughputUtilizationPercent(number(thresholdNode, "fsxThroughputUtilizationPercent"))
                .efsBurstCreditBalanceGiB(number(thresholdNode, "efsBurstCreditBalanceGiB"))
                .efsPercentIoLimit(number(thresholdNode, "efsPercentIoLimit"))
                .cacheMemoryUsagePercent(number(thresholdNode, "cacheMemoryUsagePercent"))
                .cacheEvictions(number(thresholdNode, "cacheEvictions"))
                .replicationLatencySeconds(number(thresholdNode, "replicationLatencySeconds"))
                .replicationFailedOperations(number(thresholdNode, "replicationFailedOperations"))
                .build();
        thresholdNode.finish();
        node.finish();
        MonitoringSettings settings = new MonitoringSettings(emails, urls, thresholds);
        // The Args' own rules, under the stack file's keys.
        settings.toArgs(List.of(), Map.of(), false).validate(node::key, node.problems());
        return settings;
    }

    /** A whole number of 0 or more, its range left to {@link AlarmThresholdsArgs#validate}. */
    @Nullable
    private static Integer number(ConfigNode node, String key) {
        return node.integer(key, null, 0, Integer.MAX_VALUE);
    }

    /** The component's arguments: these settings, the resources the stack's components registered, its tags and protection. */
    public StorageAlarmsArgs toArgs(List<MonitoredResourceArgs> resources, Map<String, String> tags, boolean protect) {
        return StorageAlarmsArgs.builder()
                .resources(resources)
                .thresholds(thresholds)
                .emailEndpoints(emailEndpoints)
                .httpsEndpoints(httpsEndpoints)
                .tags(tags)
                .protect(protect)
                .build();
    }
}

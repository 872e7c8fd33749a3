package dev.strata.cost;

import com.pulumi.core.Output;
import dev.strata.datalake.Replication;
import dev.strata.datalake.ReplicationSettings;
import dev.strata.monitoring.AlarmDefinition;
import dev.strata.monitoring.MonitoredKind;
import dev.strata.monitoring.MonitoredResourceArgs;
import dev.strata.monitoring.MonitoringSettings;
import dev.strata.monitoring.StorageAlarms;
import dev.strata.monitoring.StorageAlarmsArgs;
import dev.strata.core.TierName;

import java.util.ArrayList;
import java.util.List;

/**
 * The storage alarms ({@code StorageAlarms}, as {@code StrataStack} builds it): CloudWatch bills each
 * metric an alarm reads per month, and the dashboard per month; SNS bills the notifications. The alarms
 * are {@link StorageAlarms#alarms} of the resources the stack's tiers register, rebuilt here from the
 * settings (kinds and modes only: ids do not change a price); a test compares the count with the plan's.
 * The topic's key is priced with the stack's other keys ({@link SecurityCost}).
 */
public final class MonitoringCost implements ComponentCost {
    public static final String COMPONENT = "monitoring";
    /** Notifications each alarm sends a month, assumed: it fires once and clears once. */
    public static final int NOTIFICATIONS_PER_ALARM_MONTH = 2;

    @Override
    public List<Tier> tiers(CostInputs settings) {
        return List.of(new Tier(COMPONENT, StorageAlarms.PURPOSE));
    }

    @Override
    public void estimate(CostInputs settings, RegionPrices prices, CostEstimate.Builder out) {
        StorageAlarmsArgs args = args(settings);
        List<AlarmDefinition> alarms = StorageAlarms.alarms(args);
        String tier = StorageAlarms.PURPOSE;
        int alarmMetrics = alarms.stream().mapToInt(AlarmDefinition::alarmMetrics).sum();
        if (alarmMetrics > 0) {
            out.line(prices.line(COMPONENT, tier, "cloudwatch.alarm.standard", alarmMetrics));
        }
        out.line(prices.line(COMPONENT, tier, "cloudwatch.dashboard", 1));
        double notifications = (double) alarms.size() * NOTIFICATIONS_PER_ALARM_MONTH;
        MonitoringSettings monitoring = settings.monitoring();
        if (notifications > 0) {
            out.line(prices.line(COMPONENT, tier, "sns.requests", notifications / 1_000_000));
            if (!monitoring.emailEndpoints().isEmpty()) {
                out.line(prices.line(COMPONENT, tier, "sns.notifications.email",
                        notifications * monitoring.emailEndpoints().size() / 100_000));
            }
            if (!monitoring.httpsEndpoints().isEmpty()) {
                out.line(prices.line(COMPONENT, tier, "sns.notifications.https",
                        notifications * monitoring.httpsEndpoints().size() / 1_000_000));
            }
            out.note("SNS notifications assume each alarm fires and clears once a month ("
                    + NOTIFICATIONS_PER_ALARM_MONTH + " notifications per alarm per subscription)");
        }
    }

    /** The component's arguments as the stack builds them, without ids: the kinds and modes of the tiers set. */
    static StorageAlarmsArgs args(CostInputs settings) {
        List<MonitoredResourceArgs> resources = new ArrayList<>();
        settings.training().ifPresent(training -> {
            training.hot().ifPresent(hot -> resources.add(MonitoredResourceArgs.builder().tier(TierName.HOT.value()).label("training-hot")
                    .kind(MonitoredKind.FSX_LUSTRE).capacityGiB(hot.storageGiB()).throughputMBps(1).build()));
            training.warm().ifPresent(warm -> resources.add(MonitoredResourceArgs.builder().tier(TierName.WARM.value()).label("training-warm")
                    .kind(MonitoredKind.EFS).throughputMode(warm.efs().throughputMode().apiValue())
                    .performanceMode(warm.efs().performanceMode().apiValue()).build()));
        });
        settings.inference().ifPresent(inference -> {
            inference.redis().ifPresent(redis -> resources.add(MonitoredResourceArgs.builder().tier("l1-redis")
                    .label("inference-redis").kind(MonitoredKind.ELASTICACHE).cacheNodes(redis.replicas() + 1).build()));
            resources.add(MonitoredResourceArgs.builder().tier("l3-efs").label("inference-models").kind(MonitoredKind.EFS)
                    .throughputMode(inference.modelFileSystem().throughputMode().apiValue())
                    .performanceMode(inference.modelFileSystem().performanceMode().apiValue()).build());
        });
        settings.dataLake().replication().filter(ReplicationSettings::metrics).ifPresent(replication -> replication.sources()
                .forEach(source -> resources.add(Replication.monitored(source, Output.of(""), Output.of(""), "", replication.region()))));
        return settings.monitoring().toArgs(resources, java.util.Map.of(), false);
    }
}

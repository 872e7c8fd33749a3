package dev.strata.monitoring;

import dev.strata.core.ComponentOutputs;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Storage that tells you when it is in trouble: a CloudWatch alarm per metric that makes each watched
 * resource fail or slow ({@link AlarmCatalog}), an SNS topic encrypted with a customer-managed key of
 * its own that the alarms notify (its key policy lets CloudWatch use the key, as SNS requires), the
 * topic's e-mail and HTTPS subscriptions, and one dashboard laid out by tier. Resources whose metrics
 * CloudWatch publishes in another region ({@link MonitoredResourceArgs#metricsRegion()}) get their
 * alarms, key and topic in that region: an alarm watches its own region's metrics.
 */
public final class StorageAlarms extends ComponentResource {
    public static final String TYPE = "strata:monitoring:StorageAlarms";
    /** The key's purpose and the tier tag of everything here. */
    public static final String PURPOSE = "alarms";

    /** The ARN of the alarm topic in the stack's region. */
    @Export(name = "topicArn", refs = {String.class}, tree = "[0]")
    public final Output<String> topicArn;

    /** The dashboard's name. */
    @Export(name = "dashboardName", refs = {String.class}, tree = "[0]")
    public final Output<String> dashboardName;

    /** The names of the alarms, in the order of the watched resources. */
    @Export(name = "alarmNames", refs = {List.class, String.class}, tree = "[0,1]")
    public final Output<List<String>> alarmNames;

    /** The AWS providers of the other metrics regions, by region. */
    private final Map<String, Provider> providers = new LinkedHashMap<>();

    /** The StorageAlarms {@code name} with default resource options, as {@code new StorageAlarms(name, args, null)}. */
    public StorageAlarms(String name, StorageAlarmsArgs args) {
        this(name, args, null);
    }

    /** The alarms, topic and dashboard {@code name}; the arguments are validated before anything registers, every problem at once. */
    public StorageAlarms(String name, StorageAlarmsArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, validated(args), options);
        Map<String, String> tags = Tags.of(args.tags(), "monitoring", PURPOSE);
        Output<GetRegionResult> stackRegion = AwsFunctions.getRegion();

        // One notification target per region the metrics are in: the stack's, then each other one named.
        Map<String, Output<String>> topics = new LinkedHashMap<>();
        topics.put("", topic(name, args, tags, null));
        args.resources().stream().flatMap(r -> r.metricsRegion().stream()).distinct().forEach(region -> {
            Provider provider = new Provider(name + "-" + region, ProviderArgs.builder().region(region).build(),
                    CustomResourceOptions.builder().parent(this).build());
            providers.put(region, provider);
            topics.put(region, topic(name + "-" + region, args, tags, provider));
        });

        List<Output<String>> names = new ArrayList<>();
        List<Output<List<DashboardBody.Graph>>> graphs = new ArrayList<>();
        for (MonitoredResourceArgs resource : args.resources()) {
            Output<Map<String, String>> ids = Output.tuple(resource.resourceId(), resource.destinationBucket(), resource.ruleId())
                    .applyValue(t -> Map.of("id", t.t1, "destination", t.t2, "rule", t.t3));
            Output<String> topicArn = topics.get(resource.metricsRegion().orElse(""));
            CustomResourceOptions alarmOptions = resource.metricsRegion()
                    .map(region -> CustomResourceOptions.builder().parent(this).provider(providers.get(region)).build())
                    .orElse(CustomResourceOptions.builder().parent(this).build());
            for (AlarmDefinition alarm : AlarmCatalog.of(resource, args.thresholds())) {
                String alarmName = name + "-" + resource.label() + "-" + alarm.suffix();
                names.add(new MetricAlarm(alarmName, alarmArgs(alarmName, alarm, ids, topicArn, tags), alarmOptions).name());
            }
            graphs.add(Output.tuple(ids, stackRegion).applyValue(t -> DashboardBody.graphs(resource, args.thresholds(),
                    resource.metricsRegion().orElse(t.t2.name()), t.t1)));
        }

        Dashboard dashboard = new Dashboard(name + "-storage", DashboardArgs.builder()
                .dashboardName(name + "-storage")
                .dashboardBody(Output.all(graphs).applyValue(all -> DashboardBody.render(all.stream().flatMap(List::stream).toList())))
                .build(), CustomResourceOptions.builder().parent(this).build());

        this.topicArn = topics.get("");
        this.dashboardName = dashboard.dashboardName();
        this.alarmNames = Output.all(names);
        registerOutputs(ComponentOutputs.of(this));
    }

    /** The key, the topic encrypted with it and the topic's subscriptions; {@code provider} null for the stack's region. */
    private Output<String> topic(String name, StorageAlarmsArgs args, Map<String, String> tags, @Nullable Provider provider) {
        var components = ComponentResourceOptions.builder().parent(this);
        var children = CustomResourceOptions.builder().parent(this);
        if (provider != null) {
            components.providers(provider);
            children.provider(provider);
        }
        EncryptionKey key = new EncryptionKey(name + "-" + PURPOSE, EncryptionKeyArgs.builder()
                .purpose(PURPOSE)
                .services(List.of("sns"))
                .tags(args.tags())
                .protect(args.protect())
                .build(), components.build());
        // SNS server-side encryption with the customer-managed key (kmsMasterKeyId takes its ARN):
        // https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
        Topic topic = new Topic(name + "-" + PURPOSE, TopicArgs.builder()
                .kmsMasterKeyId(key.keyArn)
                .tags(tags)
                .build(), children.build());
        subscribe(name, "email", args.emailEndpoints(), topic, children.build());
        subscribe(name, "https", args.httpsEndpoints(), topic, children.build());
        return topic.arn();
    }

    private static void subscribe(String name, String protocol, List<String> endpoints, Topic topic, CustomResourceOptions options) {
        for (int i = 0; i < endpoints.size(); i++) {
            new TopicSubscription(name + "-" + PURPOSE + "-" + protocol + "-" + i, TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol(protocol)
                    .endpoint(endpoints.get(i))
                    .build(), options);
        }
    }

    /** One alarm: a single metric, or its metrics and the expression; it notifies the topic when it fires and when it clears. */
    static MetricAlarmArgs alarmArgs(String alarmName, AlarmDefinition alarm, Output<Map<String, String>> ids, Output<String> topicArn,
                                     Map<String, String> tags) {
        var builder = MetricAlarmArgs.builder()
                .name(alarmName)
                .alarmDescription(alarm.description() + " (" + alarm.documentation() + ")")
                .comparisonOperator(alarm.comparison())
                .threshold(alarm.threshold())
                .evaluationPeriods(AlarmDefinition.EVALUATION_PERIODS)
                .treatMissingData(alarm.treatMissingData())
                .actionsEnabled(true)
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .tags(tags);
        if (alarm.expression().isEmpty()) {
            AlarmDefinition.Metric metric = alarm.metrics().get(0);
            return builder.namespace(metric.namespace())
                    .metricName(metric.name())
                    .statistic(metric.statistic())
                    .period(AlarmDefinition.PERIOD_SECONDS)
                    .dimensions(dimensions(metric, ids))
                    .build();
        }
        List<MetricAlarmMetricQueryArgs> queries = new ArrayList<>();
        queries.add(MetricAlarmMetricQueryArgs.builder().id("e1").expression(alarm.expression().get())
                .label(alarm.suffix()).returnData(true).build());
        for (AlarmDefinition.Metric metric : alarm.metrics()) {
            queries.add(MetricAlarmMetricQueryArgs.builder().id(metric.id()).returnData(false)
                    .metric(MetricAlarmMetricQueryMetricArgs.builder()
                            .namespace(metric.namespace())
                            .metricName(metric.name())
                            .stat(metric.statistic())
                            .period(AlarmDefinition.PERIOD_SECONDS)
                            .dimensions(dimensions(metric, ids))
                            .build())
                    .build());
        }
        return builder.metricQueries(queries).build();
    }

    private static Output<Map<String, String>> dimensions(AlarmDefinition.Metric metric, Output<Map<String, String>> ids) {
        return ids.applyValue(values -> {
            Map<String, String> dimensions = new java.util.TreeMap<>();
            metric.dimensions().forEach((name, template) -> dimensions.put(name, DashboardBody.fill(template, values)));
            return dimensions;
        });
    }

    private static StorageAlarmsArgs validated(StorageAlarmsArgs args) {
        Problems problems = new Problems();
        args.validate(key -> key, problems);
        problems.throwIfAny();
        return args;
    }

    /** The alarms {@code args} define, without registering anything: for cost estimates and tests. */
    public static List<AlarmDefinition> alarms(StorageAlarmsArgs args) {
        return args.resources().stream().flatMap(r -> AlarmCatalog.of(r, args.thresholds()).stream()).toList();
    }
}

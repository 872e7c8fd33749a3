package dev.strata.monitoring;

import com.google.gson.JsonParser;
import dev.strata.config.StackConfig;
import dev.strata.cost.CostEstimator;
import dev.strata.cost.CostLine;
import dev.strata.cost.PriceBook;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
import dev.strata.stack.StrataStack;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarms of the project's three stacks: the alarms of the tiers each has, each alarm's metric,
 * namespace, statistic and dimensions as the AWS page cited beside it names them, the encrypted topic,
 * the dashboard, a tier turned off taking its alarms with it, and the cost counting what the plan builds.
 */
class MonitoringStackPlansTest {
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private static List<PlannedResource> alarms(Plan plan) {
        return plan.ofType(ALARM);
    }

    private static PlannedResource alarm(String stack, String name) {
        return alarms(StackPlans.plan(stack)).stream().filter(a -> a.name().equals(stack + "-" + name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> query(PlannedResource alarm, String id) {
        return ((List<Map<String, Object>>) alarm.inputs().get("metricQueries")).stream().filter(q -> q.get("id").equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void everyStackHasTheAlarmsOfTheTiersItBuilds() {
        // dev: a scratch hot tier, a bursting warm tier, no Redis; staging and prod: Redis with a replica, elastic warm tiers.
        assertThat(alarms(StackPlans.plan("dev"))).extracting(PlannedResource::name).containsExactlyInAnyOrder(
                "dev-training-hot-free-storage", "dev-training-hot-throughput-utilization",
                "dev-training-warm-burst-credits", "dev-training-warm-io-limit", "dev-inference-models-io-limit");
        for (String stack : List.of("staging", "prod")) {
            assertThat(alarms(StackPlans.plan(stack))).extracting(PlannedResource::name).containsExactlyInAnyOrder(
                    stack + "-training-hot-free-storage", stack + "-training-hot-throughput-utilization", stack + "-training-warm-io-limit",
                    stack + "-inference-redis-memory-001", stack + "-inference-redis-evictions-001",
                    stack + "-inference-redis-memory-002", stack + "-inference-redis-evictions-002",
                    stack + "-inference-models-io-limit",
                    // the replication of the model zone and the model archive (strata:dataLake.replication, metrics on)
                    stack + "-replication-model-replication-failed", stack + "-replication-model-replication-latency",
                    stack + "-replication-model-archive-replication-failed", stack + "-replication-model-archive-replication-latency");
        }
    }

    /** https://docs.aws.amazon.com/fsx/latest/LustreGuide/fs-metrics.html: AWS/FSx FreeDataStorageCapacity, Sum = bytes free in the file system, by FileSystemId. */
    @Test
    void fsxFreeStorage() {
        PlannedResource alarm = alarm("prod", "training-hot-free-storage");
        assertThat(alarm.inputs()).containsEntry("namespace", "AWS/FSx").containsEntry("metricName", "FreeDataStorageCapacity")
                .containsEntry("statistic", "Sum").containsEntry("dimensions", Map.of("FileSystemId", "prod-training-hot-id"))
                .containsEntry("comparisonOperator", "LessThanThreshold")
                // 10 % of prod's 4800 GiB, in bytes
                .containsEntry("threshold", 4800L * 1024 * 1024 * 1024 / 10);
    }

    /**
     * https://docs.aws.amazon.com/fsx/latest/LustreGuide/how_to_use_metrics.html: total client throughput is
     * SUM(DataReadBytes + DataWriteBytes) / PERIOD; both AWS/FSx by FileSystemId (fs-metrics.html). Against prod's
     * 4800 GiB x 500 MB/s/TiB = 2400 MB/s.
     */
    @Test
    void fsxThroughputUtilization() {
        PlannedResource alarm = alarm("prod", "training-hot-throughput-utilization");
        assertThat(query(alarm, "e1")).containsEntry("expression", "100 * (m1 + m2) / PERIOD(m1) / 2400000000").containsEntry("returnData", true);
        for (String[] metric : new String[][]{{"m1", "DataReadBytes"}, {"m2", "DataWriteBytes"}}) {
            assertThat(query(alarm, metric[0])).containsEntry("returnData", false).containsEntry("metric", Map.of(
                    "namespace", "AWS/FSx", "metricName", metric[1], "stat", "Sum", "period", 300L,
                    "dimensions", Map.of("FileSystemId", "prod-training-hot-id")));
        }
        assertThat(alarm.inputs()).containsEntry("threshold", 80L).containsEntry("comparisonOperator", "GreaterThanThreshold")
                .doesNotContainKeys("metricName", "namespace");
    }

    /** https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html: AWS/EFS BurstCreditBalance (bytes; Minimum, Maximum, Average) by FileSystemId. */
    @Test
    void efsBurstCredits() {
        assertThat(alarm("dev", "training-warm-burst-credits").inputs()).containsEntry("namespace", "AWS/EFS")
                .containsEntry("metricName", "BurstCreditBalance").containsEntry("statistic", "Minimum")
                .containsEntry("dimensions", Map.of("FileSystemId", "dev-training-warm-id"))
                .containsEntry("comparisonOperator", "LessThanThreshold").containsEntry("threshold", 192L * 1024 * 1024 * 1024);
    }

    /** https://docs.aws.amazon.com/efs/latest/ug/efs-metrics.html: AWS/EFS PercentIOLimit (percent, General Purpose mode) by FileSystemId. */
    @Test
    void efsPercentIoLimit() {
        assertThat(alarm("staging", "inference-models-io-limit").inputs()).containsEntry("namespace", "AWS/EFS")
                .containsEntry("metricName", "PercentIOLimit").containsEntry("statistic", "Maximum")
                .containsEntry("dimensions", Map.of("FileSystemId", "staging-model-repository-id"))
                .containsEntry("comparisonOperator", "GreaterThanOrEqualToThreshold").containsEntry("threshold", 95L);
    }

    /**
     * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html: AWS/ElastiCache
     * DatabaseMemoryUsagePercentage, per node, by CacheClusterId (a node of a replication group is cluster {@code <group>-00n}).
     */
    @Test
    void cacheMemoryUsage() {
        assertThat(alarm("prod", "inference-redis-memory-002").inputs()).containsEntry("namespace", "AWS/ElastiCache")
                .containsEntry("metricName", "DatabaseMemoryUsagePercentage").containsEntry("statistic", "Maximum")
                .containsEntry("dimensions", Map.of("CacheClusterId", "strata-prod-model-cache-002"))
                .containsEntry("threshold", 80L);
    }

    /** https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html: AWS/ElastiCache Evictions (count), per node, by CacheClusterId. */
    @Test
    void cacheEvictions() {
        assertThat(alarm("prod", "inference-redis-evictions-001").inputs()).containsEntry("namespace", "AWS/ElastiCache")
                .containsEntry("metricName", "Evictions").containsEntry("statistic", "Sum")
                .containsEntry("dimensions", Map.of("CacheClusterId", "strata-prod-model-cache-001"))
                .containsEntry("threshold", 100L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyAlarmNotifiesTheStacksTopicEncryptedWithItsOwnKey(String stack) {
        Plan plan = StackPlans.plan(stack);
        PlannedResource topic = plan.ofType("aws:sns/topic:Topic").stream().filter(t -> t.name().equals(stack + "-alarms")).findFirst().orElseThrow();
        PlannedResource key = plan.ofType("aws:kms/key:Key").stream().filter(k -> k.name().equals(stack + "-alarms")).findFirst().orElseThrow();
        String region = stack.equals("prod") ? "us-west-2" : "us-east-1";
        assertThat(topic.inputs()).containsEntry("kmsMasterKeyId", "arn:aws:kms:" + region + ":123456789012:key/" + key.id());
        assertThat(key.protect()).isEqualTo(stack.equals("prod"));
        String topicArn = "arn:aws:sns:" + region + ":123456789012:" + topic.id();
        assertThat(alarms(plan)).filteredOn(alarm -> !alarm.name().startsWith(stack + "-replication-")).isNotEmpty()
                .allSatisfy(alarm -> assertThat(alarm.inputs())
                        .containsEntry("alarmActions", List.of(topicArn)).containsEntry("okActions", List.of(topicArn))
                        .containsEntry("actionsEnabled", true));
        // S3 publishes replication metrics in the replicas' region: those alarms notify the topic there, under its own key.
        List<PlannedResource> replication = alarms(plan).stream().filter(alarm -> alarm.name().startsWith(stack + "-replication-")).toList();
        assertThat(replication).hasSize(stack.equals("dev") ? 0 : 4);
        if (!stack.equals("dev")) {
            String destination = stack.equals("prod") ? "us-east-1" : "us-west-2";
            PlannedResource remoteTopic = plan.ofType("aws:sns/topic:Topic").stream()
                    .filter(t -> t.name().equals(stack + "-" + destination + "-alarms")).findFirst().orElseThrow();
            PlannedResource remoteKey = plan.ofType("aws:kms/key:Key").stream()
                    .filter(k -> k.name().equals(stack + "-" + destination + "-alarms")).findFirst().orElseThrow();
            assertThat(remoteTopic.inputs()).containsEntry("kmsMasterKeyId", "arn:aws:kms:" + destination + ":123456789012:key/" + remoteKey.id());
            String remoteArn = "arn:aws:sns:" + destination + ":123456789012:" + remoteTopic.id();
            assertThat(replication).allSatisfy(alarm -> assertThat(alarm.inputs())
                    .containsEntry("alarmActions", List.of(remoteArn)).containsEntry("okActions", List.of(remoteArn)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theDashboardIsLaidOutByTierFromThePlansResources(String stack) {
        Plan plan = StackPlans.plan(stack);
        var widgets = JsonParser.parseString((String) plan.ofType("aws:cloudwatch/dashboard:Dashboard").get(0).inputs().get("dashboardBody"))
                .getAsJsonObject().getAsJsonArray("widgets").asList().stream().map(w -> w.getAsJsonObject()).toList();
        List<String> headings = widgets.stream().filter(w -> w.get("type").getAsString().equals("text"))
                .map(w -> w.getAsJsonObject("properties").get("markdown").getAsString()).toList();
        List<String> expected = new java.util.ArrayList<>(List.of("## hot", "## warm", "## cold-archive"));
        if (!stack.equals("dev")) {
            expected.add("## l1-redis");
        }
        expected.addAll(List.of("## l3-efs", "## l4-s3", "## datalake"));
        if (!stack.equals("dev")) {
            expected.add("## replication");
        }
        assertThat(headings).containsExactlyElementsOf(expected);
        // Every bucket of the plan (but the access logs') is graphed by its name, and every alarm's metrics.
        String body = widgets.toString();
        // (A replica is graphed by its replication rule's metrics, below.)
        assertThat(plan.ofType("aws:s3/bucketV2:BucketV2")).filteredOn(b -> !b.name().endsWith("access-logs")
                        && !b.name().startsWith(stack + "-replication-"))
                .allSatisfy(bucket -> assertThat(body).contains("\"BucketName\",\"" + bucket.inputs().get("bucketPrefix")));
        assertThat(alarms(plan)).allSatisfy(alarm -> assertThat(body).contains(alarm.name().substring(stack.length() + 1)
                .replaceAll("-(free-storage|throughput-utilization|burst-credits|io-limit|memory-00\\d|evictions-00\\d|replication-failed|replication-latency)$", "")));
    }

    @Test
    void turningATierOffRemovesItsAlarms() {
        Plan withoutHotAndRedis = plan("staging", values -> {
            section(section(values, "training"), "hot").put("enabled", false);
            section(section(values, "inference"), "redis").put("enabled", false);
        });
        assertThat(alarms(withoutHotAndRedis)).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("staging-training-warm-io-limit", "staging-inference-models-io-limit",
                        "staging-replication-model-replication-failed", "staging-replication-model-replication-latency",
                        "staging-replication-model-archive-replication-failed", "staging-replication-model-archive-replication-latency");
        Plan withoutTraining = plan("dev", values -> {
            values.remove("training");
            section(values, "usage").remove("training");
        });
        assertThat(alarms(withoutTraining)).extracting(PlannedResource::name).containsExactlyInAnyOrder("dev-inference-models-io-limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theCostCountsTheAlarmMetricsThePlanBuilds(String stack) {
        int planned = alarms(StackPlans.plan(stack)).stream().mapToInt(alarm -> alarm.inputs().containsKey("metricQueries")
                ? (int) ((List<?>) alarm.inputs().get("metricQueries")).stream().filter(q -> ((Map<?, ?>) q).containsKey("metric")).count()
                : 1).sum();
        StrataSettings settings = SettingsParser.parse(StackConfig.load(StackConfig.locate(Path.of("").toAbsolutePath(), stack)).strataValues());
        CostLine line = CostEstimator.estimate(settings, PriceBook.load().region(stack.equals("prod") ? "us-west-2" : "us-east-1"))
                .lines().stream().filter(l -> l.item().equals("cloudwatch.alarm.standard")).findFirst().orElseThrow();
        assertThat(line.quantity()).isEqualTo(planned);
        assertThat(line.component()).isEqualTo("monitoring");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> values, String key) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) values.get(key));
        values.put(key, copy);
        return copy;
    }

    private static Plan plan(String stack, Consumer<Map<String, Object>> change) {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of("").toAbsolutePath(), stack));
        Map<String, Object> values = new LinkedHashMap<>(config.strataValues());
        change.accept(values);
        StrataSettings settings = SettingsParser.parse(values);
        return PlanRunner.run(stack, new RecordingMocks(config.awsRegion().orElseThrow()), ctx -> StrataStack.define(ctx, settings));
    }
}

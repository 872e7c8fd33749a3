package dev.strata.monitoring;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import dev.strata.core.InvalidConfigException;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The component on its own, with fake registrations: each kind's alarms, the encrypted topic and its
 * key policy, the subscriptions, the dashboard, and the replication alarms (which the replication
 * work registers at merge) in their metrics region.
 */
class StorageAlarmsTest {
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private static Plan plan(StorageAlarmsArgs args) {
        return PlanRunner.run("prod", new RecordingMocks("us-west-2"), ctx -> new StorageAlarms("prod", args, null));
    }

    private static MonitoredResourceArgs.Builder efs(String throughputMode, String performanceMode) {
        return MonitoredResourceArgs.builder().tier("warm").label("warm").kind(MonitoredKind.EFS)
                .resourceId(Output.of("fs-0123")).throughputMode(throughputMode).performanceMode(performanceMode);
    }

    private static MonitoredResourceArgs replication() {
        return MonitoredResourceArgs.builder().tier("replication").label("model-replica").kind(MonitoredKind.S3_REPLICATION)
                .resourceId(Output.of("strata-prod-model")).destinationBucket(Output.of("strata-prod-model-replica"))
                .ruleId(Output.of("model-zone")).metricsRegion("us-east-2").build();
    }

    private static List<PlannedResource> alarms(Plan plan) {
        return plan.ofType(ALARM);
    }

    @Test
    void burstCreditsAreWatchedInBurstingModeOnlyAndTheIoLimitInGeneralPurposeModeOnly() {
        assertThat(alarms(plan(StorageAlarmsArgs.builder().resources(List.of(efs("bursting", "generalPurpose").build())).build())))
                .extracting(PlannedResource::name).containsExactly("prod-warm-burst-credits", "prod-warm-io-limit");
        assertThat(alarms(plan(StorageAlarmsArgs.builder().resources(List.of(efs("elastic", "generalPurpose").build())).build())))
                .extracting(PlannedResource::name).containsExactly("prod-warm-io-limit");
        assertThat(alarms(plan(StorageAlarmsArgs.builder().resources(List.of(efs("provisioned", "maxIO").build())).build()))).isEmpty();
    }

    @Test
    void theBurstCreditThresholdIsInBytesAndTheAlarmNotifiesTheTopicWhenItFiresAndClears() {
        Plan plan = plan(StorageAlarmsArgs.builder().resources(List.of(efs("bursting", "maxIO").build()))
                .thresholds(AlarmThresholdsArgs.builder().efsBurstCreditBalanceGiB(100).build()).build());
        String topicArn = "arn:aws:sns:us-west-2:123456789012:prod-alarms-id";
        assertThat(alarms(plan)).singleElement().satisfies(alarm -> assertThat(alarm.inputs())
                .containsEntry("namespace", "AWS/EFS")
                .containsEntry("metricName", "BurstCreditBalance")
                .containsEntry("statistic", "Minimum")
                .containsEntry("dimensions", Map.of("FileSystemId", "fs-0123"))
                .containsEntry("comparisonOperator", "LessThanThreshold")
                .containsEntry("threshold", 100L * 1024 * 1024 * 1024)
                .containsEntry("period", 300L)
                .containsEntry("evaluationPeriods", 3L)
                .containsEntry("actionsEnabled", true)
                .containsEntry("alarmActions", List.of(topicArn))
                .containsEntry("okActions", List.of(topicArn)));
    }

    @Test
    void theTopicIsEncryptedWithItsOwnKeyWhosePolicyLetsCloudWatchPublishAndNamesNoStar() {
        Plan plan = plan(StorageAlarmsArgs.builder().build());
        PlannedResource key = plan.ofType("aws:kms/key:Key").stream().filter(k -> k.name().equals("prod-alarms")).findFirst().orElseThrow();
        assertThat(plan.ofType("aws:sns/topic:Topic")).singleElement().satisfies(topic -> assertThat(topic.inputs())
                .containsEntry("kmsMasterKeyId", "arn:aws:kms:us-west-2:123456789012:key/" + key.id()));
        assertThat(JsonParser.parseString((String) key.inputs().get("policy"))).isEqualTo(JsonParser.parseString("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AccountAdministersKeyThroughIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
                  "Action":"kms:*","Resource":"*"},
                 {"Sid":"CloudWatchAlarmsPublishToEncryptedTopic","Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},
                  "Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*"}]}"""));
        assertThat(key.inputs()).containsEntry("enableKeyRotation", true);
        // No subscription without an endpoint; the dashboard exists even with nothing to watch yet.
        assertThat(plan.ofType("aws:sns/topicSubscription:TopicSubscription")).isEmpty();
        assertThat(plan.ofType("aws:cloudwatch/dashboard:Dashboard")).singleElement().satisfies(dashboard ->
                assertThat(dashboard.inputs()).containsEntry("dashboardName", "prod-storage"));
    }

    @Test
    void eachEndpointIsASubscriptionOfTheTopic() {
        Plan plan = plan(StorageAlarmsArgs.builder().emailEndpoints(List.of("ml-oncall@example.com"))
                .httpsEndpoints(List.of("https://hooks.example.com/strata")).build());
        assertThat(plan.ofType("aws:sns/topicSubscription:TopicSubscription")).extracting(PlannedResource::inputs).containsExactly(
                Map.of("topic", "arn:aws:sns:us-west-2:123456789012:prod-alarms-id", "protocol", "email", "endpoint", "ml-oncall@example.com"),
                Map.of("topic", "arn:aws:sns:us-west-2:123456789012:prod-alarms-id", "protocol", "https",
                        "endpoint", "https://hooks.example.com/strata"));
    }

    /** https://docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html: AWS/S3, per rule, published in the destination's region. */
    @Test
    void replicationAlarmsWatchTheRuleInItsMetricsRegionAndNotifyATopicThere() {
        Plan plan = plan(StorageAlarmsArgs.builder().resources(List.of(replication())).build());
        Map<String, String> rule = Map.of("SourceBucket", "strata-prod-model", "DestinationBucket", "strata-prod-model-replica",
                "RuleId", "model-zone");
        assertThat(alarms(plan)).extracting(PlannedResource::name).containsExactly(
                "prod-model-replica-replication-failed", "prod-model-replica-replication-latency");
        assertThat(alarms(plan).get(0).inputs()).containsEntry("namespace", "AWS/S3").containsEntry("metricName", "OperationsFailedReplication")
                .containsEntry("statistic", "Sum").containsEntry("dimensions", rule).containsEntry("threshold", 0L)
                .containsEntry("comparisonOperator", "GreaterThanThreshold");
        assertThat(alarms(plan).get(1).inputs()).containsEntry("namespace", "AWS/S3").containsEntry("metricName", "ReplicationLatency")
                .containsEntry("statistic", "Maximum").containsEntry("dimensions", rule).containsEntry("threshold", 900L);
        // A provider, key and topic in us-east-2, and the replication alarms notify that topic through that provider.
        PlannedResource provider = plan.ofType("pulumi:providers:aws").stream().filter(p -> p.name().equals("prod-us-east-2"))
                .findFirst().orElseThrow();
        assertThat(provider.inputs()).containsEntry("region", "us-east-2");
        assertThat(plan.ofType("aws:sns/topic:Topic")).extracting(PlannedResource::name).containsExactly("prod-alarms", "prod-us-east-2-alarms");
        assertThat(alarms(plan)).allSatisfy(alarm -> assertThat((List<?>) alarm.inputs().get("alarmActions")).singleElement()
                .asString().endsWith(":prod-us-east-2-alarms-id"));
        assertThat(JsonParser.parseString((String) plan.ofType("aws:cloudwatch/dashboard:Dashboard").get(0).inputs().get("dashboardBody"))
                .getAsJsonObject().getAsJsonArray("widgets").get(1).getAsJsonObject().getAsJsonObject("properties")
                .get("region").getAsString()).isEqualTo("us-east-2");
    }

    @Test
    void theDashboardHasASectionPerTierInTheOrderTheyAreRegistered() {
        Plan plan = plan(StorageAlarmsArgs.builder().resources(List.of(
                MonitoredResourceArgs.builder().tier("hot").label("hot").kind(MonitoredKind.FSX_LUSTRE).resourceId(Output.of("fs-hot"))
                        .capacityGiB(1200).throughputMBps(240).build(),
                efs("elastic", "generalPurpose").build(),
                MonitoredResourceArgs.builder().tier("datalake").label("raw").kind(MonitoredKind.S3_BUCKET)
                        .resourceId(Output.of("strata-prod-raw")).build())).build());
        var widgets = JsonParser.parseString((String) plan.ofType("aws:cloudwatch/dashboard:Dashboard").get(0).inputs().get("dashboardBody"))
                .getAsJsonObject().getAsJsonArray("widgets");
        List<String> headings = widgets.asList().stream().map(w -> w.getAsJsonObject())
                .filter(w -> w.get("type").getAsString().equals("text"))
                .map(w -> w.getAsJsonObject("properties").get("markdown").getAsString()).toList();
        assertThat(headings).containsExactly("## hot", "## warm", "## datalake");
        // The bucket's daily storage metrics, by bucket name and storage type.
        assertThat(widgets.toString()).contains("[\"AWS/S3\",\"BucketSizeBytes\",\"BucketName\",\"strata-prod-raw\",\"StorageType\",\"StandardStorage\"")
                .contains("[\"AWS/FSx\",\"FreeDataStorageCapacity\",\"FileSystemId\",\"fs-hot\"");
    }

    @Test
    void invalidArgumentsAreReportedTogetherBeforeAnythingRegisters() {
        StorageAlarmsArgs args = StorageAlarmsArgs.builder()
                .resources(List.of(MonitoredResourceArgs.builder().tier("Hot").label("hot").kind("lustre").resourceId(Output.of("x")).build(),
                        MonitoredResourceArgs.builder().tier("hot").label("hot").kind(MonitoredKind.FSX_LUSTRE).resourceId(Output.of("y")).build()))
                .thresholds(AlarmThresholdsArgs.builder().fsxFreeStoragePercent(0).build())
                .emailEndpoints(List.of("oncall"))
                .httpsEndpoints(List.of("https://user:secret@hooks.example.com/x"))
                .build();
        assertThatThrownBy(() -> plan(args)).isInstanceOf(PlanFailedException.class).rootCause().isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).containsExactly(
                        "resources[0].tier = \"Hot\": must be 1 to 41 lower-case letters, digits or hyphens, e.g. hot",
                        "resources[0].kind = \"lustre\": must be one of fsxLustre, efs, elasticache, s3Bucket, s3Replication",
                        "resources[1].capacityGiB = (not set): must be the file system's storage capacity in GiB (more than 0)",
                        "resources[1].throughputMBps = (not set): must be the file system's throughput capacity in MB/s (more than 0)",
                        "resources[1].label = \"hot\": labels must be unique: they name the alarms",
                        "thresholds.fsxFreeStoragePercent = 0: must be a percent of the capacity from 1 to 99",
                        "emailEndpoints[0] = \"oncall\": must be an e-mail address such as ml-oncall@example.com",
                        "httpsEndpoints[0] = \"(not shown)\": must carry no user, password, query or fragment: "
                                + "credentials do not belong in a stack file or a plan"));
    }
}

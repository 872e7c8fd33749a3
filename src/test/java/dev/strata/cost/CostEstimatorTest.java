package dev.strata.cost;

import dev.strata.stack.SettingsParser;
import dev.strata.stack.StrataSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.VPC_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CostEstimatorTest {
    private static StrataSettings settings(Map<String, Object> values) {
        return SettingsParser.parse(values);
    }

    @Test
    void aFixedStackCostsWhatTheArithmeticSays() {
        StrataSettings settings = settings(Map.of(
                "environment", "staging",
                "dataLake", Map.of("accessLogs", true),
                "usage", Map.of(
                        "dataLake", Map.of(
                                "zones", Map.of(
                                        "raw", Map.of(
                                                "storageGiB", Map.of("STANDARD", 1000, "STANDARD_IA", 4000),
                                                "putRequestsPerMonth", 2_000_000,
                                                "getRequestsPerMonth", 10_000_000,
                                                "transitionsPerMonth", Map.of("STANDARD_IA", 100_000)),
                                        "model", Map.of("storageGiB", Map.of("STANDARD", 100, "GLACIER", 500))),
                                "accessLogsGiB", 50),
                        "kms", Map.of("requestsPerMonth", 3_000_000))));

        CostEstimate estimate = CostEstimator.estimate(settings, PriceBook.load().region("us-east-1"));

        assertThat(estimate.lines()).extracting(CostLine::component, CostLine::tier, CostLine::item, CostLine::quantity, CostLine::monthlyUsd)
                .containsExactly(
                        tuple("datalake", "raw", "s3.storage.STANDARD", 1000.0, 23.00),              // 1,000 x 0.023
                        tuple("datalake", "raw", "s3.storage.STANDARD_IA", 4000.0, 50.00),           // 4,000 x 0.0125
                        tuple("datalake", "raw", "s3.requests.put.STANDARD", 2000.0, 10.00),         // 2,000,000 / 1,000 x 0.005
                        tuple("datalake", "raw", "s3.requests.get.STANDARD", 10000.0, 4.00),         // 10,000,000 / 1,000 x 0.0004
                        tuple("datalake", "raw", "s3.lifecycleTransition.STANDARD_IA", 100.0, 1.00), // 100,000 / 1,000 x 0.01
                        tuple("datalake", "model", "s3.storage.STANDARD", 100.0, 2.30),              // 100 x 0.023
                        tuple("datalake", "model", "s3.storage.GLACIER", 500.0, 1.80),               // 500 x 0.0036
                        tuple("datalake", "access-logs", "s3.storage.STANDARD", 50.0, 1.15),         // 50 x 0.023
                        tuple("security", "datalake", "kms.key", 1.0, 1.00),                         // 1 key x $1
                        tuple("security", "alarms", "kms.key", 1.0, 1.00),                           // the alarm topic's key
                        tuple("security", "datalake", "kms.requests", 300.0, 9.00),                  // 3,000,000 / 10,000 x 0.03
                        tuple("monitoring", "alarms", "cloudwatch.dashboard", 1.0, 3.00));           // no tier to alarm on; the dashboard
        // 23 + 50 + 10 + 4 + 1 + 2.30 + 1.80 + 1.15 + 1 + 1 + 9 + 3 = 107.25
        assertThat(estimate.monthlyUsd()).isEqualTo(107.25);
        assertThat(estimate.tierUsd(new Tier("datalake", "raw"))).isEqualTo(88.00);
        assertThat(estimate.tierUsd(new Tier("datalake", "processed"))).isEqualTo(0.0);
        assertThat(estimate.tiers()).extracting(Tier::outputName).containsExactly(
                "estimatedMonthlyUsd.datalake.raw", "estimatedMonthlyUsd.datalake.processed",
                "estimatedMonthlyUsd.datalake.feature", "estimatedMonthlyUsd.datalake.model",
                "estimatedMonthlyUsd.datalake.access-logs", "estimatedMonthlyUsd.security.datalake",
                "estimatedMonthlyUsd.security.alarms", "estimatedMonthlyUsd.monitoring.alarms");
        assertThat(estimate.notes()).containsExactly(
                "strata:usage.dataLake.zones.processed is not set: zone processed's storage and requests are estimated at zero",
                "strata:usage.dataLake.zones.feature is not set: zone feature's storage and requests are estimated at zero");
    }

    @Test
    void withoutUsageOnlyTheKeyIsChargedAndTheEstimateSaysWhatItLeftOut() {
        CostEstimate estimate = CostEstimator.estimate(settings(Map.of("environment", "dev")), PriceBook.load().region("us-west-2"));
        assertThat(estimate.lines()).extracting(CostLine::item).containsExactly("kms.key", "kms.key", "cloudwatch.dashboard");
        assertThat(estimate.monthlyUsd()).isEqualTo(5.00);
        assertThat(estimate.notes()).hasSize(5).allMatch(note -> note.contains("is not set"));
    }

    @Test
    void linesAlwaysAddUpToTheTotal() {
        StrataSettings settings = settings(Map.of(
                "environment", "dev",
                "usage", Map.of("dataLake", Map.of("zones", Map.of(
                        "raw", Map.of("storageGiB", Map.of("STANDARD", 333.333, "STANDARD_IA", 777.777),
                                "getRequestsPerMonth", 12_345)),
                        "accessLogsGiB", 0),
                        "kms", Map.of("requestsPerMonth", 12_345))));
        CostEstimate estimate = CostEstimator.estimate(settings, PriceBook.load().region("us-east-1"));
        java.math.BigDecimal sum = estimate.lines().stream().map(line -> java.math.BigDecimal.valueOf(line.monthlyUsd()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        assertThat(java.math.BigDecimal.valueOf(estimate.monthlyUsd())).isEqualByComparingTo(sum);
        // 333.333 x 0.023 = 7.666659 -> 7.6667
        assertThat(estimate.lines().get(0).monthlyUsd()).isEqualTo(7.6667);
    }

    @Test
    void everyTierOfALineIsDeclaredBeforehand() {
        CostEstimate.Builder builder = new CostEstimate.Builder("us-east-1").tier(new Tier("datalake", "raw"));
        CostLine stray = new CostLine("training", "hot", "fsx.backup", 1, "GB-month", 0.05, 0.05, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builder.line(stray))
                .hasMessageContaining("undeclared tier training/hot");
        assertThat(CostEstimator.tiers(settings(Map.of("environment", "dev")))).hasSize(7);
        assertThat(CostEstimator.COMPONENTS).extracting(component -> component.getClass().getSimpleName())
                .containsExactly("DataLakeCost", "TrainingCost", "InferenceCost", "SecurityCost", "ClusterCost", "ReplicationCost",
                        "MonitoringCost");
    }

    private static StrataSettings stack(String file) {
        return SettingsParser.parse(dev.strata.config.StackConfig.load(java.nio.file.Path.of(file)).strataValues());
    }

    private static List<org.assertj.core.groups.Tuple> lines(CostEstimate estimate, String component) {
        return estimate.lines().stream().filter(line -> line.component().equals(component))
                .map(line -> tuple(line.tier(), line.item(), line.quantity(), line.monthlyUsd())).toList();
    }

    @Test
    void stagingTrainingAndInferenceCostWhatTheArithmeticSays() {
        CostEstimate estimate = CostEstimator.estimate(stack("Pulumi.staging.yaml"), PriceBook.load().region("us-east-1"));
        assertThat(lines(estimate, "training")).containsExactly(
                tuple("hot", "fsx.storage.PERSISTENT_1.100", 2400.0, 504.00),                 // 2,400 GiB x 0.210
                tuple("per-job", "fsx.storage.SCRATCH_2", 2400.0, 336.00),                     // 2,400 GiB-months x 0.140
                tuple("warm", "efs.storage.STANDARD", 1024.0, 307.20),                         // 1,024 x 0.30
                tuple("warm", "efs.storageLegacyThroughput.INFREQUENT_ACCESS", 2048.0, 51.20), // provisioned mode: 2,048 x 0.025
                tuple("warm", "efs.provisionedThroughput", 76.8, 460.80),                      // (128 - 1,024 x 0.05) x 6.00
                tuple("cold-archive", "s3.storage.STANDARD", 2048.0, 47.1040),                 // 2,048 x 0.023
                tuple("cold-archive", "s3.storage.STANDARD_IA", 4096.0, 51.20),                // 4,096 x 0.0125
                tuple("cold-archive", "s3.storage.GLACIER", 8192.0, 29.4912),                  // 8,192 x 0.0036
                tuple("cold-archive", "s3.storage.DEEP_ARCHIVE", 8192.0, 8.1101),              // 8,192 x 0.00099 = 8.11008
                tuple("cold-archive", "s3.requests.put.STANDARD", 500.0, 2.50),
                tuple("cold-archive", "s3.requests.get.STANDARD", 5000.0, 2.00),
                tuple("cold-archive", "s3.lifecycleTransition.STANDARD_IA", 50.0, 0.50),
                tuple("cold-archive", "s3.lifecycleTransition.GLACIER", 20.0, 0.60),
                tuple("cold-archive", "s3.lifecycleTransition.DEEP_ARCHIVE", 10.0, 0.50));
        assertThat(lines(estimate, "inference")).containsExactly(
                tuple("redis", "elasticache.node.cache.r7g.large", 1460.0, 319.74),            // (1 primary + 1 replica) x 730 h x 0.219
                tuple("nvme-nodes", "ec2.instance.i4i.xlarge", 730.0, 250.39),                 // 1 node x 730 h x 0.343, instance store included
                tuple("nvme-nodes", "ebs.gp3.storage", 50.0, 4.00),                             // its 50 GiB root volume x 0.08
                tuple("model-repository", "efs.storage.STANDARD", 200.0, 60.00),
                tuple("model-repository", "efs.storage.INFREQUENT_ACCESS", 200.0, 3.20),       // elastic: 200 x 0.016
                tuple("model-archive", "s3.storage.STANDARD", 500.0, 11.50),
                tuple("model-archive", "s3.storage.STANDARD_IA", 200.0, 2.50));
        assertThat(estimate.tiers()).contains(new Tier("training", "hot"), new Tier("inference", "redis"), new Tier("inference", "nvme-nodes"),
                new Tier("security", "training"), new Tier("security", "inference"), new Tier("security", "cluster"));
        // The data lake's, training's and inference's keys, the created cluster's secrets key, the alarm topic's key, and in the
        // replicas' region (staging replicates to us-west-2) the replicas' key and the key of the topic the replication alarms notify.
        assertThat(estimate.lines()).filteredOn(line -> line.item().equals("kms.key")).extracting(CostLine::tier)
                .containsExactly("datalake", "training", "inference", "cluster", "alarms", "replica-us-west-2", "alarms-us-west-2");
    }

    @Test
    void aRedisNodeTypeThePriceBookLacksIsInvalidConfigNamingItsKey() {
        Map<String, Object> values = new java.util.LinkedHashMap<>(
                dev.strata.config.StackConfig.load(java.nio.file.Path.of("Pulumi.staging.yaml")).strataValues());
        @SuppressWarnings("unchecked")
        Map<String, Object> inference = new java.util.LinkedHashMap<>((Map<String, Object>) values.get("inference"));
        @SuppressWarnings("unchecked")
        Map<String, Object> redis = new java.util.LinkedHashMap<>((Map<String, Object>) inference.get("redis"));
        redis.put("nodeType", "cache.x9.huge");
        inference.put("redis", redis);
        values.put("inference", inference);
        StrataSettings settings = SettingsParser.parse(values);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CostEstimator.estimate(settings, PriceBook.load().region("us-east-1")))
                .isInstanceOf(dev.strata.core.InvalidConfigException.class)
                .hasMessageContaining("strata:inference.redis.nodeType = \"cache.x9.huge\": the price book has no us-east-1 price")
                .hasMessageContaining("cache.r7g.2xlarge");
    }

    @Test
    void theL2NodesArePricedPerInstanceHourOfTheFirstTypeAndAnUnpricedTypeNamesItsKey() {
        Map<String, Object> values = new java.util.LinkedHashMap<>(
                dev.strata.config.StackConfig.load(java.nio.file.Path.of("Pulumi.staging.yaml")).strataValues());
        @SuppressWarnings("unchecked")
        Map<String, Object> inference = new java.util.LinkedHashMap<>((Map<String, Object>) values.get("inference"));
        inference.put("nvme", Map.of("nodeGroup", Map.of("instanceTypes", List.of("m6id.xlarge", "i4i.xlarge"), "desiredSize", 2,
                "maxSize", 3, "rootVolumeGiB", 60)));
        values.put("inference", inference);
        CostEstimate estimate = CostEstimator.estimate(SettingsParser.parse(values), PriceBook.load().region("us-west-2"));
        assertThat(lines(estimate, "inference")).filteredOn(line -> line.toList().get(0).equals("nvme-nodes")).containsExactly(
                tuple("nvme-nodes", "ec2.instance.m6id.xlarge", 1460.0, 346.458),              // 2 nodes x 730 h x 0.2373
                tuple("nvme-nodes", "ebs.gp3.storage", 120.0, 9.60));                           // 2 x 60 GiB x 0.08
        assertThat(estimate.notes()).anyMatch(note -> note.contains("priced as m6id.xlarge, the first"))
                .anyMatch(note -> note.contains("up to maxSize 3"));
        inference.put("nvme", Map.of("nodeGroup", Map.of("instanceTypes", List.of("i3.xlarge"))));
        StrataSettings unpriced = SettingsParser.parse(values);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CostEstimator.estimate(unpriced, PriceBook.load().region("us-east-1")))
                .isInstanceOf(dev.strata.core.InvalidConfigException.class)
                .hasMessageContaining("strata:inference.nvme.nodeGroup.instanceTypes[0] = \"i3.xlarge\": the price book has no us-east-1 price");
        // An adopted cluster's inference nodes are its owner's: no line, a note.
        CostEstimate prod = CostEstimator.estimate(SettingsParser.parse(
                dev.strata.config.StackConfig.load(java.nio.file.Path.of("Pulumi.prod.yaml")).strataValues()),
                PriceBook.load().region("us-west-2"));
        assertThat(prod.lines()).noneMatch(line -> line.tier().equals("nvme-nodes"));
        assertThat(prod.notes()).anyMatch(note -> note.contains("the NVMe cache (L2) is the adopted cluster's inference nodes'"));
    }

    @Test
    void usageOfATierThatIsNotDeployedIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings(Map.of("environment", "dev",
                        "usage", Map.of("training", Map.of("perJob", Map.of("gibMonths", 10)), "inference", Map.of()))))
                .isInstanceOf(dev.strata.core.InvalidConfigException.class)
                .hasMessageContaining("strata:usage.training: describes the training tiers, but strata:training is not set")
                .hasMessageContaining("strata:usage.inference: describes the inference storage, but strata:inference is not set");
    }

    @Test
    void hotTierBackupsArePricedOnlyWhereFsxKeepsThem() {
        Map<String, Object> network = Map.of("vpcId", VPC_ID, "privateSubnetIds", List.of("subnet-0a1b2c3d4e5f60718"),
                "nodeSecurityGroupId", NODE_SECURITY_GROUP_ID);
        Map<String, Object> usage = Map.of("training", Map.of("hot", Map.of("backupGiB", 2400)));
        // Linked to S3 by the default association: FSx keeps no backups, so backupGiB prices nothing.
        CostEstimate linked = CostEstimator.estimate(settings(Map.of("environment", "prod", "network", network,
                "cluster", Map.of("name", "ml-platform"), "usage", usage,
                "training", Map.of("hot", Map.of("deploymentType", "PERSISTENT_2", "storageGiB", 2400, "perUnitStorageThroughput", 250)))),
                PriceBook.load().region("us-east-1"));
        assertThat(linked.lines()).noneMatch(l -> l.item().contains("backup") && l.tier().equals("hot"));
        assertThat(linked.notes()).contains("strata:usage.training.hot.backupGiB is ignored: the hot tier keeps no backups");
        // Linked to no bucket: prod keeps backups, and backupGiB is priced.
        CostEstimate unlinked = CostEstimator.estimate(settings(Map.of("environment", "prod", "network", network,
                "cluster", Map.of("name", "ml-platform"), "usage", usage,
                "training", Map.of("hot", Map.of("deploymentType", "PERSISTENT_2", "storageGiB", 2400, "perUnitStorageThroughput", 250,
                        "dataRepositoryAssociations", List.of())))),
                PriceBook.load().region("us-east-1"));
        assertThat(unlinked.lines()).anyMatch(l -> l.tier().equals("hot") && l.item().contains("backup") && l.quantity() == 2400.0);
        assertThat(unlinked.notes()).noneMatch(n -> n.contains("hot.backupGiB"));
    }
}

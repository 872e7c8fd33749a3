package dev.strata.cost;

import dev.strata.efs.ThroughputMode;
import dev.strata.training.DeploymentType;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The per-service cost functions the training and inference tiers use, each against hand arithmetic. */
class ServicePricingTest {
    private final RegionPrices prices = PriceBook.load().region("us-east-1");

    @Test
    void fsxIsPricedPerGibMonthAtTheTypesThroughputNotPerTib() {
        // 2,400 GiB PERSISTENT_2 at 250 MB/s/TiB: 2,400 x $0.210 = $504.00 (the playbook's analyser: 2.4 x 0.290).
        CostLine line = FsxPricing.storage(prices, "training", "hot", DeploymentType.PERSISTENT_2, 250, 2_400);
        assertThat(line.item()).isEqualTo("fsx.storage.PERSISTENT_2.250");
        assertThat(line.quantity()).isEqualTo(2_400);
        assertThat(line.unit()).isEqualTo("GB-month");
        assertThat(line.monthlyUsd()).isEqualTo(504.00);
        // 1,200 GiB SCRATCH_2: 1,200 x $0.140 = $168.00.
        assertThat(FsxPricing.storage(prices, "training", "hot", DeploymentType.SCRATCH_2, 200, 1_200).monthlyUsd()).isEqualTo(168.00);
        // 4,800 GiB PERSISTENT_1 at 200: 4,800 x $0.290 = $1,392.00.
        assertThat(FsxPricing.storage(prices, "training", "hot", DeploymentType.PERSISTENT_1, 200, 4_800).monthlyUsd()).isEqualTo(1_392.00);
        // 1,000 GiB of backups: 1,000 x $0.05 = $50.00.
        assertThat(FsxPricing.backups(prices, "training", "hot", 1_000).monthlyUsd()).isEqualTo(50.00);
    }

    @Test
    void fsxRejectsCapacitiesAndThroughputsAwsRejects() {
        assertThatThrownBy(() -> FsxPricing.storage(prices, "training", "hot", DeploymentType.PERSISTENT_2, 250, 3_600))
                .hasMessageContaining("PERSISTENT_2 cannot have 3600 GiB");
        assertThatThrownBy(() -> FsxPricing.storage(prices, "training", "hot", DeploymentType.SCRATCH_1, 200, 4_800))
                .hasMessageContaining("multiples of 3600");
        assertThatThrownBy(() -> FsxPricing.storage(prices, "training", "hot", DeploymentType.PERSISTENT_1, 125, 1_200))
                .hasMessageContaining("[50, 100, 200]");
        assertThatThrownBy(() -> FsxPricing.storage(prices, "training", "hot", DeploymentType.SCRATCH_2, 125, 1_200))
                .hasMessageContaining("SCRATCH_2 cannot have 125 MB/s/TiB");
    }

    @Test
    void fsxCapacityRules() {
        assertThat(DeploymentType.SCRATCH_2.capacitiesUpTo(9_600)).containsExactly(1_200, 2_400, 4_800, 7_200, 9_600);
        assertThat(DeploymentType.SCRATCH_1.capacitiesUpTo(10_800)).containsExactly(1_200, 2_400, 3_600, 7_200, 10_800);
        assertThat(DeploymentType.PERSISTENT_1.smallestCapacityAtLeast(2_401)).isEqualTo(4_800);
        assertThat(DeploymentType.SCRATCH_1.smallestCapacityAtLeast(2_401)).isEqualTo(3_600);
        assertThat(DeploymentType.SCRATCH_1.smallestCapacityAtLeast(3_601)).isEqualTo(7_200);
        assertThat(DeploymentType.PERSISTENT_2.smallestCapacityAtLeast(10)).isEqualTo(1_200);
        // 1.2 TiB at 125 MB/s/TiB serves 150 MB/s.
        assertThat(DeploymentType.throughputMBps(1_200, 125)).isEqualTo(150.0);
    }

    @Test
    void efsStorageByClassAndThroughputMode() {
        // 1,000 GiB Standard: 1,000 x $0.30 = $300.00.
        assertThat(EfsPricing.storage(prices, "training", "warm", EfsStorageClass.STANDARD, ThroughputMode.ELASTIC, 1_000)
                .monthlyUsd()).isEqualTo(300.00);
        // 2,000 GiB Infrequent Access: $0.016 on Elastic (= $32.00), $0.025 on Bursting (= $50.00).
        assertThat(EfsPricing.storage(prices, "training", "warm", EfsStorageClass.INFREQUENT_ACCESS, ThroughputMode.ELASTIC, 2_000)
                .monthlyUsd()).isEqualTo(32.00);
        assertThat(EfsPricing.storage(prices, "training", "warm", EfsStorageClass.INFREQUENT_ACCESS, ThroughputMode.BURSTING, 2_000)
                .monthlyUsd()).isEqualTo(50.00);
        // 5,000 GiB Archive: 5,000 x $0.008 = $40.00; Archive needs Elastic.
        assertThat(EfsPricing.storage(prices, "training", "warm", EfsStorageClass.ARCHIVE, ThroughputMode.ELASTIC, 5_000)
                .monthlyUsd()).isEqualTo(40.00);
        assertThatThrownBy(() -> EfsPricing.storage(prices, "training", "warm", EfsStorageClass.ARCHIVE, ThroughputMode.PROVISIONED, 1))
                .hasMessageContaining("needs Elastic");
    }

    @Test
    void efsElasticAndProvisionedThroughput() {
        // Elastic: 500 GB read x $0.03 = $15.00; 200 GB written x $0.06 = $12.00.
        assertThat(EfsPricing.elasticReads(prices, "inference", "models", 500).monthlyUsd()).isEqualTo(15.00);
        assertThat(EfsPricing.elasticWrites(prices, "inference", "models", 200).monthlyUsd()).isEqualTo(12.00);
        // Provisioned 100 MB/s over 1,000 GiB Standard (baseline 1,000 x 0.05 = 50 MB/s): (100 - 50) x $6.00 = $300.00.
        CostLine provisioned = EfsPricing.provisionedThroughput(prices, "inference", "models", 100, 1_000);
        assertThat(provisioned.quantity()).isEqualTo(50.0);
        assertThat(provisioned.unit()).isEqualTo("MB/s-month");
        assertThat(provisioned.monthlyUsd()).isEqualTo(300.00);
        // Provisioning less than the baseline bills nothing.
        assertThat(EfsPricing.provisionedThroughput(prices, "inference", "models", 40, 1_000).monthlyUsd()).isEqualTo(0.0);
    }

    @Test
    void elastiCacheAndEksByTheHour() {
        // 2 x cache.r6g.large all month: 2 x 730 h x $0.206 = $300.76.
        CostLine cache = ElastiCachePricing.nodes(prices, "inference", "l1", "cache.r6g.large", 2);
        assertThat(cache.quantity()).isEqualTo(1_460);
        assertThat(cache.monthlyUsd()).isEqualTo(300.76);
        // 1 cluster: 730 h x $0.10 = $73.00; in extended support 730 x $0.60 = $438.00.
        assertThat(EksPricing.clusters(prices, "cluster", "control-plane", 1, false).monthlyUsd()).isEqualTo(73.00);
        assertThat(EksPricing.clusters(prices, "cluster", "control-plane", 1, true).monthlyUsd()).isEqualTo(438.00);
    }

    @Test
    void s3AndKmsUnits() {
        // 2,000,000 PUTs = 2,000 x (1,000 requests) x $0.005 = $10.00.
        assertThat(S3Pricing.putRequests(prices, "datalake", "raw", 2_000_000).monthlyUsd()).isEqualTo(10.00);
        // 30,000 transitions to DEEP_ARCHIVE = 30 x $0.05 = $1.50.
        assertThat(S3Pricing.transitions(prices, "datalake", "raw", "DEEP_ARCHIVE", 30_000).monthlyUsd()).isEqualTo(1.50);
        // 1,500 GB read from GLACIER_IR x $0.03 = $45.00.
        assertThat(S3Pricing.retrieval(prices, "training", "cold", "GLACIER_IR", 1_500).monthlyUsd()).isEqualTo(45.00);
        // 3,000,000 KMS requests = 300 x (10,000 requests) x $0.03 = $9.00.
        assertThat(KmsPricing.requests(prices, "security", "datalake", 3_000_000).monthlyUsd()).isEqualTo(9.00);
    }

    @Test
    void aWholeEfsFileSystemFromItsUsage() {
        var usage = new dev.strata.cost.UsageSettings.EfsUsage(1_000, 4_000, 0, 2_000, 500, 0);
        // Elastic: 1,000 x 0.30 = 300.00; 4,000 x 0.016 = 64.00; 2,000 GB read x 0.03 = 60.00; 500 GB written x 0.06 = 30.00.
        assertThat(EfsPricing.fileSystemLines(prices, "training", "warm", ThroughputMode.ELASTIC, 0, usage))
                .extracting(CostLine::item, CostLine::monthlyUsd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("efs.storage.STANDARD", 300.00),
                        org.assertj.core.groups.Tuple.tuple("efs.storage.INFREQUENT_ACCESS", 64.00),
                        org.assertj.core.groups.Tuple.tuple("efs.elastic.read", 60.00),
                        org.assertj.core.groups.Tuple.tuple("efs.elastic.write", 30.00));
        // Provisioned 250 MB/s: 300.00; 4,000 x 0.025 = 100.00; (250 - 1,000 x 0.05) x 6.00 = 1,200.00; reads and writes free.
        assertThat(EfsPricing.fileSystemLines(prices, "training", "warm", ThroughputMode.PROVISIONED, 250, usage))
                .extracting(CostLine::item, CostLine::monthlyUsd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("efs.storage.STANDARD", 300.00),
                        org.assertj.core.groups.Tuple.tuple("efs.storageLegacyThroughput.INFREQUENT_ACCESS", 100.00),
                        org.assertj.core.groups.Tuple.tuple("efs.provisionedThroughput", 1_200.00));
        // Bursting: storage only, 300.00 + 100.00.
        assertThat(EfsPricing.fileSystemLines(prices, "training", "warm", ThroughputMode.BURSTING, 0, usage))
                .extracting(CostLine::monthlyUsd).containsExactly(300.00, 100.00);
    }

    @Test
    void ebsGp3BillsOnlyWhatIsProvisionedAboveTheIncludedPerformance() {
        // 2,000 GiB x $0.08 = 160.00; (6,000 - 3,000) IOPS x $0.005 = 15.00; (500 - 125) MB/s x $0.04 = 15.00.
        assertThat(EbsPricing.gp3(prices, "training", "hot", 2_000, 6_000, 500)).extracting(CostLine::item, CostLine::monthlyUsd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ebs.gp3.storage", 160.00),
                        org.assertj.core.groups.Tuple.tuple("ebs.gp3.iops", 15.00),
                        org.assertj.core.groups.Tuple.tuple("ebs.gp3.throughput", 15.00));
        assertThat(EbsPricing.iopsFor(1_000)).isEqualTo(4_000);
        assertThat(EbsPricing.sizeFor(3, 4_000)).isEqualTo(8);
        assertThatThrownBy(() -> EbsPricing.gp3(prices, "training", "hot", 100, 3_000, 1_000)).hasMessageContaining("gp3 cannot have");
        assertThatThrownBy(() -> EbsPricing.gp3(prices, "training", "hot", 20_000, 3_000, 125)).hasMessageContaining("gp3 cannot have");
    }
}

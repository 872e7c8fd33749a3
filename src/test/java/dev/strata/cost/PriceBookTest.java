package dev.strata.cost;

import dev.strata.training.DeploymentType;

import dev.strata.core.InvalidConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceBookTest {
    private final PriceBook book = PriceBook.load();

    @Test
    void coversBothRegionsWithTheSameItems() {
        assertThat(book.regions()).contains("us-east-1", "us-west-2");
        assertThat(book.region("us-west-2").all().keySet()).isEqualTo(book.region("us-east-1").all().keySet());
        assertThat(book.hoursPerMonth()).isEqualTo(730);
    }

    @Test
    void everyPriceHasItsUnitSourceAndDateAndSaysWhetherItIsConfirmed() {
        for (String region : book.regions()) {
            for (Price price : book.region(region).all().values()) {
                assertThat(price.usd()).as(price.item()).isGreaterThanOrEqualTo(0);
                assertThat(price.unit()).as(price.item()).isNotBlank();
                assertThat(price.source()).as(price.item()).matches("https://aws\\.amazon\\.com/[a-z0-9/]+/pricing/(on-demand/)?");
                assertThat(price.date()).as(price.item()).matches("\\d{4}-\\d{2}-\\d{2}");
                if (price.confirmedBy() == null) {
                    assertThat(price.note()).as(price.item()).contains("Not confirmed");
                }
            }
        }
    }

    @Test
    void holdsEveryItemTheIssueNames() {
        RegionPrices prices = book.region("us-east-1");
        for (String item : new String[]{"s3.storage.STANDARD", "s3.storage.DEEP_ARCHIVE", "s3.requests.put.STANDARD",
                "s3.requests.get.STANDARD", "s3.lifecycleTransition.GLACIER", "efs.storage.STANDARD",
                "efs.storage.INFREQUENT_ACCESS", "efs.elastic.read", "efs.elastic.write", "efs.provisionedThroughput",
                "fsx.storage.SCRATCH_1", "fsx.storage.SCRATCH_2", "fsx.storage.PERSISTENT_1.200",
                "fsx.storage.PERSISTENT_2.1000", "fsx.backup", "kms.key", "kms.requests",
                "elasticache.node.cache.r6g.large", "eks.cluster"}) {
            assertThat(prices.has(item)).as(item).isTrue();
        }
        for (DeploymentType type : DeploymentType.values()) {
            type.throughputChoices().forEach(t -> assertThat(prices.has(FsxPricing.item(type, t))).as(type + "@" + t).isTrue());
        }
    }

    @Test
    void everyItemReadsAsWordsAndTheDefaultNodeTypesArePricedInEveryRegion() {
        for (String item : book.region("us-east-1").all().keySet()) {
            assertThat(ItemNames.describe(item)).as(item).isNotEqualTo(item).matches("(S3|EFS|FSx|EBS|KMS|EKS|EC2|ElastiCache) .+");
        }
        assertThat(ItemNames.describe("s3.storage.STANDARD_IA")).isEqualTo("S3 Standard-IA storage");
        assertThat(ItemNames.describe("fsx.storage.PERSISTENT_2.500")).isEqualTo("FSx for Lustre PERSISTENT_2 storage at 500 MB/s/TiB");
        assertThat(ItemNames.describe("ec2.instance.m6i.xlarge")).isEqualTo("EC2 m6i.xlarge instances (On-Demand, Linux)");
        assertThat(ItemNames.describe("something.new")).isEqualTo("something.new");
        for (String region : book.regions()) {
            RegionPrices prices = book.region(region);
            assertThat(prices.has(Ec2Pricing.INSTANCE + dev.strata.cluster.EksCluster.DEFAULT_INSTANCE_TYPE)).as(region).isTrue();
            dev.strata.cluster.InferenceNodeGroupArgs.DEFAULT_INSTANCE_TYPES
                    .forEach(type -> assertThat(prices.has(Ec2Pricing.INSTANCE + type)).as(region + " " + type).isTrue());
        }
    }

    @Test
    void moneyHasOneFormatForAmountsAndOneForUnitPrices() {
        assertThat(Money.usd(1234.5)).isEqualTo("$1,234.50");
        assertThat(Money.usd(-3)).isEqualTo("-$3.00");
        assertThat(Money.usd(0.125)).isEqualTo("$0.13");
        assertThat(Money.unitUsd(0.3)).isEqualTo("$0.30");
        assertThat(Money.unitUsd(1)).isEqualTo("$1.00");
        assertThat(Money.unitUsd(0.0125)).isEqualTo("$0.0125");
        assertThat(Money.unitUsd(0.00099)).isEqualTo("$0.00099");
        assertThat(Money.unitUsd(6)).isEqualTo("$6.00");
    }

    @Test
    void aRegionTheBookLacksIsInvalidConfigNamingAwsRegion() {
        assertThatThrownBy(() -> book.region("eu-west-1"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("aws:region = \"eu-west-1\"")
                .hasMessageContaining("us-east-1, us-west-2");
    }

    @Test
    void anItemTheBookLacksIsAnErrorNeverZero() {
        assertThatThrownBy(() -> book.region("us-east-1").price("elasticache.node.cache.x99.huge"))
                .isInstanceOf(MissingPriceException.class)
                .hasMessageContaining("elasticache.node.cache.x99.huge in us-east-1");
        assertThatThrownBy(() -> ElastiCachePricing.nodes(book.region("us-east-1"), "inference", "l1", "cache.x99.huge", 1))
                .isInstanceOf(MissingPriceException.class);
    }
}

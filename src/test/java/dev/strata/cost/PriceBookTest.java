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

package dev.strata.cost;

import dev.strata.core.InvalidConfigException;

import java.util.List;
import java.util.Map;

/** The prices of one region of the {@link PriceBook}. */
public final class RegionPrices {
    private final String region;
    private final Map<String, Price> prices;
    private final int hoursPerMonth;

    RegionPrices(String region, Map<String, Price> prices, int hoursPerMonth) {
        this.region = region;
        this.prices = prices;
        this.hoursPerMonth = hoursPerMonth;
    }

    public String region() {
        return region;
    }

    /** Hours in a month, for hourly prices. */
    public int hoursPerMonth() {
        return hoursPerMonth;
    }

    /** The price of {@code item}; throws {@link MissingPriceException} when the book lacks it. */
    public Price price(String item) {
        Price price = prices.get(item);
        if (price == null) {
            throw new MissingPriceException(region, item);
        }
        return price;
    }

    /**
     * The item {@code prefix + name} (an instance or node type a setting chose), when the book has it; else
     * invalid config naming {@code key}, the value and the names the book prices under {@code prefix}.
     */
    public String chosen(String prefix, String name, String key, String what) {
        if (!has(prefix + name)) {
            List<String> known = prices.keySet().stream().filter(item -> item.startsWith(prefix))
                    .map(item -> item.substring(prefix.length())).toList();
            throw new InvalidConfigException(List.of(key + " = \"" + name + "\": the price book has no " + region
                    + " price for this " + what + " (it prices " + String.join(", ", known)
                    + "; add it to src/main/resources" + PriceBook.RESOURCE + ")"));
        }
        return prefix + name;
    }

    public boolean has(String item) {
        return prices.containsKey(item);
    }

    /** Every item priced in this region. */
    public Map<String, Price> all() {
        return prices;
    }

    /**
     * A cost line: {@code quantity} units of {@code item} at its price. The quantity is counted in
     * the price's own unit (GB-month, 1,000 requests, node-hour...), so monthly = quantity x unit price.
     */
    public CostLine line(String component, String tier, String item, double quantity) {
        Price price = price(item);
        return new CostLine(component, tier, item, quantity, price.unit(), price.usd(), Money.times(quantity, price.usd()), price.confirmed());
    }
}

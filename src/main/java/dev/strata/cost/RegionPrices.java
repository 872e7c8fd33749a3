package dev.strata.cost;

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
        return new CostLine(component, tier, item, quantity, price.unit(), price.usd(), Money.times(quantity, price.usd()));
    }
}

package dev.strata.cost;

/** The price book has no price for an item in a region: the estimate stops rather than count it as free. */
public final class MissingPriceException extends IllegalStateException {
    public MissingPriceException(String region, String item) {
        super("the price book has no price for " + item + " in " + region
                + " (add it to src/main/resources" + PriceBook.RESOURCE + " with its unit, source and date)");
    }
}

package dev.strata.cost;

/**
 * One line of a cost estimate (the {@code cost.lines} of the plan contract).
 *
 * @param component    the component, e.g. {@code datalake}, {@code security}, {@code training}
 * @param tier         the tier or part of it, e.g. a zone name, {@code hot}, {@code warm}
 * @param item         the price book item, e.g. {@code s3.storage.STANDARD_IA}
 * @param quantity     how many units a month, in the price's unit
 * @param unit         the unit, e.g. {@code GB-month}
 * @param unitPriceUsd the price per unit
 * @param monthlyUsd   quantity x unit price, rounded to {@link Money#SCALE} places
 * @param confirmed    whether the unit price was confirmed against a page ({@link Price#confirmed()}); an
 *                     unconfirmed one is marked wherever the line is shown
 */
public record CostLine(String component, String tier, String item, double quantity, String unit,
                       double unitPriceUsd, double monthlyUsd, boolean confirmed) {
    /** The item in words, e.g. {@code S3 Standard-IA storage} for {@code s3.storage.STANDARD_IA}. */
    public String description() {
        return ItemNames.describe(item);
    }
}

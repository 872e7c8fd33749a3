package dev.strata.cost;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The line as the plan's and the recommendation's JSON write it: the contract's keys, in its order. */
    public Map<String, Object> json() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("component", component);
        map.put("tier", tier);
        map.put("item", item);
        map.put("description", description());
        map.put("quantity", quantity);
        map.put("unit", unit);
        map.put("unitPriceUsd", unitPriceUsd);
        map.put("monthlyUsd", monthlyUsd);
        map.put("confirmed", confirmed);
        return map;
    }
}

package dev.strata.cost;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.core.InvalidConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS list prices as data: the resource {@code dev/strata/cost/prices.json}, per region, each price
 * with its unit, source page and date. Asking for a region the book lacks is invalid config (it
 * names {@code aws:region} and the regions the book has); asking for an item the region lacks is a
 * {@link MissingPriceException}. Neither is ever answered with zero.
 */
public final class PriceBook {
    /** The resource holding Strata's price book. */
    public static final String RESOURCE = "/dev/strata/cost/prices.json";

    private static volatile PriceBook bundled;

    private final Map<String, Map<String, Price>> regions;
    private final int hoursPerMonth;

    PriceBook(Map<String, Map<String, Price>> regions, int hoursPerMonth) {
        Map<String, Map<String, Price>> copy = new TreeMap<>();
        regions.forEach((region, prices) -> copy.put(region, Collections.unmodifiableMap(new TreeMap<>(prices))));
        this.regions = Collections.unmodifiableMap(copy);
        this.hoursPerMonth = hoursPerMonth;
    }

    /** Strata's own price book (parsed once). */
    public static PriceBook load() {
        PriceBook book = bundled;
        if (book == null) {
            try (InputStream in = PriceBook.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the price book " + RESOURCE + " is missing from the classpath");
                }
                book = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the price book " + RESOURCE, e);
            }
            bundled = book;
        }
        return book;
    }

    /** Parses a price book document; every entry must carry usd, unit, source and date. */
    static PriceBook parse(Reader reader) {
        JsonObject document = JsonParser.parseReader(reader).getAsJsonObject();
        int hours = document.get("hoursPerMonth").getAsInt();
        Map<String, Map<String, Price>> regions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> region : document.getAsJsonObject("regions").entrySet()) {
            Map<String, Price> prices = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> item : region.getValue().getAsJsonObject().entrySet()) {
                JsonObject entry = item.getValue().getAsJsonObject();
                for (String required : List.of("usd", "unit", "source", "date")) {
                    if (!entry.has(required) || entry.get(required).isJsonNull()) {
                        throw new IllegalStateException("price book: " + region.getKey() + " " + item.getKey() + " has no " + required);
                    }
                }
                prices.put(item.getKey(), new Price(item.getKey(), entry.get("usd").getAsDouble(), entry.get("unit").getAsString(),
                        entry.get("source").getAsString(), entry.get("date").getAsString(),
                        text(entry, "confirmedBy"), text(entry, "note")));
            }
            regions.put(region.getKey(), prices);
        }
        return new PriceBook(regions, hours);
    }

    private static String text(JsonObject entry, String key) {
        return entry.has(key) && !entry.get(key).isJsonNull() ? entry.get(key).getAsString() : null;
    }

    /** The regions the book has prices for. */
    public Set<String> regions() {
        return regions.keySet();
    }

    /** Hours in a month, for hourly prices (AWS's calculator uses 730). */
    public int hoursPerMonth() {
        return hoursPerMonth;
    }

    /** The prices of one region; a region the book lacks is invalid config naming {@code aws:region}. */
    public RegionPrices region(String region) {
        Map<String, Price> prices = regions.get(region);
        if (prices == null) {
            throw new InvalidConfigException(List.of("aws:region = \"" + region + "\": the price book has no prices for this region "
                    + "(it has " + String.join(", ", regions.keySet()) + "; add the region to src/main/resources" + RESOURCE + ")"));
        }
        return new RegionPrices(region, prices, hoursPerMonth);
    }
}

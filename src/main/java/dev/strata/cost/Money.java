package dev.strata.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money arithmetic of the estimate. A line's monthly cost is rounded to 1/10,000 USD (small lines,
 * such as KMS requests, stay visible) and totals are exact sums of the rounded lines, so the lines
 * always add up to the total shown.
 */
public final class Money {
    /** Decimal places of a line's monthly cost. */
    public static final int SCALE = 4;

    private Money() {
    }

    /** {@code quantity x unitPrice}, rounded half-up to {@link #SCALE} places. */
    public static double times(double quantity, double unitPrice) {
        return BigDecimal.valueOf(quantity).multiply(BigDecimal.valueOf(unitPrice))
                .setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    /** The exact sum of amounts already rounded to {@link #SCALE} places. */
    public static double sum(Iterable<Double> amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (double amount : amounts) {
            total = total.add(BigDecimal.valueOf(amount));
        }
        return total.setScale(SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    /** USD for people: two decimals with thousands separators ({@code $1,234.50}, {@code -$3.00}). */
    public static String usd(double amount) {
        return (amount < 0 ? "-" : "") + String.format(java.util.Locale.ROOT, "$%,.2f", Math.abs(amount));
    }

    /**
     * A unit price for people: as many decimals as the price book gives, at least two
     * ({@code $0.023}, {@code $0.00099}, {@code $1.00}), so a small rate is never rounded away.
     */
    public static String unitUsd(double price) {
        BigDecimal exact = BigDecimal.valueOf(price).stripTrailingZeros();
        return "$" + (exact.scale() < 2 ? exact.setScale(2, RoundingMode.UNNECESSARY) : exact).toPlainString();
    }
}

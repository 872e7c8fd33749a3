package dev.strata.cost;

/**
 * One entry of the price book.
 *
 * @param item        the price book key, e.g. {@code s3.storage.STANDARD_IA}
 * @param usd         the price in USD per {@code unit}
 * @param unit        what the price is per, e.g. {@code GB-month}, {@code 1,000 requests}, {@code node-hour}
 * @param source      the AWS pricing page the price belongs to
 * @param date        the date the price was recorded (ISO-8601)
 * @param confirmedBy the page (a stored copy) the figure was confirmed against, or null when it was not
 * @param note        what the figure covers and what it leaves out; says so when it is unconfirmed
 */
public record Price(String item, double usd, String unit, String source, String date, String confirmedBy, String note) {
    /** Whether the figure was checked against a (stored copy of a) page: {@link #confirmedBy} is set. */
    public boolean confirmed() {
        return confirmedBy != null;
    }
}

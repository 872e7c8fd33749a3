package dev.strata.datalake;

/** Moves objects to {@code storageClass} {@code days} days after creation (or after becoming noncurrent). */
public record Transition(int days, StorageClass storageClass) {
}

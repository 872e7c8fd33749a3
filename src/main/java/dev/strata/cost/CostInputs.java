package dev.strata.cost;

import dev.strata.cluster.ClusterSettings;
import dev.strata.inference.InferenceSettings;
import dev.strata.monitoring.MonitoringSettings;
import dev.strata.datalake.DataLakeSettings;
import dev.strata.training.TrainingSettings;

import java.util.Optional;

/**
 * The settings a cost estimate reads: each component's own settings and the expected usage. The
 * stack's settings provide them (dev.strata.stack.StrataSettings implements this), so the cost
 * model depends on the domains and not on the stack that assembles them.
 */
public interface CostInputs {
    /** The data lake ({@code strata:dataLake}). */
    DataLakeSettings dataLake();

    /** The training storage ({@code strata:training}), if set. */
    Optional<TrainingSettings> training();

    /** The inference storage ({@code strata:inference}), if set. */
    Optional<InferenceSettings> inference();

    /** The EKS cluster ({@code strata:cluster}), if the stack has one. */
    Optional<ClusterSettings> cluster();

    /** Expected usage and the budget ({@code strata:usage}, {@code strata:budget}). */
    CostSettings cost();

    /** The storage alarms' subscriptions and thresholds ({@code strata:monitoring}). */
    MonitoringSettings monitoring();
}

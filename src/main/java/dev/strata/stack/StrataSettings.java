package dev.strata.stack;

import dev.strata.cluster.ClusterSettings;
import dev.strata.datalake.DataLakeSettings;
import dev.strata.cost.CostInputs;
import dev.strata.cost.CostSettings;
import dev.strata.config.Environment;
import dev.strata.config.NetworkSettings;
import dev.strata.inference.InferenceSettings;
import dev.strata.monitoring.MonitoringSettings;
import dev.strata.training.TrainingSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of a Strata stack, validated and immutable. Parsed once from the {@code strata:}
 * config namespace by {@link SettingsParser}.
 *
 * @param environment the stack's environment ({@code strata:environment})
 * @param protect     whether stateful resources are protected and retained on delete ({@code strata:protect})
 * @param tags        cost-allocation tags added to every taggable resource ({@code strata:tags})
 * @param dataLake    the S3 data lake ({@code strata:dataLake})
 * @param network     the VPC, private subnets and cluster clients of the file systems ({@code strata:network}), if set
 * @param training    the four-tier training storage ({@code strata:training}), if set
 * @param inference   inference storage ({@code strata:inference}), if set
 * @param cluster     the EKS cluster and its CSI drivers ({@code strata:cluster}); present whenever the stack has
 *                    Kubernetes objects (cluster, training, inference or workloads set)
 * @param workloads   the workload identities ({@code strata:workloads}); empty without a cluster
 * @param cost        expected usage and the budget, for the cost estimate ({@code strata:usage}, {@code strata:budget})
 * @param monitoring  the storage alarms' subscriptions and thresholds ({@code strata:monitoring})
 */
public record StrataSettings(Environment environment, boolean protect, Map<String, String> tags, DataLakeSettings dataLake,
                             Optional<NetworkSettings> network, Optional<TrainingSettings> training,
                             Optional<InferenceSettings> inference, Optional<ClusterSettings> cluster,
                             List<WorkloadSettings> workloads, CostSettings cost,
                             MonitoringSettings monitoring) implements CostInputs {
    public StrataSettings {
        tags = Map.copyOf(tags);
        workloads = List.copyOf(workloads);
    }

}

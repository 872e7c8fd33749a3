package dev.strata.stack;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.cluster.CsiDriver;
import dev.strata.cluster.CsiDriverArgs;
import dev.strata.cluster.EksCluster;
import dev.strata.cluster.EksClusterArgs;
import dev.strata.cluster.InferenceNodeGroupArgs;
import dev.strata.cluster.ClusterSettings;
import dev.strata.inference.InferenceSettings;
import dev.strata.config.NetworkSettings;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.SecureBucket;
import dev.strata.inference.InferenceStorage;
import dev.strata.inference.NvmeNode;
import dev.strata.security.Grants;
import dev.strata.security.WorkloadIdentity;
import dev.strata.security.WorkloadIdentityArgs;
import dev.strata.training.TrainingSettings;
import dev.strata.training.TrainingStorage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code strata:cluster} and {@code strata:workloads} into the cluster, its two CSI drivers and
 * the workload identities, and has the storage components grant each identity what its settings name.
 */
final class ClusterWiring {
    private ClusterWiring() {
    }

    /** The cluster and the drivers installed on it. */
    record Cluster(EksCluster eks, CsiDriver efs, CsiDriver fsx) {
        Provider kubernetes() {
            return eks.kubernetesProvider();
        }
    }

    /**
     * The cluster {@code <stack>} (named {@code strata-<stack>} in EKS unless set) and its EFS and FSx CSI
     * drivers. A created cluster's Kubernetes secrets are encrypted with the stack's cluster key ({@link StackKeys#cluster}).
     */
    static Cluster define(String stack, StrataSettings stackSettings, StackKeys keys, Map<String, String> tags) {
        ClusterSettings settings = stackSettings.cluster().orElseThrow();
        ClusterSettings.Addons addons = settings.addons();
        var args = EksClusterArgs.builder()
                .create(settings.create())
                .clusterName(settings.name().orElse(settings.create() ? "strata-" + stack : null))
                .podIdentityAgent(addons.podIdentityAgent().use().configValue())
                .podIdentityAgentVersion(addons.podIdentityAgent().version().orElse(null))
                .tags(tags);
        if (settings.create()) {
            NetworkSettings net = stackSettings.network().orElseThrow();
            args.version(settings.version())
                    .vpcId(net.vpcId())
                    .privateSubnetIds(net.privateSubnetIds())
                    .nodeSecurityGroupId(net.nodeSecurityGroupId().orElse(null))
                    .endpointPublicAccess(settings.endpointPublicAccess())
                    .publicAccessCidrs(settings.publicAccessCidrs())
                    .secretsKeyArn(keys.cluster().orElseThrow().keyArn)
                    .logRetentionDays(settings.logRetentionDays())
                    .vpcCniVersion(addons.vpcCniVersion().orElse(null))
                    .instanceType(settings.nodeGroup().instanceType())
                    .desiredSize(settings.nodeGroup().desiredSize())
                    .minSize(settings.nodeGroup().minSize())
                    .maxSize(settings.nodeGroup().maxSize())
                    .rootVolumeGiB(settings.nodeGroup().rootVolumeGiB());
            stackSettings.inference().flatMap(i -> inferenceNodeGroup(i, settings)).ifPresent(args::inferenceNodeGroup);
        }
        boolean fsxDynamicProvisioning = stackSettings.training().flatMap(TrainingSettings::perJob).isPresent();
        EksCluster eks = new EksCluster(stack, args.build(), null);
        // The CSI add-ons wait for the cluster, nodes included; the FSx add-on also for the Pod Identity Agent
        // it requires (https://docs.aws.amazon.com/eks/latest/userguide/fsx-csi-create.html).
        CsiDriver efs = new CsiDriver(stack + "-efs-csi", driverArgs(eks, CsiDriver.Driver.EFS, addons.efsCsiDriver(), false, tags),
                ComponentResourceOptions.builder().dependsOn(eks).build());
        List<Resource> beforeFsx = new ArrayList<>(List.of(eks));
        eks.podIdentityAgent().ifPresent(beforeFsx::add);
        CsiDriver fsx = new CsiDriver(stack + "-fsx-csi", driverArgs(eks, CsiDriver.Driver.FSX, addons.fsxCsiDriver(),
                fsxDynamicProvisioning, tags), ComponentResourceOptions.builder().dependsOn(beforeFsx).build());
        return new Cluster(eks, efs, fsx);
    }

    /**
     * The created cluster's inference node group, when L2 is on: its instance types and sizes from
     * {@code strata:inference.nvme.nodeGroup}, labelled and tainted with {@code nodeLabel} (so that only the
     * L2 pods and what tolerates the taint run there), and the boot step that mounts the cache where the
     * provisioner looks.
     */
    private static Optional<InferenceNodeGroupArgs> inferenceNodeGroup(InferenceSettings inference, ClusterSettings cluster) {
        return inference.createdNodeGroup(cluster).map(group -> {
            NvmeNode nodes = inference.nvme().orElseThrow().nodes();
            return InferenceNodeGroupArgs.builder()
                    .instanceTypes(group.instanceTypes())
                    .desiredSize(group.desiredSize())
                    .minSize(group.minSize())
                    .maxSize(group.maxSize())
                    .rootVolumeGiB(group.rootVolumeGiB())
                    .labels(Map.of(nodes.labelKey(), nodes.labelValue()))
                    .taints(Map.of(nodes.labelKey(), nodes.labelValue()))
                    .bootScript(nodes.bootScript())
                    .build();
        });
    }

    static CsiDriverArgs driverArgs(EksCluster eks, CsiDriver.Driver driver, ClusterSettings.Addon addon, boolean dynamic,
                                            Map<String, String> tags) {
        return CsiDriverArgs.builder()
                .driver(driver.configValue())
                .use(addon.use().configValue())
                .roleName(addon.roleName().orElse(null))
                .addonVersion(addon.version().orElse(null))
                .clusterName(eks.clusterName)
                .oidcProviderArn(eks.oidcProviderArn)
                .oidcIssuer(eks.oidcIssuer)
                .dynamicProvisioning(dynamic)
                .tags(tags)
                .build();
    }

    /** One identity {@code <stack>-<workload>} per workload, in its namespace as data (so its service account waits for it). */
    static Map<String, WorkloadIdentity> identities(String stack, List<WorkloadSettings> workloads, Cluster cluster,
                                                    StackNamespaces namespaces, Map<String, String> tags) {
        Map<String, WorkloadIdentity> identities = new LinkedHashMap<>();
        for (WorkloadSettings workload : workloads) {
            identities.put(workload.name(), new WorkloadIdentity(stack + "-" + workload.name(), WorkloadIdentityArgs.builder()
                    .namespace(namespaces.name(workload.namespace()))
                    .serviceAccountName(workload.serviceAccount())
                    .oidcProviderArn(cluster.eks().oidcProviderArn)
                    .oidcIssuer(cluster.eks().oidcIssuer)
                    .tags(tags)
                    .build(), ComponentResourceOptions.builder().providers(cluster.kubernetes()).build()));
        }
        return identities;
    }

    /**
     * Every grant the workloads' settings name, made by the component that owns the bucket, zone or cache,
     * and the CSI drivers' grants on the stack's file systems.
     */
    static void grant(Cluster cluster, List<WorkloadSettings> workloads, Map<String, WorkloadIdentity> identities, DataLake dataLake,
                      Optional<TrainingStorage> training, Optional<InferenceStorage> inference) {
        for (WorkloadSettings workload : workloads) {
            grant(workload, identities.get(workload.name()), dataLake, training, inference);
        }
        grantFileSystems(cluster, training, inference);
    }

    /** Every grant a workload's settings name, made by the component that owns the bucket, zone or cache. */
    private static void grant(WorkloadSettings workload, WorkloadIdentity identity, DataLake dataLake,
                      Optional<TrainingStorage> training, Optional<InferenceStorage> inference) {
        for (WorkloadSettings.Access access : workload.read()) {
            bucket(access, dataLake, training, inference).grantRead(identity, access.prefix());
        }
        for (WorkloadSettings.Access access : workload.write()) {
            bucket(access, dataLake, training, inference).grantWrite(identity, access.prefix());
        }
        if (workload.cache()) {
            inference.orElseThrow().grantCacheConnect(identity);
        }
        if (workload.describeFileSystems()) {
            identity.grant(Grants.describeFileSystems());
        }
    }

    /** The parser admits only names of buckets and zones the stack has. */
    private static SecureBucket bucket(WorkloadSettings.Access access, DataLake dataLake, Optional<TrainingStorage> training,
                                       Optional<InferenceStorage> inference) {
        if (access.target() == WorkloadSettings.Target.ZONE) {
            return dataLake.zone(access.name()).orElseThrow();
        }
        if (access.name().equals(WorkloadSettings.TRAINING_BUCKET)) {
            return training.orElseThrow().bucket();
        }
        if (access.name().equals(WorkloadSettings.MODEL_ARCHIVE_BUCKET)) {
            return inference.orElseThrow().archive();
        }
        throw new IllegalStateException("unknown bucket " + access.name());
    }

    /**
     * The EFS CSI driver provisions on and mounts every EFS file system of the stack; the FSx CSI driver
     * may create per-job file systems encrypted with the training key.
     */
    private static void grantFileSystems(Cluster cluster, Optional<TrainingStorage> training, Optional<InferenceStorage> inference) {
        training.flatMap(TrainingStorage::warmFileSystem).ifPresent(efs -> efs.grantCsiDriver(cluster.efs()));
        training.ifPresent(storage -> storage.grantPerJobProvisioning(cluster.fsx()));
        inference.ifPresent(storage -> storage.modelRepository().grantCsiDriver(cluster.efs()));
    }
}

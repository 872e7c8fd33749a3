package dev.strata;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.strata.config.NetworkSettings;
import dev.strata.config.TrainingSettings;
import dev.strata.datalake.LifecycleRuleArgs;
import dev.strata.efs.EfsOptionsArgs;
import dev.strata.training.HotTierArgs;
import dev.strata.training.LustreAssociationArgs;
import dev.strata.training.PerJobScratchArgs;
import dev.strata.training.TrainingStorage;
import dev.strata.training.TrainingStorageArgs;
import dev.strata.training.WarmTierArgs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns the validated {@code strata:training} and {@code strata:network} settings into a {@link TrainingStorage}. */
final class TrainingTier {
    private TrainingTier() {
    }

    /**
     * The training storage of the stack. The Kubernetes provider is handed over through the
     * component's {@code providers} option: Pulumi's own mechanism, which every Kubernetes child
     * inherits from its parent, and which a component package consumer sets the same way.
     * {@code efsCsiDriver}, an output of the EFS CSI driver's add-on, orders the warm tier's claim
     * after the driver that binds it.
     */
    static TrainingStorage define(String name, TrainingSettings training, NetworkSettings network, Output<String> kmsKeyArn,
                                  Provider kubernetes, Map<String, String> tags, boolean protect, boolean createNamespace,
                                  List<Resource> namespaceOwners, Optional<Output<String>> efsCsiDriver) {
        var args = TrainingStorageArgs.builder()
                .kmsKeyArn(kmsKeyArn)
                .network(StrataStack.networkArgs(network))
                .namespace(training.namespace())
                .createNamespace(createNamespace)
                .lifecycleRules(training.coldArchive().lifecycle().stream().map(LifecycleRuleArgs::from).toList())
                .versioning(training.coldArchive().versioning())
                .abortIncompleteMultipartUploadDays(training.coldArchive().abortIncompleteMultipartUploadDays())
                .lustreClientRules(training.lustreClientRules())
                .tags(tags)
                .protect(protect);
        efsCsiDriver.ifPresent(args::efsCsiDriver);
        training.hot().ifPresent(hot -> args.hot(HotTierArgs.builder()
                .deploymentType(hot.deploymentType().name())
                .storageGiB(hot.storageGiB())
                .perUnitStorageThroughput(hot.perUnitStorageThroughput().orElse(null))
                .importPath(hot.importPath().orElse(null))
                .exportPath(hot.exportPath().orElse(null))
                .autoImportPolicy(hot.autoImportPolicy().map(Enum::name).orElse(null))
                .dataRepositoryAssociations(hot.dataRepositoryAssociations().stream()
                        .map(a -> LustreAssociationArgs.of(a.fileSystemPath(), a.dataRepositoryPath())).toList())
                .automaticBackupRetentionDays(hot.automaticBackupRetentionDays())
                .claimName(hot.claimName())
                .fileSystemTypeVersion(hot.fileSystemTypeVersion())
                .build()));
        training.perJob().ifPresent(perJob -> args.perJob(PerJobScratchArgs.builder()
                .storageClassName(perJob.storageClassName())
                .deploymentType(perJob.deploymentType().name())
                .perUnitStorageThroughput(perJob.perUnitStorageThroughput().orElse(null))
                .importPath(perJob.importPath().orElse(null))
                .exportPath(perJob.exportPath().orElse(null))
                .autoImportPolicy(perJob.autoImportPolicy().map(Enum::name).orElse(null))
                .fileSystemTypeVersion(perJob.fileSystemTypeVersion())
                .build()));
        training.warm().ifPresent(warm -> args.warm(WarmTierArgs.builder()
                .efs(EfsOptionsArgs.builder()
                        .performanceMode(warm.efs().performanceMode().apiValue())
                        .throughputMode(warm.efs().throughputMode().apiValue())
                        .provisionedThroughputMibps(warm.efs().provisionedThroughputMibps().orElse(null))
                        // 0: the stack turned the transition off; unset would take the warm tier's default.
                        .transitionToIaDays(warm.efs().transitionToIaDays().orElse(0))
                        .transitionToArchiveDays(warm.efs().transitionToArchiveDays().orElse(0))
                        .backup(warm.efs().backup())
                        .build())
                .accessPointPath(warm.accessPointPath())
                .posixId(warm.posixId())
                .storageClassName(warm.storageClassName())
                .basePath(warm.basePath())
                .directoryPerms(warm.directoryPerms())
                .gidRangeStart(warm.gidRangeStart())
                .gidRangeEnd(warm.gidRangeEnd())
                .claimName(warm.claimName())
                .claimStorageGiB(warm.claimStorageGiB())
                .build()));
        return new TrainingStorage(name, args.build(), ComponentResourceOptions.builder().providers(kubernetes)
                .dependsOn(namespaceOwners).build());
    }
}

package dev.strata.training;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import dev.strata.datalake.LifecycleRuleArgs;

import dev.strata.core.KubernetesValues;
import dev.strata.core.NetworkRules;
import dev.strata.core.Problems;
import dev.strata.core.StorageArgs;
import dev.strata.datalake.SecureBucketArgs;
import dev.strata.datalake.LifecycleRule;
import dev.strata.datalake.LifecycleRules;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Arguments of {@link TrainingStorage}. A tier left unset is not built; the training-data bucket
 * (cold and archive tiers) always is. Kubernetes objects go through the Kubernetes provider given
 * in the component's options ({@code ComponentResourceOptions.providers(...)}). {@code kmsKeyArn} must
 * admit the services s3, fsx and elasticfilesystem; {@code network} holds the file systems (EFS in each
 * private subnet, FSx in the first) and admits their NFS and Lustre clients.
 */
public final class TrainingStorageArgs extends StorageArgs {
    /** The claims' namespace when none is given. */
    public static final String DEFAULT_NAMESPACE = "ml-training";

    /**
     * Namespace of the claims, which must exist: the name output of the Namespace that creates it (the
     * claims then wait for it), or an existing namespace's name. Default: {@code ml-training}.
     */
    @Import(name = "namespace")
    @Nullable
    private Output<String> namespace;

    /** The hot tier's managed FSx for Lustre file system. Default: none. */
    @Import(name = "hot")
    @Nullable
    private HotTierArgs hot;

    /** The per-job scratch StorageClass. Default: none. */
    @Import(name = "perJob")
    @Nullable
    private PerJobScratchArgs perJob;

    /** The warm EFS tier. Default: none. */
    @Import(name = "warm")
    @Nullable
    private WarmTierArgs warm;

    /**
     * Add the rules FSx asks for on the clients' security group ({@code network.clientSecurityGroupId}):
     * inbound and outbound TCP 988 and 1018-1023 with the Lustre security group, as separate rule
     * resources. Turn it off when the group belongs to a tool that owns all of its rules (a group
     * managed with inline ingress/egress blocks removes rules it does not list) and add them there.
     * Default: true.
     */
    @Import(name = "lustreClientRules")
    @Nullable
    private Boolean lustreClientRules;

    /**
     * The EFS CSI driver that provisions the warm tier's claim: an output of its add-on, such as
     * {@code CsiDriver.addonVersion}. The claim binds at once (Immediate binding) only when the driver
     * runs; carrying this value (annotation {@code strata.dev/efs-csi-driver}), it is created after the
     * add-on is active. Default: unset (the driver must already run).
     */
    @Import(name = "efsCsiDriver")
    @Nullable
    private Output<String> efsCsiDriver;

    /** The training bucket's lifecycle rules (cold and archive tiers). Default: {@link TrainingLifecycle#DEFAULTS}. */
    @Import(name = "lifecycleRules")
    @Nullable
    private List<LifecycleRuleArgs> lifecycleRules;

    /** Keep object versions in the training bucket. Default: true. */
    @Import(name = "versioning")
    @Nullable
    private Boolean versioning;

    /** Days after which incomplete multipart uploads are aborted (1 or more). Default: {@value SecureBucketArgs#DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS}. */
    @Import(name = "abortIncompleteMultipartUploadDays")
    @Nullable
    private Integer abortIncompleteMultipartUploadDays;

    public Output<String> namespace() {
        return Optional.ofNullable(namespace).orElseGet(() -> Output.of(DEFAULT_NAMESPACE));
    }

    public Optional<HotTierArgs> hot() {
        return Optional.ofNullable(hot);
    }

    public Optional<PerJobScratchArgs> perJob() {
        return Optional.ofNullable(perJob);
    }

    public Optional<WarmTierArgs> warm() {
        return Optional.ofNullable(warm);
    }

    public boolean lustreClientRules() {
        return !Boolean.FALSE.equals(lustreClientRules);
    }

    public Optional<Output<String>> efsCsiDriver() {
        return Optional.ofNullable(efsCsiDriver);
    }

    public List<LifecycleRuleArgs> lifecycleRules() {
        return Optional.ofNullable(lifecycleRules)
                .orElseGet(() -> TrainingLifecycle.DEFAULTS.stream().map(LifecycleRuleArgs::from).toList());
    }

    public boolean versioning() {
        return !Boolean.FALSE.equals(versioning);
    }

    public int abortIncompleteMultipartUploadDays() {
        return Optional.ofNullable(abortIncompleteMultipartUploadDays).orElse(SecureBucketArgs.DEFAULT_ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS);
    }

    /**
     * Records what is wrong with these arguments, each tier's problems under its field ({@code hot.storageGiB},
     * {@code warm.efs.throughputMode}), and the rules across tiers: two claims or two StorageClasses of
     * one name, a lifecycle rule that archives a prefix a file system links ({@link LustreRules#archivedLinks}).
     */
    public void validate(Problems problems) {
        if (kmsKeyArn() == null) {
            problems.missing("kmsKeyArn", "is required: the bucket and file systems are encrypted with a customer-managed KMS key");
        }
        NetworkRules.network("network", network(), problems);
        validateChoices(key -> key, problems);
    }

    /**
     * Everything {@link #validate} checks but the references to other resources (the key, the network):
     * what a stack's settings hold. {@code key} turns a key relative to these Args ({@code hot.storageGiB},
     * {@code perJob.deploymentType}, {@code warm.efs.throughputMode}, {@code lifecycleRules[0]}) into the key
     * a problem is reported under, such as {@code strata:training.hot.storageGiB}.
     */
    public void validateChoices(UnaryOperator<String> key, Problems problems) {
        KubernetesValues.checkNamespace(namespace(), key.apply("namespace"), problems);
        hot().ifPresent(hot -> hot.validate(field -> key.apply("hot." + field), problems));
        perJob().ifPresent(perJob -> perJob.validate(field -> key.apply("perJob." + field), problems));
        warm().ifPresent(warm -> warm.validate(field -> key.apply("warm." + field), field -> key.apply("warm.efs." + field), problems));
        // The hot and warm claims live in one namespace, the per-job and warm StorageClasses in one cluster.
        warm().ifPresent(w -> {
            hot().filter(h -> h.claimName().equals(w.claimName())).ifPresent(h ->
                    problems.add(key.apply("warm.claimName"), w.claimName(), key.apply("hot.claimName"), h.claimName(),
                            "the two claims live in one namespace and need different names"));
            perJob().filter(p -> p.storageClassName().equals(w.storageClassName())).ifPresent(p ->
                    problems.add(key.apply("warm.storageClassName"), w.storageClassName(), key.apply("perJob.storageClassName"),
                            p.storageClassName(), "the two StorageClasses need different names"));
        });
        List<LustreRules.LinkedPrefix> links = new ArrayList<>();
        hot().ifPresent(h -> links.addAll(LustreRules.linkedPrefixes(field -> key.apply("hot." + field), h.importPath().orElse(null),
                h.exportPath().orElse(null), h.associations())));
        perJob().ifPresent(p -> links.addAll(LustreRules.linkedPrefixes(field -> key.apply("perJob." + field),
                p.importPath().orElse(null), p.exportPath().orElse(null), List.of())));
        LustreRules.archivedLinks(links, lifecycle(key, problems), key.apply("lifecycleRules"), problems);
        SecureBucketArgs.checkAbortIncompleteMultipartUploadDays(key.apply("abortIncompleteMultipartUploadDays"),
                abortIncompleteMultipartUploadDays(), problems);
    }

    /** The bucket's lifecycle rules, checked ({@link LifecycleRules#validate}). */
    List<LifecycleRule> lifecycle(UnaryOperator<String> key, Problems problems) {
        List<LifecycleRule> lifecycle = new ArrayList<>();
        for (int i = 0; i < lifecycleRules().size(); i++) {
            lifecycle.add(lifecycleRules().get(i).toRule(key.apply("lifecycleRules[" + i + "]"), problems));
        }
        LifecycleRules.validate(lifecycle, key.apply("lifecycleRules"), problems);
        return lifecycle;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends StorageArgs.Builder<TrainingStorageArgs, Builder> {
        private Builder() {
            super(new TrainingStorageArgs());
        }

        public Builder namespace(Output<String> namespace) {
            args.namespace = namespace;
            return this;
        }

        public Builder namespace(String namespace) {
            return namespace(Output.of(namespace));
        }

        public Builder hot(HotTierArgs hot) {
            args.hot = hot;
            return this;
        }

        public Builder perJob(PerJobScratchArgs perJob) {
            args.perJob = perJob;
            return this;
        }

        public Builder warm(WarmTierArgs warm) {
            args.warm = warm;
            return this;
        }

        public Builder lustreClientRules(boolean add) {
            args.lustreClientRules = add;
            return this;
        }

        public Builder efsCsiDriver(Output<String> addon) {
            args.efsCsiDriver = addon;
            return this;
        }

        public Builder lifecycleRules(List<LifecycleRuleArgs> rules) {
            args.lifecycleRules = List.copyOf(rules);
            return this;
        }

        public Builder versioning(boolean versioning) {
            args.versioning = versioning;
            return this;
        }

        public Builder abortIncompleteMultipartUploadDays(int days) {
            args.abortIncompleteMultipartUploadDays = days;
            return this;
        }
    }
}

package dev.strata.security;

import dev.strata.core.ComponentOutputs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.core.Children;
import dev.strata.core.KnownValue;
import dev.strata.core.Problems;
import dev.strata.core.Tags;
import dev.strata.core.KubernetesValues;

import javax.annotation.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A workload's identity (IRSA): a Kubernetes service account annotated
 * {@code eks.amazonaws.com/role-arn}, in its namespace, and an IAM role whose trust policy admits
 * exactly that service account of this cluster ({@link TrustPolicy}). The namespace is data: the name
 * output of the Namespace that creates it (so the service account waits for it) or an existing one's name.
 * The role starts with no permissions: storage components add them through their {@code grant...}
 * methods ({@link Grantee}), each grant an inline policy of its own.
 *
 * <p>Kubernetes objects go through the Kubernetes provider in this component's options
 * ({@code providers(...)}).
 */
public final class WorkloadIdentity extends ComponentResource implements Grantee {
    public static final String TYPE = "strata:security:WorkloadIdentity";
    /** The annotation through which the EKS pod identity webhook injects the role. */
    public static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";

    /** The IAM role's ARN. */
    @Export(name = "roleArn", refs = {String.class}, tree = "[0]")
    public final Output<String> roleArn;

    /** The IAM role's name. */
    @Export(name = "roleName", refs = {String.class}, tree = "[0]")
    public final Output<String> roleName;

    /** The namespace of the service account. */
    @Export(name = "namespace", refs = {String.class}, tree = "[0]")
    public final Output<String> namespace;

    /** The service account's name. */
    @Export(name = "serviceAccountName", refs = {String.class}, tree = "[0]")
    public final Output<String> serviceAccountName;

    private final String name;
    private final Role role;
    private final Set<String> grantIds = new HashSet<>();

    /** The WorkloadIdentity {@code name} with default resource options, as {@code new WorkloadIdentity(name, args, null)}. */
    public WorkloadIdentity(String name, WorkloadIdentityArgs args) {
        this(name, args, null);
    }

    public WorkloadIdentity(String name, WorkloadIdentityArgs args, @Nullable ComponentResourceOptions options) {
        this(name, Checked.of(args, options), options);
    }

    /** Arguments that passed validation; checked before anything is registered. */
    private record Checked(WorkloadIdentityArgs args) {
        static Checked of(WorkloadIdentityArgs args, @Nullable ComponentResourceOptions options) {
            Problems problems = new Problems();
            if (args.namespace() == null || KnownValue.of(args.namespace()).filter(String::isEmpty).isPresent()) {
                problems.missing("namespace", "is required; the service account's namespace, e.g. ml-training");
            } else {
                KubernetesValues.checkNamespace(args.namespace(), "namespace", problems);
            }
            if (args.serviceAccountName() == null || args.serviceAccountName().isEmpty()) {
                problems.missing("serviceAccountName", "is required; e.g. training-job");
            } else {
                KubernetesValues.checkObjectName(args.serviceAccountName(), "serviceAccountName", problems);
            }
            if (args.oidcProviderArn() == null) {
                problems.missing("oidcProviderArn", "is required: the cluster's IAM OIDC provider, the trust policy's principal");
            }
            if (args.oidcIssuer() == null) {
                problems.missing("oidcIssuer", "is required: the cluster's OIDC issuer URL");
            }
            if (kubernetesProvider(options).isEmpty()) {
                problems.missing("providers", "must hold the Kubernetes provider of the cluster (ComponentResourceOptions.providers)");
            }
            problems.throwIfAny();
            return new Checked(args);
        }
    }

    private static Optional<Provider> kubernetesProvider(@Nullable ComponentResourceOptions options) {
        return Optional.ofNullable(options).stream()
                .flatMap(o -> o.getProviders().stream())
                .filter(Provider.class::isInstance)
                .map(Provider.class::cast)
                .findFirst();
    }

    private WorkloadIdentity(String name, Checked checked, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, checked.args(), options);
        WorkloadIdentityArgs args = checked.args();
        this.name = name;
        String account = args.serviceAccountName();

        this.role = new Role(name, RoleArgs.builder()
                .description(args.namespace().applyValue(namespace ->
                        "Strata workload identity: service account " + namespace + "/" + account))
                .assumeRolePolicy(Output.tuple(args.oidcProviderArn(), args.oidcIssuer(), args.namespace())
                        .applyValue(t -> TrustPolicy.json(t.t1, t.t2, List.of(TrustPolicy.subject(t.t3, account)))))
                .tags(Tags.of(args.tags(), "security", "identity"))
                .build(), Children.of(this));

        // The service account waits for its namespace through the name it takes from it (the namespace's output).
        ServiceAccount serviceAccount = new ServiceAccount(name + "-service-account", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(account)
                        .namespace(args.namespace())
                        .labels(Map.of("app.kubernetes.io/managed-by", "strata"))
                        .annotations(role.arn().applyValue(arn -> Map.of(ROLE_ARN_ANNOTATION, arn)))
                        .build())
                .automountServiceAccountToken(true)
                .build(), Children.of(this));

        this.roleArn = role.arn();
        this.roleName = role.name();
        this.namespace = args.namespace();
        this.serviceAccountName = serviceAccount.metadata().applyValue(meta -> meta.name().orElse(account));
        registerOutputs(ComponentOutputs.of(this));
    }

    /** Adds a grant as an inline policy {@code <name>-<grant id>} of the role. Each grant id once. */
    @Override
    public void grant(Grant grant) {
        if (!grantIds.add(grant.id())) {
            throw new IllegalArgumentException(name + " already has the grant " + grant.id());
        }
        new RolePolicy(name + "-" + grant.id(), RolePolicyArgs.builder()
                .role(role.id())
                .name(grant.id())
                .policy(grant.statements().applyValue(PolicyDocument::json))
                .build(), Children.of(this));
    }
}

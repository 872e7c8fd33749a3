package dev.strata.stack;

import com.pulumi.Context;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.strata.security.WorkloadIdentity;
import dev.strata.training.TrainingSettings;
import dev.strata.training.TrainingStorage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes namespaces the stack creates, each once, and their names as data: a component that puts
 * objects in a namespace is given {@link #name} of it, the name output of the Namespace the stack created
 * (so its objects wait for that Namespace: Pulumi orders by the outputs an input comes from,
 * https://www.pulumi.com/docs/iac/concepts/inputs-outputs/), or the plain name of a namespace that exists.
 *
 * <p>A namespace is created by the first workload identity in it that says {@code createNamespace}, else by
 * the training storage when {@code strata:training.createNamespace} is true and the training tiers have
 * Kubernetes objects. Each Namespace keeps the resource name it had as a child of that component
 * ({@code <stack>-<workload>-namespace}, {@code <stack>-training-namespace}) and an alias naming its former
 * URN under it, so the engine updates the deployed namespace in place instead of replacing it (and with it
 * everything in it) (https://www.pulumi.com/docs/iac/concepts/resources/options/aliases/).
 */
final class StackNamespaces {
    static final String NAMESPACE_TYPE = "kubernetes:core/v1:Namespace";
    private static final Map<String, String> MANAGED = Map.of("app.kubernetes.io/managed-by", "strata");

    /**
     * A namespace the stack creates and the component that created it before namespaces were the stack's.
     *
     * @param namespace  the Kubernetes name
     * @param ownerType  the former parent's type token ({@link WorkloadIdentity#TYPE} or {@link TrainingStorage#TYPE})
     * @param ownerName  the former parent's resource name: {@code <stack>-<workload>} or {@code <stack>-training}
     * @param labels     the namespace's labels, as its former parent set them
     */
    record Created(String namespace, String ownerType, String ownerName, Map<String, String> labels) {
        String resourceName() {
            return ownerName + "-namespace";
        }

        /** The URN the namespace was deployed under, as a child of its former parent. */
        String formerUrn(String stackName, String project) {
            return "urn:pulumi:" + stackName + "::" + project + "::" + ownerType + "$" + NAMESPACE_TYPE + "::" + resourceName();
        }
    }

    private final Map<String, Output<String>> names;

    private StackNamespaces(Map<String, Output<String>> names) {
        this.names = names;
    }

    /** The namespaces the stack's settings create, keyed by name, each with its one creator. */
    static Map<String, Created> created(String stack, List<WorkloadSettings> workloads, Optional<TrainingSettings> training) {
        Map<String, Created> created = new LinkedHashMap<>();
        for (WorkloadSettings workload : workloads) {
            if (workload.createNamespace()) {
                created.putIfAbsent(workload.namespace(), new Created(workload.namespace(), WorkloadIdentity.TYPE,
                        stack + "-" + workload.name(), MANAGED));
            }
        }
        training.filter(t -> t.createNamespace() && t.kubernetesObjects())
                .ifPresent(t -> created.putIfAbsent(t.namespace(), new Created(t.namespace(), TrainingStorage.TYPE,
                        stack + "-training", Map.of("app.kubernetes.io/managed-by", "strata", "strata.dev/tier", "training"))));
        return created;
    }

    /** Creates each namespace of {@link #created} through {@code kubernetes} (none without a cluster). */
    static StackNamespaces create(Context ctx, String stack, StrataSettings settings, Optional<Provider> kubernetes) {
        Map<String, Output<String>> names = new LinkedHashMap<>();
        kubernetes.ifPresent(provider -> created(stack, settings.workloads(), settings.training()).forEach((name, created) -> {
            Namespace namespace = new Namespace(created.resourceName(), NamespaceArgs.builder()
                    .metadata(ObjectMetaArgs.builder().name(name).labels(created.labels()).build())
                    .build(), CustomResourceOptions.builder().provider(provider)
                    .aliases(List.of(Output.of(Alias.withUrn(created.formerUrn(ctx.stackName(), ctx.projectName()))))).build());
            names.put(name, namespace.metadata().applyValue(meta -> meta.name().orElse(name)));
        }));
        return new StackNamespaces(names);
    }

    /** The namespace {@code namespace} as data: the created Namespace's name output, or the name of one that exists. */
    Output<String> name(String namespace) {
        return names.getOrDefault(namespace, Output.of(namespace));
    }
}

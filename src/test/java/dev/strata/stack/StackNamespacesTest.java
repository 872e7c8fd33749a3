package dev.strata.stack;

import dev.strata.config.StackConfig;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each namespace the stack creates is created once, by the stack, and keeps its deployed resource: the
 * namespaces were children of the workload identity (or the training storage) that created them, and each
 * carries an alias naming that URN, so the engine updates it in place rather than replacing it (and with it
 * everything in it). The objects in a namespace take its name from the Namespace's output, so they wait for it.
 */
class StackNamespacesTest {
    private static final String NAMESPACE = StackNamespaces.NAMESPACE_TYPE;
    private static final List<String> NAMESPACED = List.of("kubernetes:core/v1:ServiceAccount", "kubernetes:core/v1:PersistentVolumeClaim",
            "kubernetes:apps/v1:DaemonSet", "kubernetes:core/v1:ConfigMap");

    private static String kubernetesName(PlannedResource r, String field) {
        return String.valueOf(((Map<?, ?>) r.inputs().get("metadata")).get(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void eachNamespaceIsTheStacksAndAliasedToItsUrnUnderTheIdentityThatCreatedIt(String stack) {
        Plan plan = StackPlans.plan(stack);
        Map<String, String> workloadOf = Map.of("ml-training", "training", "ml-inference", "inference", "ml-data", "data-pipeline");
        assertThat(plan.ofType(NAMESPACE)).hasSize(3).allSatisfy(namespace -> {
            String workload = workloadOf.get(kubernetesName(namespace, "name"));
            assertThat(namespace.name()).isEqualTo(stack + "-" + workload + "-namespace");
            assertThat(namespace.urn()).isEqualTo("urn:pulumi:" + stack + "::strata::" + NAMESPACE + "::" + namespace.name());
            assertThat(namespace.parent()).endsWith("pulumi:pulumi:Stack::strata-" + stack);
            assertThat(namespace.aliases()).containsExactly("urn:pulumi:" + stack + "::strata::strata:security:WorkloadIdentity$"
                    + NAMESPACE + "::" + namespace.name());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyObjectInACreatedNamespaceWaitsForIt(String stack) {
        Plan plan = StackPlans.plan(stack);
        Map<String, PlannedResource> namespaces = new LinkedHashMap<>();
        plan.ofType(NAMESPACE).forEach(n -> namespaces.put(kubernetesName(n, "name"), n));
        List<PlannedResource> objects = plan.resources().stream().filter(r -> NAMESPACED.contains(r.type()))
                .filter(r -> namespaces.containsKey(kubernetesName(r, "namespace"))).toList();
        // Each identity's service account, the training claims and the model claim at least.
        assertThat(objects).hasSizeGreaterThanOrEqualTo(3 + 2 + 1);
        for (PlannedResource object : objects) {
            assertThat(plan.waitsFor(object, namespaces.get(kubernetesName(object, "namespace")))).as(object.urn()).isTrue();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrainingNamespaceNoIdentityCreatesIsTheStacksAliasedToItsUrnUnderTheTrainingStorage() {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of("").toAbsolutePath(), "dev"));
        Map<String, Object> values = new LinkedHashMap<>(config.strataValues());
        values.put("workloads", Map.of("training", Map.of("createNamespace", false), "inference", Map.of(), "data-pipeline", Map.of()));
        var settings = SettingsParser.parse(values);
        Plan plan = PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> StrataStack.define(ctx, settings));

        PlannedResource training = plan.ofType(NAMESPACE).stream().filter(n -> kubernetesName(n, "name").equals("ml-training"))
                .findFirst().orElseThrow();
        assertThat(training.name()).isEqualTo("dev-training-namespace");
        assertThat(training.aliases()).containsExactly("urn:pulumi:dev::strata::strata:training:TrainingStorage$"
                + NAMESPACE + "::dev-training-namespace");
        assertThat((Map<String, Object>) training.inputs().get("metadata")).containsEntry("labels",
                Map.of("app.kubernetes.io/managed-by", "strata", "strata.dev/tier", "training"));
        // The identity in it, which does not create it, waits for it as the claims do.
        PlannedResource account = plan.ofType("kubernetes:core/v1:ServiceAccount").stream()
                .filter(a -> a.name().equals("dev-training-service-account")).findFirst().orElseThrow();
        assertThat(plan.waitsFor(account, training)).isTrue();
        assertThat(plan.ofType(NAMESPACE)).hasSize(3);
    }

    @Test
    void aNamespaceHasOneCreatorTheFirstIdentityThenTheTrainingStorage() {
        WorkloadSettings a = new WorkloadSettings("a", "shared", "a", true, List.of(), List.of(), false, false);
        WorkloadSettings b = new WorkloadSettings("b", "shared", "b", false, List.of(), List.of(), false, false);
        WorkloadSettings c = new WorkloadSettings("c", "other", "c", false, List.of(), List.of(), false, false);
        assertThat(StackNamespaces.created("s", List.of(a, b, c), java.util.Optional.empty()))
                .containsOnlyKeys("shared").extractingByKey("shared").extracting(StackNamespaces.Created::resourceName).isEqualTo("s-a-namespace");
        assertThat(StackNamespaces.created("s", List.of(b, c), java.util.Optional.empty())).isEmpty();
    }
}

package dev.strata.cluster;

import com.pulumi.core.annotations.Export;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Why {@link EksCluster} is built from the AWS provider's resources rather than pulumi-eks, kept
 * checkable: the pinned {@code com.pulumi:eks} Java SDK cannot take its own {@code Cluster}
 * outputs back. The provider returns {@code kubeconfig} as an object (its schema types it
 * {@code pulumi.json#/Any},
 * https://github.com/pulumi/pulumi-eks/blob/master/provider/cmd/pulumi-resource-eks/schema.json);
 * the SDK was generated for pulumi-java before 1.0: its {@code @Export} annotations carry
 * {@code type} and {@code parameters}, which pulumi-java 1.x replaced by {@code refs} and
 * {@code tree}, so the SDK in use finds no type for an output and refuses to deserialize it. A
 * program creating a cluster fails once the engine answers. When Dependabot proposes a version that
 * reads its outputs, this test fails and says so; docs/cluster.md ("Adopting pulumi-eks") lists
 * what would change.
 *
 * <p>The pulumi-eks classes are reached by reflection: compiling against them, javac warns about
 * every one of those stale annotations.
 */
class PulumiEksTest {

    /** The engine's answer for a created cluster, in the shape the eks provider gives it. */
    private static RecordingMocks engineWithACreatedCluster() {
        return new RecordingMocks("us-east-1") {
            @Override
            protected Map<String, Object> computedOutputs(String type, String id, Map<String, Object> inputs) {
                if (!type.equals("eks:index:Cluster")) {
                    return super.computedOutputs(type, id, inputs);
                }
                Map<String, Object> outputs = new LinkedHashMap<>();
                outputs.put("kubeconfig", Map.of("apiVersion", "v1", "kind", "Config",
                        "clusters", List.of(Map.of("name", "ml", "cluster", Map.of("server", "https://ml.eks.amazonaws.com")))));
                return outputs;
            }
        };
    }

    private static Class<?> eks(String simpleName) throws ClassNotFoundException {
        return Class.forName("com.pulumi.eks." + simpleName);
    }

    private static String servedVersion() throws IOException, ClassNotFoundException {
        try (InputStream version = eks("Cluster").getResourceAsStream("version.txt")) {
            return version == null ? "(unknown)" : new String(version.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** {@code new Cluster(name, ClusterArgs.builder().build())}. */
    private static void newCluster(String name) {
        try {
            Object args = eks("ClusterArgs").getMethod("builder").invoke(null);
            args = args.getClass().getMethod("build").invoke(args);
            eks("Cluster").getConstructor(String.class, eks("ClusterArgs")).newInstance(name, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePinnedPulumiEksCannotReadItsOwnClusterOutputs() throws Exception {
        String version = servedVersion();
        // The cause: no output type where pulumi-java 1.x reads it (refs), only the old attributes.
        boolean typed = eks("Cluster").getDeclaredField("kubeconfig").getAnnotation(Export.class).refs().length > 0;
        try {
            PlanRunner.run("dev", engineWithACreatedCluster(), ctx -> newCluster("ml"));
        } catch (PlanFailedException e) {
            assertThat(e).as("com.pulumi:eks " + version).hasMessageContaining("com.pulumi.eks.Cluster.kubeconfig")
                    .hasMessageContaining("Invalid type 'java.lang.Void' while deserializing");
            assertThat(typed).as("com.pulumi:eks " + version + " declares its output types as pulumi-java 1.x reads them").isFalse();
            return;
        }
        fail("com.pulumi:eks " + version + " reads its own Cluster outputs: cluster.EksCluster could be built on it "
                + "(docs/cluster.md, \"Adopting pulumi-eks\", says what would change)");
    }
}

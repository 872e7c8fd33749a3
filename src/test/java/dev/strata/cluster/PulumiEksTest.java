package dev.strata.cluster;

import com.pulumi.eks.Cluster;
import com.pulumi.eks.ClusterArgs;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
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
 * the SDK declares it {@code Output<Object>}, which the Java SDK refuses to deserialize, so a
 * program creating a cluster fails once the engine answers. When Dependabot proposes a version that
 * reads its outputs, this test fails and says so; docs/cluster.md ("Adopting pulumi-eks") lists
 * what would change.
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

    private static String servedVersion() throws IOException {
        try (InputStream version = Cluster.class.getResourceAsStream("version.txt")) {
            return version == null ? "(unknown)" : new String(version.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void thePinnedPulumiEksCannotReadItsOwnClusterOutputs() throws IOException {
        String version = servedVersion();
        try {
            PlanRunner.run("dev", engineWithACreatedCluster(), ctx -> new Cluster("ml", ClusterArgs.builder().build()));
        } catch (PlanFailedException e) {
            assertThat(e).as("com.pulumi:eks " + version).hasMessageContaining("com.pulumi.eks.Cluster.kubeconfig")
                    .hasMessageContaining("Invalid type 'java.lang.Void' while deserializing");
            return;
        }
        fail("com.pulumi:eks " + version + " reads its own Cluster outputs: cluster.EksCluster could be built on it "
                + "(docs/cluster.md, \"Adopting pulumi-eks\", says what would change)");
    }
}

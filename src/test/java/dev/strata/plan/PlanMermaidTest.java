package dev.strata.plan;

import com.google.gson.Gson;
import dev.strata.testing.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mermaid view of the three stacks, as mermaid's own parser (npm, src/test/mermaid) reads it: it
 * parses, names every tier, draws the FSx hot tier, the paths data takes, and which identity may do
 * what to which store and which key encrypts it.
 */
class PlanMermaidTest {
    private static final Path PARSER = Path.of("src/test/mermaid/parse.mjs");

    record Parsed(String type, List<Node> nodes, List<Subgraph> subgraphs, List<Edge> edges) {
        /** The one node whose label starts with {@code prefix}. */
        String id(String prefix) {
            List<String> ids = nodes.stream().filter(n -> n.text().startsWith(prefix)).map(Node::id).toList();
            assertThat(ids).as("nodes labelled '%s…'", prefix).hasSize(1);
            return ids.get(0);
        }

        String subgraphId(String prefix) {
            return subgraphs.stream().filter(s -> s.title().startsWith(prefix)).map(Subgraph::id).findFirst().orElseThrow();
        }

        /** The labels of the edges from one node to another, "-" for an unlabelled edge. */
        Set<String> labels(String from, String to) {
            return edges.stream().filter(e -> e.from().equals(from) && e.to().equals(to))
                    .map(e -> e.text().isEmpty() ? "-" : e.text()).collect(Collectors.toSet());
        }
    }

    record Node(String id, String text, String shape) {
    }

    record Subgraph(String id, String title, List<String> nodes) {
    }

    record Edge(String from, String to, String text, String stroke) {
    }

    @TempDir
    Path dir;

    private Parsed parse(String mermaid) throws IOException, InterruptedException {
        Path file = dir.resolve("diagram.mmd");
        Files.writeString(file, mermaid);
        Process node = new ProcessBuilder("node", PARSER.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as("mermaid's parser: %s", output).isZero();
        return new Gson().fromJson(output, Parsed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyTierIsNamedAndMermaidParsesIt(String stack) throws Exception {
        Parsed parsed = parse(PlanMermaid.render(StackPlans.plan(stack)));

        assertThat(parsed.type()).isEqualTo("flowchart-v2");
        assertThat(parsed.subgraphs()).extracting(Subgraph::title).contains("Training tiers · " + stack + "-training",
                "Inference cache levels (a miss goes down) · " + stack, "Data lake zones · " + stack, "KMS keys", "Workload identities");
        // No empty boxes: every subgraph holds something.
        assertThat(parsed.subgraphs()).allSatisfy(subgraph -> assertThat(subgraph.nodes()).as(subgraph.title()).isNotEmpty());
        String hot = parsed.id("hot · FSx for Lustre<br>" + stack + "-training-hot");
        parsed.id("per-job · FSx for Lustre per job");
        String warm = parsed.id("warm · EFS<br>" + stack + "-training-warm");
        String cold = parsed.id("cold · S3<br>datasets/ → STANDARD_IA at 30 d");
        String archive = parsed.id("archive · S3<br>archive/ → GLACIER at 0 d, DEEP_ARCHIVE at 180 d");
        assertThat(parsed.labels(hot, warm)).containsExactly("-");
        assertThat(parsed.labels(warm, cold)).containsExactly("-");
        assertThat(parsed.labels(cold, archive)).containsExactly("-");
        // Both lifecycle tiers are parts of the one training bucket.
        String bucket = parsed.subgraphId("S3 bucket " + stack + "-training-data");
        assertThat(parsed.subgraphs().stream().filter(s -> s.id().equals(bucket)).findFirst().orElseThrow().nodes())
                .containsExactlyInAnyOrder(cold, archive);

        List<String> levels = (stack.equals("dev") ? List.of("L2 · local NVMe", "L3 · EFS", "L4 · S3")
                : List.of("L1 · ElastiCache redis", "L2 · local NVMe", "L3 · EFS", "L4 · S3")).stream().map(parsed::id).toList();
        for (int i = 1; i < levels.size(); i++) {
            assertThat(parsed.labels(levels.get(i - 1), levels.get(i))).containsExactly("miss");
        }
        assertThat(parsed.edges()).filteredOn(edge -> edge.text().equals("miss")).hasSize(levels.size() - 1);
        for (String zone : List.of("raw", "processed", "feature", "model")) {
            parsed.id(zone + " · S3<br>" + stack + "-" + zone);
        }
        assertThat(parsed.nodes()).allSatisfy(node -> assertThat(node.text()).doesNotContain("\""));
    }

    @Test
    void prodDrawsWhoMayDoWhatToWhichStoreAndWhichKeyEncryptsIt() throws Exception {
        Parsed prod = parse(PlanMermaid.render(StackPlans.plan("prod")));
        String pipeline = prod.id("identity · prod-data-pipeline");
        String inference = prod.id("identity · prod-inference");
        String training = prod.id("identity · prod-training");
        String raw = prod.id("raw · S3");
        String processed = prod.id("processed · S3");
        String feature = prod.id("feature · S3");
        String model = prod.id("model · S3");
        String redis = prod.id("L1 · ElastiCache redis");
        String repository = prod.id("L3 · EFS");
        String archive = prod.id("L4 · S3");
        String hot = prod.id("hot · FSx for Lustre");
        String warm = prod.id("warm · EFS");
        String bucket = prod.subgraphId("S3 bucket prod-training-data");

        Map<List<String>, Set<String>> expected = Map.ofEntries(
                Map.entry(List.of(pipeline, raw), Set.of("read, write")),
                Map.entry(List.of(pipeline, processed), Set.of("write")),
                Map.entry(List.of(pipeline, feature), Set.of("write")),
                Map.entry(List.of(inference, redis), Set.of("connect")),
                Map.entry(List.of(inference, model), Set.of("read")),
                Map.entry(List.of(inference, archive), Set.of("read")),
                Map.entry(List.of(inference, repository), Set.of("mounts")),
                Map.entry(List.of(training, processed), Set.of("read")),
                Map.entry(List.of(training, feature), Set.of("read")),
                Map.entry(List.of(training, model), Set.of("write")),
                Map.entry(List.of(training, bucket), Set.of("read, write")),
                Map.entry(List.of(training, hot), Set.of("mounts")),
                Map.entry(List.of(training, warm), Set.of("mounts")));
        Set<String> identities = Set.of(pipeline, inference, training);
        Map<List<String>, Set<String>> drawn = prod.edges().stream().filter(edge -> identities.contains(edge.from()))
                .collect(Collectors.groupingBy(edge -> List.of(edge.from(), edge.to()), Collectors.mapping(Edge::text, Collectors.toSet())));
        assertThat(drawn).isEqualTo(expected);

        String datalakeKey = prod.id("KMS key · datalake");
        String trainingKey = prod.id("KMS key · training");
        String inferenceKey = prod.id("KMS key · inference");
        Map<String, Set<String>> encrypted = prod.edges().stream().filter(edge -> edge.text().equals("encrypts"))
                .peek(edge -> assertThat(edge.stroke()).isEqualTo("dotted"))
                .collect(Collectors.groupingBy(Edge::from, Collectors.mapping(Edge::to, Collectors.toSet())));
        // The replicas' key (strata:dataLake.replication) encrypts the model zone's and the archive's replicas.
        String replicaKey = prod.id("KMS key · replica-us-east-1");
        assertThat(encrypted).containsOnlyKeys(datalakeKey, trainingKey, inferenceKey, replicaKey);
        assertThat(encrypted.get(replicaKey)).hasSize(2).doesNotContain(model, archive);
        assertThat(encrypted.get(datalakeKey)).containsExactlyInAnyOrder(raw, processed, feature, model);
        assertThat(encrypted.get(inferenceKey)).containsExactlyInAnyOrder(redis, repository, archive);
        assertThat(encrypted.get(trainingKey)).contains(hot, warm, bucket);
        assertThat(prod.labels(hot, bucket)).containsExactly("S3 link datasets/, results/");
    }

    @Test
    void theParserRefusesABrokenDiagram() throws Exception {
        Path file = dir.resolve("broken.mmd");
        Files.writeString(file, "flowchart LR\n  a[(\"x\") --> b\n");
        Process node = new ProcessBuilder("node", PARSER.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).isEqualTo(1);
        assertThat(output).contains("Parse error on line 2");
    }
}

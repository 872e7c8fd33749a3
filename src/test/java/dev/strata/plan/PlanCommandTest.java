package dev.strata.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata plan} end to end: the JSON contract of every stack, and invalid config. */
class PlanCommandTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    record Run(int exitCode, String stdout, String stderr) {
    }

    static Run strata(Path root, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = App.run(args, root, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonObject planJson(String stack) {
        Run run = strata(PROJECT, "plan", "--stack", stack, "--format", "json");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return JsonParser.parseString(run.stdout()).getAsJsonObject();
    }

    private static List<JsonObject> resources(JsonObject plan, String type) {
        List<JsonObject> result = new ArrayList<>();
        plan.getAsJsonArray("resources").forEach(r -> {
            if (r.getAsJsonObject().get("type").getAsString().equals(type)) {
                result.add(r.getAsJsonObject());
            }
        });
        return result;
    }

    /** The sub-resource of a bucket (matched by its {@code bucket} input to the bucket's id). */
    private static List<JsonObject> forBucket(JsonObject plan, String type, JsonObject bucket) {
        return resources(plan, type).stream()
                .filter(r -> r.getAsJsonObject("inputs").get("bucket").getAsString().equals(bucket.get("id").getAsString())).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void jsonDocumentMatchesTheContract(String stack) {
        JsonObject plan = planJson(stack);
        assertThat(plan.keySet()).containsExactly("project", "stack", "resources", "outputs", "cost", "findings");
        assertThat(plan.get("project").getAsString()).isEqualTo("strata");
        assertThat(plan.get("stack").getAsString()).isEqualTo(stack);
        assertThat(plan.getAsJsonObject("cost").keySet()).containsExactly("monthlyUsd", "lines", "notes");
        assertThat(plan.get("findings").isJsonArray()).isTrue();
        Set<String> urns = new java.util.HashSet<>();
        for (JsonElement element : plan.getAsJsonArray("resources")) {
            JsonObject resource = element.getAsJsonObject();
            assertThat(resource.keySet()).containsExactlyElementsOf(List.of("urn", "type", "name", "id", "parent", "protect", "retainOnDelete", "dependencies", "inputs"));
            String urn = resource.get("urn").getAsString();
            assertThat(urn).startsWith("urn:pulumi:" + stack + "::strata::").endsWith("::" + resource.get("name").getAsString());
            assertThat(urn).doesNotContain("pulumi:pulumi:Stack$");
            assertThat(urns.add(urn)).isTrue();
            assertThat(resource.get("parent").getAsString()).startsWith("urn:pulumi:" + stack + "::strata::");
            boolean component = resource.get("type").getAsString().startsWith("strata:");
            assertThat(resource.get("id").isJsonNull()).isEqualTo(component);
        }
        // Every parent is the stack or a resource of the plan; every dependency a resource of the plan.
        for (JsonElement element : plan.getAsJsonArray("resources")) {
            String parent = element.getAsJsonObject().get("parent").getAsString();
            assertThat(urns.contains(parent) || parent.equals("urn:pulumi:" + stack + "::strata::pulumi:pulumi:Stack::strata-" + stack)).as(parent).isTrue();
            for (JsonElement dependency : element.getAsJsonObject().getAsJsonArray("dependencies")) {
                assertThat(urns).as("a dependency of " + element.getAsJsonObject().get("urn")).contains(dependency.getAsString());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyBucketIsClosedEncryptedTlsOnlyAndHasALifecycle(String stack) {
        JsonObject plan = planJson(stack);
        List<JsonObject> buckets = resources(plan, "aws:s3/bucketV2:BucketV2");
        assertThat(buckets).hasSizeGreaterThanOrEqualTo(4);
        for (JsonObject bucket : buckets) {
            String tier = bucket.getAsJsonObject("inputs").getAsJsonObject("tags").get("tier").getAsString();
            assertThat(bucket.getAsJsonObject("inputs").get("forceDestroy").getAsBoolean()).isFalse();
            assertThat(forBucket(plan, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", bucket)).singleElement()
                    .satisfies(r -> assertThat(r.getAsJsonObject("inputs").getAsJsonObject("rule").get("objectOwnership").getAsString())
                            .isEqualTo("BucketOwnerEnforced"));
            assertThat(forBucket(plan, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", bucket)).singleElement()
                    .satisfies(r -> {
                        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
                            assertThat(r.getAsJsonObject("inputs").get(flag).getAsBoolean()).as(flag).isTrue();
                        }
                    });
            JsonObject sse = forBucket(plan, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", bucket)
                    .get(0).getAsJsonObject("inputs").getAsJsonArray("rules").get(0).getAsJsonObject();
            if (tier.equals("access-logs")) {
                // S3 log delivery cannot write to an SSE-KMS bucket; the log bucket alone uses SSE-S3.
                assertThat(sse.getAsJsonObject("applyServerSideEncryptionByDefault").get("sseAlgorithm").getAsString()).isEqualTo("AES256");
            } else {
                assertThat(sse.getAsJsonObject("applyServerSideEncryptionByDefault").get("sseAlgorithm").getAsString()).isEqualTo("aws:kms");
                assertThat(sse.getAsJsonObject("applyServerSideEncryptionByDefault").get("kmsMasterKeyId").getAsString())
                        .startsWith("arn:aws:kms:").contains(":key/");
                assertThat(sse.get("bucketKeyEnabled").getAsBoolean()).isTrue();
            }
            String policy = forBucket(plan, "aws:s3/bucketPolicy:BucketPolicy", bucket).get(0).getAsJsonObject("inputs").get("policy").getAsString();
            assertThat(policy).contains("\"aws:SecureTransport\":\"false\"").contains("\"s3:TlsVersion\":\"1.2\"");
            assertThat(forBucket(plan, "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", bucket)).hasSize(1);
            if (tier.equals("model")) {
                assertThat(forBucket(plan, "aws:s3/bucketVersioningV2:BucketVersioningV2", bucket)).singleElement()
                        .satisfies(v -> assertThat(v.getAsJsonObject("inputs").getAsJsonObject("versioningConfiguration")
                                .get("status").getAsString()).isEqualTo("Enabled"));
            }
        }
        assertThat(resources(plan, "aws:kms/key:Key")).isNotEmpty()
                .allSatisfy(key -> assertThat(key.getAsJsonObject("inputs").get("enableKeyRotation").getAsBoolean()).isTrue());
    }

    @Test
    void prodProtectsEveryBucketAndKeyAndDevNone() {
        for (String stack : List.of("prod", "dev")) {
            JsonObject plan = planJson(stack);
            List<JsonObject> stateful = new ArrayList<>(resources(plan, "aws:s3/bucketV2:BucketV2"));
            stateful.addAll(resources(plan, "aws:kms/key:Key"));
            boolean expected = stack.equals("prod");
            assertThat(stateful).allSatisfy(r -> {
                assertThat(r.get("protect").getAsBoolean()).as(r.get("name").getAsString()).isEqualTo(expected);
                assertThat(r.get("retainOnDelete").getAsBoolean()).isEqualTo(expected);
            });
        }
        JsonObject dev = planJson("dev");
        assertThat(StreamSupport.stream(dev.getAsJsonArray("resources").spliterator(), false)
                .noneMatch(r -> r.getAsJsonObject().get("protect").getAsBoolean())).isTrue();
    }

    @Test
    void outFileHoldsExactlyTheDocumentAndStdoutStaysEmpty(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("plan.json");
        Run run = strata(PROJECT, "plan", "--stack", "dev", "--format", "json", "--out", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(strata(PROJECT, "plan", "--stack", "dev", "--format", "json").stdout());
    }

    @Test
    void tableAndMermaidShowComponentsAndReviewerSettings() {
        Run table = strata(PROJECT, "plan", "--stack", "prod");
        assertThat(table.exitCode()).isZero();
        assertThat(table.stdout()).contains("prod-raw", "aws:kms key=arn:aws:kms:us-west-2:123456789012:key/prod-datalake-id bucketKey=true",
                "all four public-access blocks on", "raw-retention: STANDARD_IA@30d, expire@2555d", "rotation=true deletionWindow=30d");
        assertThat(table.stdout().lines().filter(line -> line.contains("aws:s3:BucketV2")))
                .allSatisfy(line -> assertThat(line).containsPattern(" yes( |$)"));
        Run mermaid = strata(PROJECT, "plan", "--stack", "dev", "--format", "mermaid");
        assertThat(mermaid.stdout()).startsWith("flowchart LR\n").contains("subgraph", "raw · S3<br/>dev-raw", "Data lake zones · dev");
    }

    private static Run planWithConfig(Path dir, String yaml) throws IOException {
        Path file = dir.resolve("Pulumi.bad.yaml");
        Files.writeString(file, yaml);
        Path out = dir.resolve("plan.json");
        Run run = strata(PROJECT, "plan", "--stack", "bad", "--config-file", file.toString(), "--format", "json", "--out", out.toString());
        assertThat(out).doesNotExist();
        return run;
    }

    @Test
    void invalidConfigExitsTwoNamingEveryKeyWithNothingOnStdout(@TempDir Path dir) throws IOException {
        Run run = planWithConfig(dir, """
                config:
                  aws:region: us-east-1
                  strata:environment: production
                  strata:dataLakes: {}
                  strata:dataLake:
                    zones:
                      raw:
                        lifecycle:
                          - id: too-early
                            transitions:
                              - days: 10
                                storageClass: STANDARD_IA
                              - days: 100
                                storageClass: COLDEST
                """);
        assertThat(run.exitCode()).isEqualTo(PlanCommand.INVALID);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains(
                "strata:environment = \"production\": must be one of dev, staging, prod",
                "strata:dataLakes = {}: is not a known setting; did you mean strata:dataLake?",
                "strata:dataLake.zones.raw.lifecycle[0].transitions[1].storageClass = \"COLDEST\": must be one of");
        assertThat(run.stderr()).doesNotContain("Exception", "\tat ");
        Run early = planWithConfig(dir, """
                config:
                  aws:region: us-east-1
                  strata:environment: dev
                  strata:dataLake:
                    zones:
                      raw:
                        lifecycle:
                          - id: too-early
                            transitions: [{days: 10, storageClass: STANDARD_IA}]
                """);
        assertThat(early.exitCode()).isEqualTo(2);
        assertThat(early.stderr()).contains("strata:dataLake.zones.raw.lifecycle[0].transitions[0].days = 10: STANDARD_IA needs at least 30 days");
    }

    @Test
    void missingStackOrRegionOrBadUsageExitTwo(@TempDir Path dir) throws IOException {
        Run missing = strata(dir, "plan", "--stack", "nowhere");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stdout()).isEmpty();
        assertThat(missing.stderr()).contains("Pulumi.nowhere.yaml: no such stack file");
        Run noRegion = planWithConfig(dir, "config:\n  strata:environment: dev\n  strata:protect: false\n");
        assertThat(noRegion.exitCode()).isEqualTo(2);
        assertThat(noRegion.stderr()).contains("aws:region: is required");
        Run usage = strata(PROJECT, "plan", "--stack", "dev", "--format", "yaml");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stdout()).isEmpty();
        assertThat(usage.stderr()).contains("--format", "yaml");
    }

    @Test
    void theSamePlanRendersTheSameText() {
        assertThat(strata(PROJECT, "plan", "--stack", "staging", "--format", "json").stdout())
                .isEqualTo(strata(PROJECT, "plan", "--stack", "staging", "--format", "json").stdout());
    }

    @Test
    void outputsNameTheBucketsAndTheKey() {
        JsonObject outputs = planJson("dev").getAsJsonObject("outputs");
        assertThat(outputs.get("environment").getAsString()).isEqualTo("dev");
        assertThat(outputs.getAsJsonObject("dataLakeBuckets").keySet()).containsExactlyInAnyOrder("raw", "processed", "feature", "model");
        assertThat(outputs.get("dataLakeKeyAlias").getAsString()).isEqualTo("alias/strata-dev-datalake");
    }
}

package dev.strata.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import dev.strata.testing.Cli.Run;

import static dev.strata.testing.Cli.PROJECT;
import static dev.strata.testing.Cli.strata;
import static dev.strata.testing.ResourceTypes.KMS_KEY;
import static dev.strata.testing.ResourceTypes.S3_BUCKET;
import static dev.strata.testing.ResourceTypes.S3_BUCKET_POLICY;
import static dev.strata.testing.ResourceTypes.S3_ENCRYPTION;
import static dev.strata.testing.ResourceTypes.S3_LIFECYCLE;
import static dev.strata.testing.ResourceTypes.S3_OWNERSHIP_CONTROLS;
import static dev.strata.testing.ResourceTypes.S3_PUBLIC_ACCESS_BLOCK;
import static dev.strata.testing.ResourceTypes.S3_VERSIONING;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code strata plan} end to end: the JSON contract of every stack, and invalid config. */
class PlanCommandTest {



    static JsonObject planJson(String stack) {
        Run run = strata(PROJECT, "plan", "--stack", stack, "--format", "json");
        assertThat(run.exit()).as(run.stderr()).isZero();
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
        // Every stack file sets a budget: the plan records it, so that strata diff can tell it crossed.
        assertThat(plan.getAsJsonObject("cost").keySet()).containsExactly("monthlyUsd", "lines", "notes", "budget");
        assertThat(plan.getAsJsonObject("cost").getAsJsonObject("budget").keySet()).containsExactly("monthlyUsd", "enforcement", "exceeded");
        assertThat(plan.get("findings").isJsonArray()).isTrue();
        Set<String> urns = new java.util.HashSet<>();
        for (JsonElement element : plan.getAsJsonArray("resources")) {
            JsonObject resource = element.getAsJsonObject();
            // aliases only on a resource the engine would also match by an earlier URN (a moved training tier's children).
            List<String> keys = List.of("urn", "type", "name", "id", "parent", "protect", "retainOnDelete", "dependencies", "inputs");
            assertThat(resource.keySet()).containsExactlyElementsOf(resource.has("aliases")
                    ? java.util.stream.Stream.concat(keys.stream(), java.util.stream.Stream.of("aliases")).toList() : keys);
            if (resource.has("aliases")) {
                assertThat(resource.getAsJsonArray("aliases")).isNotEmpty()
                        .allSatisfy(alias -> assertThat(alias.getAsString()).startsWith("urn:pulumi:" + stack + "::strata::").isNotEqualTo(resource.get("urn").getAsString()));
            }
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
        List<JsonObject> buckets = resources(plan, S3_BUCKET);
        assertThat(buckets).hasSizeGreaterThanOrEqualTo(4);
        for (JsonObject bucket : buckets) {
            String tier = bucket.getAsJsonObject("inputs").getAsJsonObject("tags").get("tier").getAsString();
            assertThat(bucket.getAsJsonObject("inputs").get("forceDestroy").getAsBoolean()).isFalse();
            assertThat(forBucket(plan, S3_OWNERSHIP_CONTROLS, bucket)).singleElement()
                    .satisfies(r -> assertThat(r.getAsJsonObject("inputs").getAsJsonObject("rule").get("objectOwnership").getAsString())
                            .isEqualTo("BucketOwnerEnforced"));
            assertThat(forBucket(plan, S3_PUBLIC_ACCESS_BLOCK, bucket)).singleElement()
                    .satisfies(r -> {
                        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
                            assertThat(r.getAsJsonObject("inputs").get(flag).getAsBoolean()).as(flag).isTrue();
                        }
                    });
            JsonObject sse = forBucket(plan, S3_ENCRYPTION, bucket)
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
            String policy = forBucket(plan, S3_BUCKET_POLICY, bucket).get(0).getAsJsonObject("inputs").get("policy").getAsString();
            assertThat(policy).contains("\"aws:SecureTransport\":\"false\"").contains("\"s3:TlsVersion\":\"1.2\"");
            assertThat(forBucket(plan, S3_LIFECYCLE, bucket)).hasSize(1);
            if (tier.equals("model")) {
                assertThat(forBucket(plan, S3_VERSIONING, bucket)).singleElement()
                        .satisfies(v -> assertThat(v.getAsJsonObject("inputs").getAsJsonObject("versioningConfiguration")
                                .get("status").getAsString()).isEqualTo("Enabled"));
            }
        }
        assertThat(resources(plan, KMS_KEY)).isNotEmpty()
                .allSatisfy(key -> assertThat(key.getAsJsonObject("inputs").get("enableKeyRotation").getAsBoolean()).isTrue());
    }

    @Test
    void prodProtectsEveryBucketAndKeyAndDevNone() {
        for (String stack : List.of("prod", "dev")) {
            JsonObject plan = planJson(stack);
            List<JsonObject> stateful = new ArrayList<>(resources(plan, S3_BUCKET));
            stateful.addAll(resources(plan, KMS_KEY));
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
        assertThat(run.exit()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(Files.readString(out)).isEqualTo(strata(PROJECT, "plan", "--stack", "dev", "--format", "json").stdout());
    }

    @Test
    void tableAndMermaidShowComponentsAndReviewerSettings() {
        Run table = strata(PROJECT, "plan", "--stack", "prod");
        assertThat(table.exit()).isZero();
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
        assertThat(run.exit()).isEqualTo(PlanCommand.INVALID);
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
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.stderr()).contains("strata:dataLake.zones.raw.lifecycle[0].transitions[0].days = 10: STANDARD_IA needs at least 30 days");
    }

    @Test
    void missingStackOrRegionOrBadUsageExitTwo(@TempDir Path dir) throws IOException {
        Run missing = strata(dir, "plan", "--stack", "nowhere");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.stdout()).isEmpty();
        assertThat(missing.stderr()).contains("Pulumi.nowhere.yaml: no such stack file");
        Run noRegion = planWithConfig(dir, "config:\n  strata:environment: dev\n  strata:protect: false\n");
        assertThat(noRegion.exit()).isEqualTo(2);
        assertThat(noRegion.stderr()).contains("aws:region: is required");
        Run usage = strata(PROJECT, "plan", "--stack", "dev", "--format", "yaml");
        assertThat(usage.exit()).isEqualTo(2);
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

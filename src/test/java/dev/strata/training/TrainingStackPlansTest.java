package dev.strata.training;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.App;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The acceptance checks of the training tiers, on {@code strata plan --format json} of the three stacks. */
class TrainingStackPlansTest {
    @TempDir
    Path temp;

    private JsonObject plan(String stack) throws Exception {
        Path out = temp.resolve(stack + ".json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = App.run(new String[]{"plan", "--stack", stack, "--format", "json", "--out", out.toString()},
                Path.of("").toAbsolutePath(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
        return JsonParser.parseString(Files.readString(out)).getAsJsonObject();
    }

    /** The resources of a type, except those of inference storage (which has EFS, volumes and claims of its own). */
    private static List<JsonObject> ofType(JsonObject plan, String type) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonElement resource : plan.getAsJsonArray("resources")) {
            if (resource.getAsJsonObject().get("type").getAsString().equals(type)
                    && !resource.getAsJsonObject().get("urn").getAsString().contains("strata:inference:InferenceStorage")) {
                result.add(resource.getAsJsonObject());
            }
        }
        return result;
    }

    private static JsonObject one(JsonObject plan, String type) {
        List<JsonObject> resources = ofType(plan, type);
        assertThat(resources).hasSize(1);
        return resources.get(0);
    }

    private static JsonObject inputs(JsonObject resource) {
        return resource.getAsJsonObject("inputs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStackHasTheFourTiersMountableAndClosed(String stack) throws Exception {
        JsonObject plan = plan(stack);
        JsonObject fsx = one(plan, "aws:fsx/lustreFileSystem:LustreFileSystem");
        JsonObject efs = one(plan, "aws:efs/fileSystem:FileSystem");
        assertThat(inputs(efs).get("encrypted").getAsBoolean()).isTrue();
        JsonObject tiers = plan.getAsJsonObject("outputs").getAsJsonObject("trainingTiers");
        assertThat(tiers.keySet()).containsExactlyInAnyOrder("hot", "hotPerJob", "warm", "cold", "archive");

        // The PV's capacity equals the file system's.
        JsonObject pv = one(plan, "kubernetes:core/v1:PersistentVolume");
        assertThat(inputs(pv).getAsJsonObject("spec").getAsJsonObject("capacity").get("storage").getAsString())
                .isEqualTo(inputs(fsx).get("storageCapacity").getAsLong() + "Gi");
        assertThat(inputs(pv).getAsJsonObject("spec").getAsJsonObject("csi").get("volumeHandle").getAsString())
                .isEqualTo(fsx.get("id").getAsString());
        assertThat(ofType(plan, "kubernetes:core/v1:PersistentVolumeClaim")).hasSize(2);
        assertThat(ofType(plan, "kubernetes:storage.k8s.io/v1:StorageClass"))
                .extracting(sc -> inputs(sc).getAsJsonObject("metadata").get("name").getAsString())
                .containsExactlyInAnyOrder("fsx-lustre-training", "efs-datasets");

        // No security group admits 0.0.0.0/0, inline or as a rule.
        for (String type : List.of("aws:ec2/securityGroup:SecurityGroup", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")) {
            assertThat(ofType(plan, type)).isNotEmpty().allSatisfy(r -> assertThat(r.toString()).doesNotContain("0.0.0.0/0"));
        }
        // The Kubernetes objects go through the stack's one provider.
        assertThat(ofType(plan, "pulumi:providers:kubernetes")).extracting(r -> r.get("name").getAsString())
                .containsExactly(stack + "-k8s");
    }

    @Test
    void devIsOneScratch2FileSystemOf1200GiBAndBurstingEfsUnprotected() throws Exception {
        JsonObject plan = plan("dev");
        JsonObject fsx = one(plan, "aws:fsx/lustreFileSystem:LustreFileSystem");
        assertThat(inputs(fsx).get("deploymentType").getAsString()).isEqualTo("SCRATCH_2");
        assertThat(inputs(fsx).get("storageCapacity").getAsLong()).isEqualTo(1200);
        assertThat(inputs(fsx).has("perUnitStorageThroughput")).isFalse();
        assertThat(inputs(fsx).get("importPath").getAsString()).startsWith("s3://strata-dev-training-data-").endsWith("/datasets/");
        JsonObject efs = one(plan, "aws:efs/fileSystem:FileSystem");
        assertThat(inputs(efs).get("throughputMode").getAsString()).isEqualTo("bursting");
        assertThat(StreamSupport.stream(plan.getAsJsonArray("resources").spliterator(), false)
                .filter(r -> r.getAsJsonObject().get("protect").getAsBoolean())).isEmpty();
    }

    @Test
    void prodIsPersistent2WithAssociationsElasticEfsBackupsAndProtection() throws Exception {
        JsonObject plan = plan("prod");
        JsonObject fsx = one(plan, "aws:fsx/lustreFileSystem:LustreFileSystem");
        assertThat(inputs(fsx).get("deploymentType").getAsString()).isEqualTo("PERSISTENT_2");
        assertThat(inputs(fsx).get("storageCapacity").getAsLong()).isGreaterThanOrEqualTo(2400);
        assertThat(inputs(fsx).get("perUnitStorageThroughput").getAsLong()).isGreaterThanOrEqualTo(500);
        assertThat(inputs(fsx).get("automaticBackupRetentionDays").getAsLong()).isPositive();
        assertThat(inputs(fsx).get("kmsKeyId").getAsString()).contains(":key/prod-training-id");
        assertThat(ofType(plan, "aws:fsx/dataRepositoryAssociation:DataRepositoryAssociation")).hasSizeBetween(1, 8);
        JsonObject efs = one(plan, "aws:efs/fileSystem:FileSystem");
        assertThat(inputs(efs).get("throughputMode").getAsString()).isEqualTo("elastic");
        JsonObject backup = one(plan, "aws:efs/backupPolicy:BackupPolicy");
        assertThat(inputs(backup).getAsJsonObject("backupPolicy").get("status").getAsString()).isEqualTo("ENABLED");

        List<JsonObject> stateful = new ArrayList<>();
        stateful.add(fsx);
        stateful.add(efs);
        ofType(plan, "aws:kms/key:Key").stream()
                .filter(k -> !k.get("name").getAsString().equals("prod-inference")).forEach(stateful::add);
        ofType(plan, "aws:s3/bucketV2:BucketV2").stream()
                .filter(b -> b.get("name").getAsString().equals("prod-training-data")).forEach(stateful::add);
        assertThat(stateful).hasSize(5).allSatisfy(r -> {
            assertThat(r.get("protect").getAsBoolean()).as(r.get("name").getAsString()).isTrue();
            assertThat(r.get("retainOnDelete").getAsBoolean()).isTrue();
        });
        JsonObject hot = plan.getAsJsonObject("outputs").getAsJsonObject("trainingTiers").getAsJsonObject("hot");
        assertThat(hot.get("throughputMBps").getAsLong())
                .isEqualTo(inputs(fsx).get("storageCapacity").getAsLong() * inputs(fsx).get("perUnitStorageThroughput").getAsLong() / 1000);
    }

    @Test
    void stagingSitsBetween() throws Exception {
        JsonObject fsx = one(plan("staging"), "aws:fsx/lustreFileSystem:LustreFileSystem");
        assertThat(inputs(fsx).get("deploymentType").getAsString()).isEqualTo("PERSISTENT_1");
        assertThat(inputs(fsx).get("storageCapacity").getAsLong()).isEqualTo(2400);
    }
}

package dev.strata.training;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.strata.cluster.MountpointVolume;
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

import static dev.strata.testing.ResourceTypes.EC2_SECURITY_GROUP;
import static dev.strata.testing.ResourceTypes.EFS_BACKUP_POLICY;
import static dev.strata.testing.ResourceTypes.EFS_FILE_SYSTEM;
import static dev.strata.testing.ResourceTypes.EKS_ADDON;
import static dev.strata.testing.ResourceTypes.FSX_ASSOCIATION;
import static dev.strata.testing.ResourceTypes.FSX_LUSTRE;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME_CLAIM;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static dev.strata.testing.ResourceTypes.KMS_KEY;
import static dev.strata.testing.ResourceTypes.S3_BUCKET;
import static dev.strata.testing.ResourceTypes.S3_LIFECYCLE;
import static dev.strata.testing.ResourceTypes.VPC_EGRESS_RULE;
import static dev.strata.testing.ResourceTypes.VPC_INGRESS_RULE;
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

    /**
     * The resources of a type, except those of inference storage (which has EFS, volumes and claims of its own) and
     * the Mountpoint volumes (S3MountsTest).
     */
    private static List<JsonObject> ofType(JsonObject plan, String type) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonElement resource : plan.getAsJsonArray("resources")) {
            if (resource.getAsJsonObject().get("type").getAsString().equals(type)
                    && !resource.getAsJsonObject().get("urn").getAsString().contains("strata:inference:InferenceStorage")
                    && !resource.getAsJsonObject().get("urn").getAsString().contains(MountpointVolume.TYPE)) {
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
        JsonObject fsx = one(plan, FSX_LUSTRE);
        JsonObject efs = one(plan, EFS_FILE_SYSTEM);
        assertThat(inputs(efs).get("encrypted").getAsBoolean()).isTrue();
        JsonObject tiers = plan.getAsJsonObject("outputs").getAsJsonObject("trainingTiers");
        assertThat(tiers.keySet()).containsExactlyInAnyOrder("hot", "hotPerJob", "warm", "cold", "archive");

        // The PV's capacity equals the file system's.
        JsonObject pv = one(plan, K8S_PERSISTENT_VOLUME);
        assertThat(inputs(pv).getAsJsonObject("spec").getAsJsonObject("capacity").get("storage").getAsString())
                .isEqualTo(inputs(fsx).get("storageCapacity").getAsLong() + "Gi");
        assertThat(inputs(pv).getAsJsonObject("spec").getAsJsonObject("csi").get("volumeHandle").getAsString())
                .isEqualTo(fsx.get("id").getAsString());
        assertThat(ofType(plan, K8S_PERSISTENT_VOLUME_CLAIM)).hasSize(2);
        assertThat(ofType(plan, K8S_STORAGE_CLASS))
                .extracting(sc -> inputs(sc).getAsJsonObject("metadata").get("name").getAsString())
                .containsExactlyInAnyOrder("fsx-lustre-training", "efs-datasets");

        // No security group admits 0.0.0.0/0, inline or as a rule.
        for (String type : List.of(EC2_SECURITY_GROUP, VPC_INGRESS_RULE,
                VPC_EGRESS_RULE)) {
            assertThat(ofType(plan, type)).isNotEmpty().allSatisfy(r -> assertThat(r.toString()).doesNotContain("0.0.0.0/0"));
        }
        // The Kubernetes objects go through the stack's one provider.
        assertThat(ofType(plan, "pulumi:providers:kubernetes")).extracting(r -> r.get("name").getAsString())
                .containsExactly(stack + "-k8s");
    }

    @Test
    void devIsOneScratch2FileSystemOf1200GiBAndBurstingEfsUnprotected() throws Exception {
        JsonObject plan = plan("dev");
        JsonObject fsx = one(plan, FSX_LUSTRE);
        assertThat(inputs(fsx).get("deploymentType").getAsString()).isEqualTo("SCRATCH_2");
        assertThat(inputs(fsx).get("storageCapacity").getAsLong()).isEqualTo(1200);
        assertThat(inputs(fsx).has("perUnitStorageThroughput")).isFalse();
        assertThat(inputs(fsx).get("importPath").getAsString()).startsWith("s3://strata-dev-training-data-").endsWith("/datasets/");
        JsonObject efs = one(plan, EFS_FILE_SYSTEM);
        assertThat(inputs(efs).get("throughputMode").getAsString()).isEqualTo("bursting");
        assertThat(StreamSupport.stream(plan.getAsJsonArray("resources").spliterator(), false)
                .filter(r -> r.getAsJsonObject().get("protect").getAsBoolean())).isEmpty();
    }

    @Test
    void prodIsPersistent2WithAssociationsElasticEfsBackupsAndProtection() throws Exception {
        // FSx backs up no file system linked to S3: the associations' bucket, versioned and protected, is the durable copy.
        JsonObject plan = plan("prod");
        JsonObject fsx = one(plan, FSX_LUSTRE);
        assertThat(inputs(fsx).get("deploymentType").getAsString()).isEqualTo("PERSISTENT_2");
        assertThat(inputs(fsx).get("storageCapacity").getAsLong()).isGreaterThanOrEqualTo(2400);
        assertThat(inputs(fsx).get("perUnitStorageThroughput").getAsLong()).isGreaterThanOrEqualTo(500);
        assertThat(inputs(fsx).get("automaticBackupRetentionDays").getAsLong()).isZero();
        assertThat(inputs(fsx).get("skipFinalBackup").getAsBoolean()).isTrue();
        assertThat(inputs(fsx).get("kmsKeyId").getAsString()).contains(":key/prod-training-id");
        assertThat(ofType(plan, FSX_ASSOCIATION)).hasSizeBetween(1, 8);
        JsonObject efs = one(plan, EFS_FILE_SYSTEM);
        assertThat(inputs(efs).get("throughputMode").getAsString()).isEqualTo("elastic");
        JsonObject backup = one(plan, EFS_BACKUP_POLICY);
        assertThat(inputs(backup).getAsJsonObject("backupPolicy").get("status").getAsString()).isEqualTo("ENABLED");

        List<JsonObject> stateful = new ArrayList<>();
        stateful.add(fsx);
        stateful.add(efs);
        // The training tiers' keys (the inference, alarm and replica keys are their components' tests').
        ofType(plan, KMS_KEY).stream()
                .filter(k -> List.of("prod-datalake", "prod-training").contains(k.get("name").getAsString())).forEach(stateful::add);
        ofType(plan, S3_BUCKET).stream()
                .filter(b -> b.get("name").getAsString().equals("prod-training-data")).forEach(stateful::add);
        assertThat(stateful).hasSize(5).allSatisfy(r -> {
            assertThat(r.get("protect").getAsBoolean()).as(r.get("name").getAsString()).isTrue();
            assertThat(r.get("retainOnDelete").getAsBoolean()).isTrue();
        });
        JsonObject hot = plan.getAsJsonObject("outputs").getAsJsonObject("trainingTiers").getAsJsonObject("hot");
        assertThat(hot.get("throughputMBps").getAsLong())
                .isEqualTo(inputs(fsx).get("storageCapacity").getAsLong() * inputs(fsx).get("perUnitStorageThroughput").getAsLong() / 1000);
    }

    /** Issue 13, items 4, 5, 6 and 8, in each stack's plan. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyStackMountsLinksAndBacksUpAsFsxDocuments(String stack) throws Exception {
        JsonObject plan = plan(stack);
        JsonObject fsx = one(plan, FSX_LUSTRE);
        // 4: a Lustre version Amazon Linux 2023 nodes mount, on the file system and the per-job class
        assertThat(inputs(fsx).get("fileSystemTypeVersion").getAsString()).isIn(LustreVersion.mountable());
        JsonObject scratchClass = ofType(plan, K8S_STORAGE_CLASS).stream()
                .filter(sc -> inputs(sc).get("provisioner").getAsString().equals("fsx.csi.aws.com")).findFirst().orElseThrow();
        assertThat(inputs(scratchClass).getAsJsonObject("parameters").get("fileSystemTypeVersion").getAsString())
                .isIn(LustreVersion.mountable());
        // 6: linked to S3, so no backups
        boolean linked = inputs(fsx).has("importPath")
                || !ofType(plan, FSX_ASSOCIATION).isEmpty();
        assertThat(linked).isTrue();
        assertThat(inputs(fsx).has("automaticBackupRetentionDays") ? inputs(fsx).get("automaticBackupRetentionDays").getAsLong() : 0).isZero();
        // 5: no transition of the training bucket to an archived class outside archive/
        JsonObject lifecycle = ofType(plan, S3_LIFECYCLE).stream()
                .filter(l -> l.get("name").getAsString().equals(stack + "-training-data-lifecycle")).findFirst().orElseThrow();
        for (JsonElement rule : inputs(lifecycle).getAsJsonArray("rules")) {
            JsonObject r = rule.getAsJsonObject();
            String prefix = r.getAsJsonObject("filter").get("prefix").getAsString();
            if (r.has("transitions")) {
                for (JsonElement t : r.getAsJsonArray("transitions")) {
                    String storageClass = t.getAsJsonObject().get("storageClass").getAsString();
                    if (storageClass.equals("GLACIER") || storageClass.equals("DEEP_ARCHIVE")) {
                        assertThat(prefix).as(r.get("id").getAsString()).isEqualTo(TrainingLifecycle.ARCHIVE_PREFIX);
                    }
                }
            }
        }
        // 8: the nodes' group admits the Lustre group on 988 and 1018-1023
        String lustre = ofType(plan, EC2_SECURITY_GROUP).stream()
                .filter(g -> g.get("name").getAsString().equals(stack + "-training-lustre")).findFirst().orElseThrow().get("id").getAsString();
        List<String> clientRules = ofType(plan, VPC_INGRESS_RULE).stream()
                .filter(r -> inputs(r).has("referencedSecurityGroupId") && inputs(r).get("referencedSecurityGroupId").getAsString().equals(lustre)
                        && !inputs(r).get("securityGroupId").getAsString().equals(lustre))
                .map(r -> inputs(r).get("fromPort").getAsLong() + "-" + inputs(r).get("toPort").getAsLong()).toList();
        assertThat(clientRules).containsExactlyInAnyOrder("988-988", "1018-1023");
    }

    /**
     * Issue 13, item 1: each claim takes from what binds it. The ordering itself is tested with slow mocks
     * (TrainingDeployabilityTest, InferenceClaimOrderTest); here, every stack wires it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyClaimCarriesWhatBindsIt(String stack) throws Exception {
        JsonObject plan = plan(stack);
        String driver = inputs(allOfType(plan, EKS_ADDON).stream()
                .filter(a -> inputs(a).get("addonName").getAsString().equals("aws-efs-csi-driver")).findFirst().orElseThrow())
                .get("addonVersion").getAsString();
        List<JsonObject> claims = allOfType(plan, K8S_PERSISTENT_VOLUME_CLAIM);
        assertThat(claims).hasSize(3);
        for (JsonObject claim : claims) {
            JsonObject spec = inputs(claim).getAsJsonObject("spec");
            if (spec.has("volumeName")) {
                assertThat(spec.get("volumeName").getAsString()).isEqualTo(inputs(one(plan, K8S_PERSISTENT_VOLUME))
                        .getAsJsonObject("metadata").get("name").getAsString());
            } else {
                assertThat(inputs(claim).getAsJsonObject("metadata").getAsJsonObject("annotations").get("strata.dev/efs-csi-driver")
                        .getAsString()).as(claim.get("name").getAsString()).isEqualTo(driver);
            }
        }
    }

    /** The resources of a type, except the Mountpoint volumes' (S3MountsTest, ClaimOrderTest). */
    private static List<JsonObject> allOfType(JsonObject plan, String type) {
        List<JsonObject> result = new ArrayList<>();
        for (JsonElement resource : plan.getAsJsonArray("resources")) {
            if (resource.getAsJsonObject().get("type").getAsString().equals(type)
                    && !resource.getAsJsonObject().get("urn").getAsString().contains(MountpointVolume.TYPE)) {
                result.add(resource.getAsJsonObject());
            }
        }
        return result;
    }

    @Test
    void stagingSitsBetween() throws Exception {
        JsonObject fsx = one(plan("staging"), FSX_LUSTRE);
        assertThat(inputs(fsx).get("deploymentType").getAsString()).isEqualTo("PERSISTENT_1");
        assertThat(inputs(fsx).get("storageCapacity").getAsLong()).isEqualTo(2400);
    }
}

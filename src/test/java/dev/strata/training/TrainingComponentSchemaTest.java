package dev.strata.training;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import dev.strata.efs.EfsFileSystem;
import dev.strata.provider.StrataProvider;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** TrainingStorage and EfsFileSystem in the component package: typed inputs, required ones, outputs. */
class TrainingComponentSchemaTest {
    private static final JsonObject SCHEMA = JsonParser.parseString(
            new StrataProvider("0.1.0").getSchema(new GetSchemaRequest(0, null, null)).join().getSchema()).getAsJsonObject();

    private static JsonObject resource(String token) {
        return SCHEMA.getAsJsonObject("resources").getAsJsonObject(token);
    }

    /** A JSON array of strings (the schema's required lists). */
    private static List<String> strings(JsonElement array) {
        return array.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void trainingStorageTakesTheTiersAsTypedObjects() {
        JsonObject training = resource(TrainingStorage.TYPE);
        JsonObject inputs = training.getAsJsonObject("inputProperties");
        assertThat(inputs.getAsJsonObject("hot").get("$ref").getAsString()).endsWith("HotTier");
        assertThat(inputs.getAsJsonObject("perJob").get("$ref").getAsString()).endsWith("PerJobScratch");
        assertThat(inputs.getAsJsonObject("warm").get("$ref").getAsString()).endsWith("WarmTier");
        assertThat(strings(training.get("requiredInputs")))
                .containsExactlyInAnyOrder("kmsKeyArn", "network");
        assertThat(training.getAsJsonObject("properties").keySet()).containsExactlyInAnyOrder("bucketName", "hotFileSystemId",
                "hotDnsName", "hotMountName", "hotClaimName", "scratchStorageClassName", "warmFileSystemId", "warmDnsName",
                "warmClaimName");
        JsonObject hotTier = SCHEMA.getAsJsonObject("types").getAsJsonObject("strata:index:HotTier");
        assertThat(strings(hotTier.get("required"))).containsExactlyInAnyOrder("deploymentType", "storageGiB");
    }

    @Test
    void efsFileSystemIsItsOwnComponent() {
        JsonObject efs = resource(EfsFileSystem.TYPE);
        assertThat(strings(efs.get("requiredInputs")))
                .containsExactlyInAnyOrder("kmsKeyArn", "network", "tier");
        assertThat(efs.getAsJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("fileSystemId", "fileSystemArn", "securityGroupId", "dnsName", "accessPointIds");
    }
}

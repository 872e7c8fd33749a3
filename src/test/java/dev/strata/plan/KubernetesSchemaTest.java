package dev.strata.plan;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.strata.stack.StrataStack;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.stack.StrataSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.strata.testing.ResourceTypes.K8S_CLUSTER_ROLE;
import static dev.strata.testing.ResourceTypes.K8S_CLUSTER_ROLE_BINDING;
import static dev.strata.testing.ResourceTypes.K8S_CONFIG_MAP;
import static dev.strata.testing.ResourceTypes.K8S_DAEMON_SET;
import static dev.strata.testing.ResourceTypes.K8S_SERVICE_ACCOUNT;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every Kubernetes object of every stack's plan is valid against the Kubernetes API schemas: its inputs
 * are checked by the official Kubernetes Java client's models (io.kubernetes:client-java-api 23.0.0,
 * generated from the OpenAPI specification of Kubernetes 1.32, the version Strata's clusters run). Their
 * {@code validateJsonElement} refuses a field the schema does not define, a missing required field and
 * a value of the wrong shape, at every depth.
 */
class KubernetesSchemaTest {
    private static final Gson GSON = new Gson();

    private static Plan planOf(String stack) {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of(""), stack));
        StrataSettings settings = SettingsParser.parse(config.strataValues());
        return PlanRunner.run(stack, new RecordingMocks(config.awsRegion().orElseThrow()), ctx -> StrataStack.define(ctx, settings));
    }

    /** The client's model class of a Pulumi Kubernetes type token, e.g. {@code kubernetes:apps/v1:DaemonSet} to V1DaemonSet. */
    static Optional<Class<?>> model(String type) {
        String[] parts = type.split(":");
        if (parts.length != 3 || !parts[0].equals("kubernetes")) {
            return Optional.empty();
        }
        String version = parts[1].substring(parts[1].indexOf('/') + 1);
        String name = "io.kubernetes.client.openapi.models." + version.substring(0, 1).toUpperCase(Locale.ROOT) + version.substring(1)
                + parts[2];
        try {
            return Optional.of(Class.forName(name));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no Kubernetes model " + name + " for " + type, e);
        }
    }

    /** Validates {@code object} as the model of {@code type}; throws the model's message when it is not valid. */
    static void validate(String type, JsonElement object) throws Exception {
        Class<?> model = model(type).orElseThrow();
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, object);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyKubernetesObjectIsValidAgainstTheApiSchema(String stack) {
        List<PlannedResource> objects = planOf(stack).resources().stream()
                .filter(r -> r.type().startsWith("kubernetes:") && !r.type().startsWith("pulumi:")).toList();
        assertThat(objects).extracting(PlannedResource::type).contains(K8S_DAEMON_SET,
                K8S_CONFIG_MAP, K8S_SERVICE_ACCOUNT, K8S_CLUSTER_ROLE,
                K8S_CLUSTER_ROLE_BINDING, K8S_STORAGE_CLASS);
        assertThat(objects).allSatisfy(object -> {
            JsonObject json = GSON.toJsonTree(object.inputs()).getAsJsonObject();
            assertThat(json.get("kind").getAsString()).isEqualTo(object.type().substring(object.type().lastIndexOf(':') + 1));
            try {
                validate(object.type(), json);
            } catch (Exception e) {
                throw new AssertionError(object.type() + " " + object.name() + ": " + e.getMessage(), e);
            }
        });
    }

    @Test
    void theCheckRefusesUnknownFieldsMissingRequiredOnesAndWrongShapes() throws Exception {
        String type = K8S_DAEMON_SET;
        String valid = "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"x\"},\"spec\":{\"selector\":"
                + "{\"matchLabels\":{\"a\":\"b\"}},\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\","
                + "\"securityContext\":{\"runAsNonRoot\":true}}]}}}}";
        validate(type, GSON.fromJson(valid, JsonElement.class));
        assertThatThrownBy(() -> validate(type, GSON.fromJson(valid.replace("runAsNonRoot", "runAsNonroot"), JsonElement.class)))
                .hasMessageContaining("The field `runAsNonroot` in the JSON string is not defined in the `V1SecurityContext` properties");
        assertThatThrownBy(() -> validate(type, GSON.fromJson(valid.replace("\"name\":\"c\",", ""), JsonElement.class)))
                .hasMessageContaining("The required field `name` is not found");
        assertThatThrownBy(() -> validate(type, GSON.fromJson(valid.replace("[{\"name\"", "{\"x\":[{\"name\"")
                .replace("}]}}}}", "}]}}}}}"), JsonElement.class))).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> validate(K8S_STORAGE_CLASS, GSON.fromJson(
                "{\"apiVersion\":\"storage.k8s.io/v1\",\"kind\":\"StorageClass\",\"metadata\":{\"name\":\"local-nvme\"},"
                        + "\"volumeBindingMode\":\"WaitForFirstConsumer\"}", JsonElement.class)))
                .hasMessageContaining("The required field `provisioner` is not found");
    }
}

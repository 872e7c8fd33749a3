package dev.strata.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.properties.PropertyValue;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.test.PulumiTest;
import dev.strata.datalake.DataLake;
import dev.strata.datalake.DataLakeArgs;
import dev.strata.datalake.SecureBucket;
import dev.strata.security.EncryptionKey;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.strata.testing.LibraryClasses;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.Fixtures.VPC_ID;
import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The component package: its schema, generated offline by the SDK's own analyzer, and its inputs. */
class ComponentPackageTest {
    private static final JsonObject SCHEMA = JsonParser.parseString(
            new StrataProvider("0.1.0").getSchema(new GetSchemaRequest(0, null, null)).join().getSchema()).getAsJsonObject();

    private static JsonObject resource(String token) {
        JsonObject resource = SCHEMA.getAsJsonObject("resources").getAsJsonObject(token);
        assertThat(resource).as(token).isNotNull();
        assertThat(resource.get("isComponent").getAsBoolean()).isTrue();
        return resource;
    }

    private static String type(JsonObject properties, String name) {
        JsonObject property = properties.getAsJsonObject(name);
        assertThat(property).as(name).isNotNull();
        if (property.has("$ref")) {
            return property.get("$ref").getAsString();
        }
        String type = property.get("type").getAsString();
        if (type.equals("array")) {
            JsonObject items = property.getAsJsonObject("items");
            return "array<" + (items.has("$ref") ? items.get("$ref").getAsString() : items.get("type").getAsString()) + ">";
        }
        if (type.equals("object") && property.has("additionalProperties")) {
            return "map<" + property.getAsJsonObject("additionalProperties").get("type").getAsString() + ">";
        }
        return type;
    }

    private static Map<String, String> types(JsonObject properties) {
        return properties.keySet().stream().collect(Collectors.toMap(name -> name, name -> type(properties, name)));
    }

    /** A JSON array of strings (the schema's required lists). */
    private static List<String> strings(JsonElement array) {
        return array.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
    }

    /**
     * The Args own their defaults as constants; pulumi-java's analyzer takes static fields as
     * properties too, so the provider leaves them out (WithoutConstants): no input, output or type
     * property is named after a static field, and no type is reached only through one.
     */
    @Test
    void theArgsConstantsAreNoPropertiesOfThePackage() {
        for (Class<? extends ComponentResource> component : Components.ALL) {
            Class<?> args = java.util.Arrays.stream(component.getConstructors()).filter(c -> c.getParameterCount() == 3)
                    .findFirst().orElseThrow().getParameterTypes()[1];
            Set<String> constants = WithoutConstants.constants(args);
            assertThat(resource(Components.typeOf(component)).getAsJsonObject("inputProperties").keySet())
                    .as(Components.typeOf(component)).doesNotContainAnyElementsOf(constants);
        }
        assertThat(WithoutConstants.constants(dev.strata.training.TrainingStorageArgs.class)).contains("DEFAULT_NAMESPACE");
        for (String section : List.of("resources", "types")) {
            SCHEMA.getAsJsonObject(section).entrySet().forEach(entry -> {
                JsonObject spec = entry.getValue().getAsJsonObject();
                for (String kind : List.of("inputProperties", "properties")) {
                    if (spec.has(kind)) {
                        assertThat(spec.getAsJsonObject(kind).keySet()).as(entry.getKey() + " " + kind)
                                .noneMatch(name -> name.matches("[A-Z][A-Z0-9_]*"));
                    }
                }
            });
        }
        // An enum reached only through a constant is no object type of the package (DeploymentType is an enum type: SchemaDetailsTest).
        assertThat(SCHEMA.getAsJsonObject("types").getAsJsonObject("strata:index:DeploymentType").get("type").getAsString()).isEqualTo("string");
        assertThat(SCHEMA.getAsJsonObject("types").keySet()).noneMatch(token -> token.startsWith("strata:index:DeploymentType") && !token.equals("strata:index:DeploymentType"));
    }

    @Test
    void everyPublicComponentOfTheLibraryIsInThePackage() {
        Set<Class<? extends ComponentResource>> found = Set.copyOf(LibraryClasses.concrete(ComponentResource.class));
        assertThat(found).isNotEmpty();
        assertThat(Components.ALL).containsExactlyInAnyOrderElementsOf(found);
        assertThat(SCHEMA.getAsJsonObject("resources").keySet())
                .containsExactlyInAnyOrderElementsOf(Components.ALL.stream().map(Components::typeOf).toList());
        assertThat(SCHEMA.get("name").getAsString()).isEqualTo("strata");
    }

    @Test
    void everyRegisteredComponentHasANameArgsConstructorBesideTheOneWithOptions() {
        for (Class<? extends ComponentResource> component : Components.ALL) {
            List<Class<?>[]> constructors = Stream.of(component.getConstructors()).map(Constructor::getParameterTypes).toList();
            Class<?> args = constructors.stream().filter(parameters -> parameters.length == 3).findFirst()
                    .orElseThrow(() -> new AssertionError(component.getName() + " has no public (name, args, options) constructor"))[1];
            assertThat(ResourceArgs.class.isAssignableFrom(args)).as(component.getName()).isTrue();
            assertThat(constructors).as(component.getName()).hasSize(2)
                    .anySatisfy(parameters -> assertThat(parameters).containsExactly(String.class, args, ComponentResourceOptions.class))
                    .anySatisfy(parameters -> assertThat(parameters).containsExactly(String.class, args));
        }
    }

    @Test
    void encryptionKeyInputsAndOutputsAreTyped() {
        JsonObject key = resource(EncryptionKey.TYPE);
        assertThat(types(key.getAsJsonObject("inputProperties"))).isEqualTo(Map.of(
                "purpose", "string", "services", "array<#/types/strata:index:KeyService>", "keyUsers", "array<string>", "deletionWindowInDays", "integer",
                "tags", "map<string>", "protect", "boolean"));
        assertThat(strings(key.get("requiredInputs"))).containsExactly("purpose");
        assertThat(types(key.getAsJsonObject("properties"))).isEqualTo(Map.of(
                "keyArn", "string", "keyId", "string", "aliasName", "string"));
    }

    @Test
    void secureBucketInputsAndOutputsAreTyped() {
        JsonObject bucket = resource(SecureBucket.TYPE);
        assertThat(types(bucket.getAsJsonObject("inputProperties"))).isEqualTo(Map.ofEntries(
                Map.entry("kmsKeyArn", "string"), Map.entry("tier", "string"), Map.entry("component", "string"),
                Map.entry("versioning", "boolean"), Map.entry("lifecycleRules", "array<#/types/strata:index:LifecycleRule>"),
                Map.entry("abortIncompleteMultipartUploadDays", "integer"), Map.entry("accessLogBucket", "string"),
                Map.entry("accessLogDestination", "boolean"), Map.entry("objectLockDays", "integer"),
                Map.entry("tags", "map<string>"), Map.entry("protect", "boolean")));
        // Values other resources compute (a key ARN, a log bucket) are inputs; switches are plain.
        assertThat(bucket.getAsJsonObject("inputProperties").getAsJsonObject("kmsKeyArn").has("plain")).isFalse();
        assertThat(bucket.getAsJsonObject("inputProperties").getAsJsonObject("versioning").get("plain").getAsBoolean()).isTrue();
        assertThat(strings(bucket.get("requiredInputs"))).containsExactly("tier");
        assertThat(types(bucket.getAsJsonObject("properties"))).isEqualTo(Map.of("bucketName", "string", "bucketArn", "string"));
        JsonObject rule = SCHEMA.getAsJsonObject("types").getAsJsonObject("strata:index:LifecycleRule");
        assertThat(types(rule.getAsJsonObject("properties"))).isEqualTo(Map.of(
                "id", "string", "prefix", "string", "objectSizeGreaterThan", "integer", "objectSizeLessThan", "integer",
                "transitions", "array<#/types/strata:index:Transition>", "expirationDays", "integer",
                "noncurrentTransitions", "array<#/types/strata:index:Transition>", "noncurrentExpirationDays", "integer"));
        JsonObject transition = SCHEMA.getAsJsonObject("types").getAsJsonObject("strata:index:Transition");
        assertThat(types(transition.getAsJsonObject("properties"))).isEqualTo(Map.of("days", "integer", "storageClass", "#/types/strata:index:StorageClass"));
    }

    @Test
    void dataLakeInputsAndOutputsAreTyped() {
        JsonObject lake = resource(DataLake.TYPE);
        assertThat(types(lake.getAsJsonObject("inputProperties"))).isEqualTo(Map.of(
                "kmsKeyArn", "string", "zones", "array<#/types/strata:index:DataLakeZone>", "accessLogs", "boolean",
                "accessLogExpirationDays", "integer", "abortIncompleteMultipartUploadDays", "integer",
                "tags", "map<string>", "protect", "boolean"));
        assertThat(strings(lake.get("requiredInputs"))).containsExactly("kmsKeyArn");
        assertThat(types(lake.getAsJsonObject("properties"))).isEqualTo(Map.of("bucketNames", "map<string>", "bucketArns", "map<string>"));
    }

    @Test
    void engineInputsDeserializeIntoTheComponentsArgs() {
        Map<String, PropertyValue> inputs = Map.of(
                "kmsKeyArn", PropertyValue.of(KEY_ARN),
                "accessLogs", PropertyValue.of(true),
                "zones", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                        "name", PropertyValue.of("raw"),
                        "versioning", PropertyValue.of(false),
                        "lifecycleRules", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                                "id", PropertyValue.of("expire"), "expirationDays", PropertyValue.of(30))))))))));
        DataLakeArgs args = (DataLakeArgs) StrataProvider.argsFrom(DataLake.class, inputs);
        assertThat(args.accessLogs()).isTrue();
        assertThat(PulumiTest.extractValue(args.kmsKeyArn())).isEqualTo(KEY_ARN);
        var zone = args.zones().get(0).toZone("zones[0]", new dev.strata.core.Problems());
        assertThat(zone.name()).isEqualTo("raw");
        assertThat(zone.versioning()).isFalse();
        assertThat(zone.lifecycle()).singleElement().satisfies(rule -> assertThat(rule.expirationDays()).contains(30));
    }

    /**
     * {@code tags} and {@code protect} are declared once, in {@code core.TaggedArgs}/{@code StatefulArgs};
     * pulumi-java 1.36.1's deserializer reads only a class's own fields, so the provider fills the
     * inherited ones: a YAML or Python user's {@code protect: true} must reach the component.
     */
    @Test
    void inheritedTagsAndProtectDeserializeIntoTheComponentsArgs() {
        Map<String, PropertyValue> inputs = Map.of(
                "purpose", PropertyValue.of("lake"),
                "tags", PropertyValue.of(Map.of("team", PropertyValue.of("ml"))),
                "protect", PropertyValue.of(true));
        var args = (dev.strata.security.EncryptionKeyArgs) StrataProvider.argsFrom(EncryptionKey.class, inputs);
        assertThat(args.purpose()).isEqualTo("lake");
        assertThat(args.tags()).isEqualTo(Map.of("team", "ml"));
        assertThat(args.protect()).isTrue();
        var identity = (dev.strata.security.WorkloadIdentityArgs) StrataProvider.argsFrom(dev.strata.security.WorkloadIdentity.class,
                Map.of("namespace", PropertyValue.of("ml"), "serviceAccountName", PropertyValue.of("trainer"),
                        "oidcProviderArn", PropertyValue.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/ABC"),
                        "oidcIssuer", PropertyValue.of("https://oidc.eks.us-east-1.amazonaws.com/id/ABC"),
                        "tags", PropertyValue.of(Map.of("team", PropertyValue.of("ml")))));
        assertThat(identity.tags()).isEqualTo(Map.of("team", "ml"));
        var unset = (dev.strata.security.EncryptionKeyArgs) StrataProvider.argsFrom(EncryptionKey.class, Map.of("purpose", PropertyValue.of("lake")));
        assertThat(unset.tags()).isEmpty();
        assertThat(unset.protect()).isFalse();
        // A storage component's required key and network, inherited from core.StorageArgs, are still required.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrataProvider.argsFrom(dev.strata.efs.EfsFileSystem.class,
                        Map.of("tier", PropertyValue.of("warm"), "network", PropertyValue.of(Map.of(
                                "vpcId", PropertyValue.of(VPC_ID), "subnetIds", PropertyValue.of(List.of(PropertyValue.of("subnet-0a1b2c3d4e5f60718"))))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kmsKeyArn");
    }

    /**
     * Nested Args deserialize whole: the SDK (1.36.1) refuses a {@code Map<String, String>} below the top level,
     * so a YAML or Python user's node-group labels and taints, and the lifecycle rules of a data lake's
     * zone with their transitions, must reach the component as given.
     */
    @Test
    void nestedArgsWithMapsAndListsDeserialize() {
        Map<String, PropertyValue> inputs = Map.of(
                "create", PropertyValue.of(false),
                "clusterName", PropertyValue.of("ml"),
                "inferenceNodeGroup", PropertyValue.of(Map.of(
                        "instanceTypes", PropertyValue.of(List.of(PropertyValue.of("i4i.2xlarge"))),
                        "desiredSize", PropertyValue.of(2),
                        "labels", PropertyValue.of(Map.of("strata.dev/nvme", PropertyValue.of("true"))),
                        "taints", PropertyValue.of(Map.of("strata.dev/inference", PropertyValue.of("true:NoSchedule"))))));
        var args = (dev.strata.cluster.EksClusterArgs) StrataProvider.argsFrom(dev.strata.cluster.EksCluster.class, inputs);
        var group = args.inferenceNodeGroup().orElseThrow();
        assertThat(group.instanceTypes()).containsExactly("i4i.2xlarge");
        assertThat(group.desiredSize()).isEqualTo(2);
        assertThat(group.labels()).isEqualTo(Map.of("strata.dev/nvme", "true"));
        assertThat(group.taints()).isEqualTo(Map.of("strata.dev/inference", "true:NoSchedule"));

        var lake = (DataLakeArgs) StrataProvider.argsFrom(DataLake.class, Map.of(
                "kmsKeyArn", PropertyValue.of(KEY_ARN),
                "zones", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                        "name", PropertyValue.of("raw"),
                        "lifecycleRules", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                                "id", PropertyValue.of("to-ia"),
                                "transitions", PropertyValue.of(List.of(PropertyValue.of(Map.of(
                                        "days", PropertyValue.of(30), "storageClass", PropertyValue.of("STANDARD_IA")))))))))))))));
        var rule = lake.zones().get(0).toZone("zones[0]", new dev.strata.core.Problems()).lifecycle().get(0);
        assertThat(rule.transitions()).singleElement().satisfies(transition -> {
            assertThat(transition.days()).isEqualTo(30);
            assertThat(transition.storageClass().name()).isEqualTo("STANDARD_IA");
        });
    }

    @Test
    void theStorageComponentsTakeOneTypedNetwork() {
        for (String token : List.of(dev.strata.efs.EfsFileSystem.TYPE, dev.strata.training.TrainingStorage.TYPE,
                dev.strata.inference.InferenceStorage.TYPE)) {
            JsonObject inputs = resource(token).getAsJsonObject("inputProperties");
            assertThat(type(inputs, "network")).as(token).isEqualTo("#/types/strata:index:Network");
            assertThat(inputs.keySet()).as(token).doesNotContain("vpcId", "subnetIds", "privateSubnetIds",
                    "clientSecurityGroupId", "nodeSecurityGroupId", "allowedCidrs");
            assertThat(strings(resource(token).get("requiredInputs"))).as(token).contains("network");
        }
        JsonObject network = SCHEMA.getAsJsonObject("types").getAsJsonObject("strata:index:Network");
        assertThat(types(network.getAsJsonObject("properties"))).isEqualTo(Map.of(
                "vpcId", "string", "subnetIds", "array<string>", "clientSecurityGroupId", "string", "allowedCidrs", "array<string>"));
        assertThat(strings(network.get("required"))).containsExactlyInAnyOrder("vpcId", "subnetIds");
    }

    @Test
    void engineNetworkInputsDeserializeIntoNetworkArgs() {
        Map<String, PropertyValue> inputs = Map.of(
                "kmsKeyArn", PropertyValue.of(KEY_ARN),
                "tier", PropertyValue.of("warm"),
                "network", PropertyValue.of(Map.of(
                        "vpcId", PropertyValue.of(VPC_ID),
                        "subnetIds", PropertyValue.of(List.of(PropertyValue.of("subnet-0a1b2c3d4e5f60718"))),
                        "clientSecurityGroupId", PropertyValue.of(NODE_SECURITY_GROUP_ID),
                        "allowedCidrs", PropertyValue.of(List.of(PropertyValue.of("10.10.0.0/16"))))));
        var args = (dev.strata.efs.EfsFileSystemArgs) StrataProvider.argsFrom(dev.strata.efs.EfsFileSystem.class, inputs);
        assertThat(PulumiTest.extractValue(args.network().vpcId())).isEqualTo(VPC_ID);
        assertThat(PulumiTest.extractValue(args.network().subnetIds())).containsExactly("subnet-0a1b2c3d4e5f60718");
        assertThat(PulumiTest.extractValue(args.network().clientSecurityGroupId().orElseThrow())).isEqualTo(NODE_SECURITY_GROUP_ID);
        assertThat(args.network().allowedCidrs()).containsExactly("10.10.0.0/16");
    }

    @Test
    void workloadIdentityInputsAndOutputsAreTyped() {
        JsonObject identity = resource(dev.strata.security.WorkloadIdentity.TYPE);
        assertThat(types(identity.getAsJsonObject("inputProperties"))).isEqualTo(Map.of(
                "namespace", "string", "serviceAccountName", "string",
                "oidcProviderArn", "string", "oidcIssuer", "string", "tags", "map<string>"));
        assertThat(strings(identity.get("requiredInputs")))
                .containsExactlyInAnyOrder("namespace", "serviceAccountName", "oidcProviderArn", "oidcIssuer");
        assertThat(types(identity.getAsJsonObject("properties"))).isEqualTo(Map.of(
                "roleArn", "string", "roleName", "string", "namespace", "string", "serviceAccountName", "string"));
    }

    @Test
    void clusterAndCsiDriverInputsAndOutputsAreTyped() {
        JsonObject cluster = resource(dev.strata.cluster.EksCluster.TYPE);
        assertThat(types(cluster.getAsJsonObject("inputProperties"))).isEqualTo(Map.ofEntries(
                Map.entry("create", "boolean"), Map.entry("clusterName", "string"), Map.entry("version", "string"),
                Map.entry("vpcId", "string"), Map.entry("privateSubnetIds", "array<string>"),
                Map.entry("nodeSecurityGroupId", "string"), Map.entry("endpointPublicAccess", "boolean"),
                Map.entry("publicAccessCidrs", "array<string>"), Map.entry("secretsKeyArn", "string"),
                Map.entry("logRetentionDays", "integer"), Map.entry("vpcCniVersion", "string"), Map.entry("podIdentityAgent", "#/types/strata:index:AddonUse"),
                Map.entry("podIdentityAgentVersion", "string"), Map.entry("instanceType", "string"),
                Map.entry("desiredSize", "integer"), Map.entry("minSize", "integer"), Map.entry("maxSize", "integer"),
                Map.entry("rootVolumeGiB", "integer"), Map.entry("tags", "map<string>"),
                Map.entry("inferenceNodeGroup", "#/types/strata:index:InferenceNodeGroup")));
        assertThat(types(cluster.getAsJsonObject("properties"))).isEqualTo(Map.of(
                "clusterName", "string", "endpoint", "string", "certificateAuthority", "string",
                "oidcIssuer", "string", "oidcProviderArn", "string", "kubeconfig", "string"));
        JsonObject driver = resource(dev.strata.cluster.CsiDriver.TYPE);
        assertThat(types(driver.getAsJsonObject("inputProperties"))).isEqualTo(Map.of(
                "driver", "#/types/strata:index:CsiDriverKind", "use", "#/types/strata:index:AddonUse", "roleName", "string", "addonVersion", "string", "clusterName", "string",
                "oidcProviderArn", "string", "oidcIssuer", "string", "dynamicProvisioning", "boolean", "tags", "map<string>"));
        // The cluster and its OIDC provider are required to create the add-on, not to use an existing one: the component checks.
        assertThat(strings(driver.get("requiredInputs"))).containsExactly("driver");
        assertThat(types(driver.getAsJsonObject("properties"))).isEqualTo(Map.of(
                "roleArn", "string", "addonName", "string", "addonVersion", "string"));
    }

    @Test
    void aPluginLaunchIsToldFromAProgramRunAndACommand() {
        assertThat(ProviderHost.engineAddress(new String[]{"127.0.0.1:53421"})).contains("127.0.0.1:53421");
        assertThat(ProviderHost.engineAddress(new String[]{"--logtostderr", "-v=9", "--tracing", "file:/x", "localhost:1234"}))
                .contains("localhost:1234");
        assertThat(ProviderHost.engineAddress(new String[]{"plan", "--stack", "dev"})).isEmpty();
        assertThat(ProviderHost.engineAddress(new String[]{"plan"})).isEmpty();
        assertThat(ProviderHost.engineAddress(new String[]{})).isEmpty();
    }

    /** Maven's default lifecycle up to {@code compile}: what {@code mvn compile exec:java} (the plugin's start) runs. */
    private static final List<String> UP_TO_COMPILE = List.of("validate", "initialize", "generate-sources", "process-sources",
            "generate-resources", "process-resources", "compile");

    @Test
    void theProviderPluginStartsWithoutNodeJs() throws Exception {
        // PulumiPlugin.yaml runs the library through Maven (compile, then exec:java): no npm step may run by then.
        assertThat(Files.readString(Path.of("PulumiPlugin.yaml"))).containsPattern("(?m)^runtime: java$");
        org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile());
        org.w3c.dom.NodeList executions = pom.getElementsByTagName("execution");
        int npm = 0;
        for (int i = 0; i < executions.getLength(); i++) {
            org.w3c.dom.Element execution = (org.w3c.dom.Element) executions.item(i);
            org.w3c.dom.NodeList executable = execution.getElementsByTagName("executable");
            if (executable.getLength() == 0 || !executable.item(0).getTextContent().contains("npm")) {
                continue;
            }
            npm++;
            String id = execution.getElementsByTagName("id").item(0).getTextContent();
            String phase = execution.getElementsByTagName("phase").item(0).getTextContent();
            assertThat(phase).as(id).isNotIn(UP_TO_COMPILE);
        }
        assertThat(npm).as("npm executions (pack install, build, tests; the mermaid parser's install for PlanMermaidTest)").isEqualTo(4);
    }

    /** A namespace is data: a TypeScript, Python or YAML program passes its Namespace's name output (or a plain name). */
    @Test
    void engineNamespaceInputsDeserializeIntoOutputs() {
        var identity = (dev.strata.security.WorkloadIdentityArgs) StrataProvider.argsFrom(dev.strata.security.WorkloadIdentity.class,
                Map.of("namespace", PropertyValue.of("ml-jobs"), "serviceAccountName", PropertyValue.of("job"),
                        "oidcProviderArn", PropertyValue.of("arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/A"),
                        "oidcIssuer", PropertyValue.of("https://oidc.eks.us-east-1.amazonaws.com/id/A")));
        assertThat(PulumiTest.extractValue(identity.namespace())).isEqualTo("ml-jobs");
        var training = (dev.strata.training.TrainingStorageArgs) StrataProvider.argsFrom(dev.strata.training.TrainingStorage.class,
                Map.of("namespace", PropertyValue.of("ml-jobs"), "kmsKeyArn", PropertyValue.of(KEY_ARN),
                        "network", PropertyValue.of(Map.of("vpcId", PropertyValue.of(VPC_ID),
                                "subnetIds", PropertyValue.of(List.of(PropertyValue.of("subnet-0a1b2c3d4e5f60718")))))));
        assertThat(PulumiTest.extractValue(training.namespace())).isEqualTo("ml-jobs");
        var inference = (dev.strata.inference.InferenceStorageArgs) StrataProvider.argsFrom(dev.strata.inference.InferenceStorage.class,
                Map.of("namespace", PropertyValue.of("serving"), "kmsKeyArn", PropertyValue.of(KEY_ARN),
                        "network", PropertyValue.of(Map.of("vpcId", PropertyValue.of(VPC_ID),
                                "subnetIds", PropertyValue.of(List.of(PropertyValue.of("subnet-0a1b2c3d4e5f60718")))))));
        assertThat(PulumiTest.extractValue(inference.namespace())).isEqualTo("serving");
    }
}

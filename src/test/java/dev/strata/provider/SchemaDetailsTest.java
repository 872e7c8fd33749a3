package dev.strata.provider;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.resources.ComponentResource;
import dev.strata.cluster.EksCluster;
import dev.strata.core.OneOf;
import dev.strata.core.OptionalOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What the schema adds to the analyzer's inference: descriptions, enum types, required outputs, and references that accept outputs. */
class SchemaDetailsTest {
    private static final JsonObject SCHEMA = JsonParser.parseString(
            new StrataProvider("0.1.0").getSchema(new GetSchemaRequest(0, null, null)).join().getSchema()).getAsJsonObject();
    private static final String INDEX = "#/types/strata:index:";

    private static JsonObject resources() {
        return SCHEMA.getAsJsonObject("resources");
    }

    private static JsonObject types() {
        return SCHEMA.getAsJsonObject("types");
    }

    private static JsonObject property(String owner, String section, String name) {
        JsonObject spec = (owner.startsWith("strata:index:") ? types() : resources()).getAsJsonObject(owner);
        JsonObject property = spec.getAsJsonObject(section).getAsJsonObject(name);
        assertThat(property).as(owner + " " + section + "." + name).isNotNull();
        return property;
    }

    private static List<String> strings(JsonElement array) {
        return array.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList();
    }

    @Test
    void everyResourceTypeAndPropertyHasADescription() {
        List<String> undescribed = new ArrayList<>();
        int described = 0;
        for (String section : List.of("resources", "types")) {
            for (Map.Entry<String, JsonElement> entry : SCHEMA.getAsJsonObject(section).entrySet()) {
                JsonObject spec = entry.getValue().getAsJsonObject();
                if (!spec.has("description") || spec.get("description").getAsString().isBlank()) {
                    undescribed.add(entry.getKey());
                }
                for (String kind : List.of("inputProperties", "properties")) {
                    if (spec.has(kind)) {
                        for (Map.Entry<String, JsonElement> property : spec.getAsJsonObject(kind).entrySet()) {
                            JsonObject p = property.getValue().getAsJsonObject();
                            if (!p.has("description") || p.get("description").getAsString().isBlank()) {
                                undescribed.add(entry.getKey() + " " + kind + "." + property.getKey());
                            } else {
                                described++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(undescribed).isEmpty();
        assertThat(described).isGreaterThan(150);
    }

    @Test
    void descriptionsAreTheJavadocAsMarkdown() {
        // {@value} resolved, {@code} as code, the Args field's own comment.
        assertThat(property(EksCluster.TYPE, "inputProperties", "version").get("description").getAsString())
                .isEqualTo("Kubernetes version of a created cluster. Default: `" + EksCluster.DEFAULT_VERSION + "`.");
        assertThat(property("strata:index:Network", "properties", "subnetIds").get("description").getAsString())
                .startsWith("Private subnets: an EFS mount target in each, FSx for Lustre in the first");
        assertThat(property(dev.strata.inference.InferenceStorage.TYPE, "properties", "redisEndpoint").get("description").getAsString())
                .isEqualTo("L1: the Redis primary endpoint; null when the cache is off.");
        assertThat(resources().getAsJsonObject(dev.strata.datalake.DataLake.TYPE).get("description").getAsString()).isNotBlank()
                .doesNotContain("{@", "<p>", "\n *");
        assertThat(types().getAsJsonObject("strata:index:DeploymentType").getAsJsonArray("enum").get(0).getAsJsonObject()
                .get("description").getAsString()).startsWith("Temporary storage; 200 MB/s per TiB");
    }

    @Test
    void javadocBecomesMarkdown() {
        Map<String, String> cases = new TreeMap<>(Map.of(
                "A {@code Map<String, String>} of {@code {a}}.", "A `Map<String, String>` of `{a}`.",
                "See {@link EksCluster} and {@link #validate}, {@link Foo#bar(int) the bar}.", "See `EksCluster` and `validate`, the bar.",
                "One\n line.\n<p>Two.", "One line.\n\nTwo.",
                "List:\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>", "List:\n\n- one\n- two",
                "Default: {@value #X}.\n@param x ignored", "Default: `42`.",
                "Never {@literal <b>} bold <b>tags</b> &amp; entities &lt;kept&gt;.", "Never <b> bold tags & entities <kept>."));
        cases.forEach((javadoc, markdown) -> assertThat(Descriptions.markdown(javadoc,
                reference -> reference.equals("#X") ? Optional.of("42") : Optional.empty())).as(javadoc).isEqualTo(markdown));
    }

    /** The processor, run by javac over a source as the build runs it over Strata's: classes, fields, enum constants, constants' values. */
    @Test
    void theCompileStepWritesTheJavadocOfEveryClassFieldAndConstant(@TempDir Path dir) throws IOException {
        Path source = Files.createDirectories(dir.resolve("src/sample")).resolve("Sample.java");
        Files.writeString(source, """
                package sample;
                /** A sample {@code Args}. */
                public class Sample {
                    /** The default. */
                    public static final int DEFAULT_DAYS = 30;
                    /** Days, 1 to 90. Default: {@value #DEFAULT_DAYS}. */
                    private Integer days;
                    private String undocumented;
                    /** A choice. */
                    public enum Choice {
                        /** The first. */
                        ONE,
                        TWO
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-processor", DescriptionProcessor.class.getName(),
                "-processorpath", System.getProperty("java.class.path"), source.toString());
        assertThat(status).isZero();
        Properties docs = new Properties();
        try (InputStream in = Files.newInputStream(classes.resolve(Descriptions.RESOURCE))) {
            docs.load(in);
        }
        assertThat(new TreeMap<>(docs)).containsOnly(
                entry("sample.Sample", "A sample `Args`."),
                entry("sample.Sample#DEFAULT_DAYS", "The default."),
                entry("sample.Sample#days", "Days, 1 to 90. Default: `30`."),
                entry("sample.Sample$Choice", "A choice."),
                entry("sample.Sample$Choice#ONE", "The first."));
    }

    /** Each choice among fixed values is an enum type of the package with exactly the values its Args accept. */
    @Test
    void choicesAreEnumTypesWithTheAcceptedValues() {
        Map<String, List<String>> enums = new TreeMap<>();
        types().entrySet().stream().filter(e -> e.getValue().getAsJsonObject().has("enum")).forEach(e -> {
            assertThat(e.getValue().getAsJsonObject().get("type").getAsString()).isEqualTo("string");
            enums.put(e.getKey(), e.getValue().getAsJsonObject().getAsJsonArray("enum").asList().stream()
                    .map(v -> v.getAsJsonObject().get("value").getAsString()).toList());
        });
        assertThat(enums).isEqualTo(Map.of(
                "strata:index:DeploymentType", List.of("SCRATCH_1", "SCRATCH_2", "PERSISTENT_1", "PERSISTENT_2"),
                "strata:index:AutoImportPolicy", List.of("NONE", "NEW", "NEW_CHANGED", "NEW_CHANGED_DELETED"),
                // 2.10 is an FSx version the nodes' Lustre client cannot mount: not accepted.
                "strata:index:LustreVersion", List.of("2.12", "2.15"),
                "strata:index:StorageClass", List.of("STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"),
                "strata:index:PerformanceMode", List.of("generalPurpose", "maxIO"),
                "strata:index:ThroughputMode", List.of("bursting", "provisioned", "elastic"),
                "strata:index:KeyService", List.of("s3", "elasticfilesystem", "fsx", "elasticache", "eks", "logs", "sns"),
                "strata:index:CsiDriverKind", List.of("efs", "fsx", "s3"),
                "strata:index:AddonUse", List.of("create", "existing"),
                "strata:index:MonitoredKind", List.of("fsxLustre", "efs", "elasticache", "s3Bucket", "s3Replication")));

        Map<String, String> references = Map.ofEntries(
                Map.entry("strata:index:HotTier properties.deploymentType", "DeploymentType"),
                Map.entry("strata:index:HotTier properties.autoImportPolicy", "AutoImportPolicy"),
                Map.entry("strata:index:HotTier properties.fileSystemTypeVersion", "LustreVersion"),
                Map.entry("strata:index:PerJobScratch properties.deploymentType", "DeploymentType"),
                Map.entry("strata:index:PerJobScratch properties.autoImportPolicy", "AutoImportPolicy"),
                Map.entry("strata:index:PerJobScratch properties.fileSystemTypeVersion", "LustreVersion"),
                Map.entry("strata:index:Transition properties.storageClass", "StorageClass"),
                Map.entry("strata:index:EfsOptions properties.performanceMode", "PerformanceMode"),
                Map.entry("strata:index:EfsOptions properties.throughputMode", "ThroughputMode"),
                Map.entry("strata:security:EncryptionKey inputProperties.services", "KeyService"),
                Map.entry("strata:cluster:CsiDriver inputProperties.driver", "CsiDriverKind"),
                Map.entry("strata:cluster:CsiDriver inputProperties.use", "AddonUse"),
                Map.entry("strata:cluster:EksCluster inputProperties.podIdentityAgent", "AddonUse"),
                Map.entry("strata:index:MonitoredResource properties.kind", "MonitoredKind"));
        Map<String, String> found = new TreeMap<>();
        for (String section : List.of("resources", "types")) {
            SCHEMA.getAsJsonObject(section).entrySet().forEach(spec -> {
                for (String kind : List.of("inputProperties", "properties")) {
                    JsonObject properties = spec.getValue().getAsJsonObject().getAsJsonObject(kind);
                    if (properties == null || section.equals("resources") && kind.equals("properties")) {
                        continue;
                    }
                    properties.entrySet().forEach(p -> {
                        JsonObject property = p.getValue().getAsJsonObject();
                        JsonObject target = property.has("items") ? property.getAsJsonObject("items") : property;
                        if (target.has("$ref") && enums.containsKey(target.get("$ref").getAsString().substring("#/types/".length()))) {
                            found.put(spec.getKey() + " " + kind + "." + p.getKey(), target.get("$ref").getAsString().substring(INDEX.length()));
                            // Choices stay plain values: validated before anything registers.
                            assertThat(target.get("plain").getAsBoolean()).as(p.getKey()).isTrue();
                        }
                    });
                }
            });
        }
        assertThat(found).isEqualTo(new TreeMap<>(references));
        // Every field marked @OneOf is typed: the references above are all of them.
        assertThat(oneOfFields()).hasSize(references.size());
    }

    private static List<Field> oneOfFields() {
        Map<String, Class<?>> argsOf = Components.ALL.stream().collect(Collectors.toMap(Components::typeOf, SchemaDetailsTest::argsOf));
        Set<Class<?>> classes = Set.copyOf(WithoutConstants.nested(argsOf).values());
        // Declared on the Args class or on its generated base (ArgsGenerator).
        return classes.stream().<Class<?>>flatMap(c -> Stream.<Class<?>>iterate(c, t -> t != null && t != Object.class, Class::getSuperclass))
                .distinct().flatMap(c -> Arrays.stream(c.getDeclaredFields())).filter(f -> f.isAnnotationPresent(OneOf.class)).toList();
    }

    private static Class<?> argsOf(Class<? extends ComponentResource> component) {
        return Arrays.stream(component.getConstructors()).filter(c -> c.getParameterCount() == 3).findFirst().orElseThrow().getParameterTypes()[1];
    }

    /** Outputs a component always sets are required; those a tier that is off leaves unset (@OptionalOutput) are not. */
    @Test
    void outputsThatAlwaysExistAreRequired() {
        Map<String, List<String>> optional = Map.of(
                dev.strata.training.TrainingStorage.TYPE, List.of("hotFileSystemId", "hotDnsName", "hotMountName", "hotClaimName",
                        "scratchStorageClassName", "warmFileSystemId", "warmDnsName", "warmClaimName"),
                dev.strata.inference.InferenceStorage.TYPE, List.of("redisEndpoint", "redisReaderEndpoint", "redisUserName", "redisArn",
                        "redisUserArn", "localNodeLabel"),
                dev.strata.cluster.CsiDriver.TYPE, List.of("addonVersion"));
        for (Class<? extends ComponentResource> component : Components.ALL) {
            String token = Components.typeOf(component);
            JsonObject resource = resources().getAsJsonObject(token);
            Set<String> outputs = resource.getAsJsonObject("properties").keySet();
            List<String> unset = optional.getOrDefault(token, List.of());
            assertThat(strings(resource.get("required"))).as(token)
                    .containsExactlyInAnyOrderElementsOf(outputs.stream().filter(o -> !unset.contains(o)).toList());
            for (String output : outputs) {
                Field field = SchemaDetails.exported(component, output).orElseThrow();
                assertThat(field.isAnnotationPresent(OptionalOutput.class)).as(token + "." + output).isEqualTo(unset.contains(output));
            }
        }
        assertThat(strings(resources().getAsJsonObject(dev.strata.security.EncryptionKey.TYPE).get("required")))
                .containsExactlyInAnyOrder("keyArn", "keyId", "aliasName");
    }

    /**
     * References to other resources accept outputs (not {@code plain}), so that TypeScript, Python and
     * YAML programs can pass another resource's outputs; lists of references accept an output list of outputs.
     */
    @Test
    void referencesAcceptOutputs() {
        List<String> references = List.of(
                "strata:security:EncryptionKey inputProperties.keyUsers",
                "strata:datalake:SecureBucket inputProperties.kmsKeyArn",
                "strata:datalake:SecureBucket inputProperties.accessLogBucket",
                "strata:datalake:DataLake inputProperties.kmsKeyArn",
                "strata:efs:EfsFileSystem inputProperties.kmsKeyArn",
                "strata:training:TrainingStorage inputProperties.kmsKeyArn",
                "strata:training:TrainingStorage inputProperties.efsCsiDriver",
                "strata:inference:InferenceStorage inputProperties.kmsKeyArn",
                "strata:inference:InferenceStorage inputProperties.efsCsiDriver",
                "strata:index:Network properties.vpcId",
                "strata:index:Network properties.subnetIds",
                "strata:index:Network properties.clientSecurityGroupId",
                "strata:cluster:EksCluster inputProperties.vpcId",
                "strata:cluster:EksCluster inputProperties.privateSubnetIds",
                "strata:cluster:EksCluster inputProperties.nodeSecurityGroupId",
                "strata:cluster:EksCluster inputProperties.secretsKeyArn",
                "strata:cluster:CsiDriver inputProperties.clusterName",
                "strata:cluster:CsiDriver inputProperties.oidcProviderArn",
                "strata:cluster:CsiDriver inputProperties.oidcIssuer",
                "strata:security:WorkloadIdentity inputProperties.oidcProviderArn",
                "strata:security:WorkloadIdentity inputProperties.oidcIssuer");
        for (String reference : references) {
            String[] parts = reference.split("[ .]");
            JsonObject property = property(parts[0], parts[1], parts[2]);
            assertThat(property.has("plain")).as(reference).isFalse();
            if (property.has("items")) {
                assertThat(property.getAsJsonObject("items").has("plain")).as(reference + " items").isFalse();
            }
        }
        // Choices and sizes stay plain: checked before anything registers.
        assertThat(property("strata:index:HotTier", "properties", "storageGiB").get("plain").getAsBoolean()).isTrue();
        assertThat(property(EksCluster.TYPE, "inputProperties", "publicAccessCidrs").getAsJsonObject("items").get("plain").getAsBoolean()).isTrue();
    }
}

package dev.strata.plan;

import com.pulumi.test.Mocks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine of the offline plan and of the tests: records every resource the program registers,
 * answers with deterministic ids and outputs, and answers the provider functions the program calls
 * (caller identity, partition, region from the stack's config; an adopted cluster, its IAM OIDC
 * provider and an existing driver's role, each derived from the name asked for). Any other call
 * fails loudly: a plan never invents an answer.
 */
public class RecordingMocks implements Mocks {
    /** The account id the plan deploys to; a documentation example number, never a real account. */
    public static final String ACCOUNT_ID = "123456789012";

    private final String region;
    private final Map<String, Mocks.ResourceArgs> registered = new ConcurrentHashMap<>();
    /** The region of each explicit aws provider the program registered, by the provider's name. */
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();

    public RecordingMocks(String region) {
        this.region = region;
    }

    /** The region the plan answers {@code aws:getRegion} with. */
    public String region() {
        return region;
    }

    /** The resource registered with this type and name, as the engine received it. */
    public Optional<Mocks.ResourceArgs> resource(String type, String name) {
        return Optional.ofNullable(registered.get(key(type, name)));
    }

    /** Every resource registered, in no particular order. */
    public List<Mocks.ResourceArgs> resources() {
        return List.copyOf(registered.values());
    }

    /** The deterministic physical id of a resource: its name and {@code -id}. */
    public static String idOf(String name) {
        return name + "-id";
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(Mocks.ResourceArgs args) {
        registered.put(key(args.type, args.name), args);
        String id = idOf(args.name);
        Map<String, Object> state = new LinkedHashMap<>(args.inputs == null ? Map.of() : args.inputs);
        if (AWS_PROVIDER.equals(args.type) && state.get("region") instanceof String providerRegion) {
            providerRegions.put(args.name, providerRegion);
        }
        String resourceRegion = regionOf(args.provider);
        state.putAll(resourceRegion.equals(region) ? computedOutputs(args.type, id, state)
                : computedOutputs(args.type, id, state, resourceRegion));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    /** The type token of an explicit aws provider. */
    static final String AWS_PROVIDER = "pulumi:providers:aws";

    /**
     * The region a resource is created in: its explicit aws provider's (a provider reference is
     * {@code <provider urn>::<id>}, the urn ending in {@code ::<parent types>$<type>::<name>}), else the stack's.
     */
    private String regionOf(String providerReference) {
        if (providerReference == null || !providerReference.contains(AWS_PROVIDER + "::")) {
            return region;
        }
        String[] parts = providerReference.split("::");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals(AWS_PROVIDER) || parts[i].endsWith("$" + AWS_PROVIDER)) {
                return providerRegions.getOrDefault(parts[i + 1], region);
            }
        }
        return region;
    }

    /** {@link #computedOutputs(String, String, Map, String)} in the stack's region. */
    protected Map<String, Object> computedOutputs(String type, String id, Map<String, Object> inputs) {
        return computedOutputs(type, id, inputs, region);
    }

    /**
     * Outputs the cloud would compute in {@code region}, made deterministic. Subclasses (or later
     * tiers) add types; an AWS resource without an entry gets an ARN of its type and id.
     */
    @SuppressWarnings("unchecked")
    protected Map<String, Object> computedOutputs(String type, String id, Map<String, Object> inputs, String region) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        switch (type) {
            case "aws:s3/bucketV2:BucketV2" -> {
                String bucket = inputs.containsKey("bucket") ? (String) inputs.get("bucket")
                        : inputs.getOrDefault("bucketPrefix", "") + "plan";
                outputs.put("bucket", bucket);
                outputs.put("arn", "arn:aws:s3:::" + bucket);
                outputs.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
            }
            case "aws:kms/key:Key" -> {
                outputs.put("keyId", id);
                outputs.put("arn", "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":key/" + id);
            }
            case "aws:kms/alias:Alias" -> outputs.put("arn",
                    "arn:aws:kms:" + region + ":" + ACCOUNT_ID + ":" + inputs.get("name"));
            case "aws:efs/fileSystem:FileSystem" -> {
                outputs.put("arn", "arn:aws:elasticfilesystem:" + region + ":" + ACCOUNT_ID + ":file-system/" + id);
                outputs.put("dnsName", id + ".efs." + region + ".amazonaws.com");
            }
            case "aws:fsx/lustreFileSystem:LustreFileSystem" -> {
                outputs.put("arn", "arn:aws:fsx:" + region + ":" + ACCOUNT_ID + ":file-system/" + id);
                outputs.put("dnsName", id + ".fsx." + region + ".amazonaws.com");
                // FSx names the Lustre mount "fsx" on SCRATCH_1 and a generated 8-character name otherwise.
                outputs.put("mountName", "SCRATCH_1".equals(inputs.get("deploymentType")) ? "fsx" : "mnt" + Integer.toHexString(id.hashCode() & 0xfffff));
            }
            case "aws:efs/accessPoint:AccessPoint" -> outputs.put("arn",
                    "arn:aws:elasticfilesystem:" + region + ":" + ACCOUNT_ID + ":access-point/" + id);
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                String group = String.valueOf(inputs.getOrDefault("replicationGroupId", id));
                outputs.put("arn", "arn:aws:elasticache:" + region + ":" + ACCOUNT_ID + ":replicationgroup:" + group);
                outputs.put("primaryEndpointAddress", "master." + group + ".plan.cache.amazonaws.com");
                outputs.put("readerEndpointAddress", "replica." + group + ".plan.cache.amazonaws.com");
                outputs.put("memberClusters", List.of());
            }
            case "aws:elasticache/user:User" -> outputs.put("arn",
                    "arn:aws:elasticache:" + region + ":" + ACCOUNT_ID + ":user:" + inputs.get("userId"));
            case "aws:elasticache/userGroup:UserGroup" -> outputs.put("arn",
                    "arn:aws:elasticache:" + region + ":" + ACCOUNT_ID + ":usergroup:" + inputs.get("userGroupId"));
            case "aws:elasticache/subnetGroup:SubnetGroup" -> outputs.put("name", inputs.getOrDefault("name", id));
            case "aws:eks/cluster:Cluster" -> {
                // The same endpoint, certificate authority and issuer as aws:eks/getCluster answers for the name.
                Map<String, Object> cluster = cluster(String.valueOf(inputs.getOrDefault("name", id)));
                outputs.put("name", cluster.get("name"));
                outputs.put("arn", cluster.get("arn"));
                outputs.put("endpoint", cluster.get("endpoint"));
                outputs.put("certificateAuthority", ((List<?>) cluster.get("certificateAuthorities")).get(0));
                outputs.put("identities", cluster.get("identities"));
                Map<String, Object> vpc = new LinkedHashMap<>(inputs.get("vpcConfig") instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : Map.of());
                vpc.put("clusterSecurityGroupId", "sg-" + oidcIssuerId(String.valueOf(cluster.get("name"))).substring(0, 17).toLowerCase());
                outputs.put("vpcConfig", vpc);
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> outputs.put("arn",
                    "arn:aws:iam::" + ACCOUNT_ID + ":oidc-provider/" + String.valueOf(inputs.get("url")).replaceFirst("^https://", ""));
            case "aws:ec2/launchTemplate:LaunchTemplate" -> outputs.put("latestVersion", 1);
            case "aws:cloudwatch/logGroup:LogGroup" -> outputs.put("arn",
                    "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":log-group:" + inputs.getOrDefault("name", id));
            case "aws:iam/role:Role" -> {
                String role = String.valueOf(inputs.getOrDefault("name", id));
                outputs.put("name", role);
                outputs.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + role);
            }
            default -> {
                if (type.startsWith("aws:") && !inputs.containsKey("arn")) {
                    String service = type.substring(4, type.indexOf('/') > 0 ? type.indexOf('/') : type.length());
                    outputs.put("arn", "arn:aws:" + service + ":" + region + ":" + ACCOUNT_ID + ":" + id);
                }
            }
        }
        return outputs;
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        return switch (String.valueOf(args.token)) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> CompletableFuture.completedFuture(Map.of(
                    "accountId", ACCOUNT_ID,
                    "arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/strata-plan",
                    "userId", "AIDASTRATAPLAN",
                    "id", ACCOUNT_ID));
            case "aws:index/getPartition:getPartition" -> CompletableFuture.completedFuture(Map.of(
                    "partition", "aws", "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws", "id", "aws"));
            case "aws:index/getRegion:getRegion" -> CompletableFuture.completedFuture(Map.of(
                    "name", region, "id", region, "endpoint", "ec2." + region + ".amazonaws.com",
                    "description", region));
            case "aws:eks/getCluster:getCluster" -> CompletableFuture.completedFuture(cluster(String.valueOf(args.args.get("name"))));
            case "aws:iam/getOpenIdConnectProvider:getOpenIdConnectProvider" -> openIdConnectProvider(args.args.get("url"));
            case "aws:iam/getRole:getRole" -> CompletableFuture.completedFuture(role(String.valueOf(args.args.get("name"))));
            default -> CompletableFuture.failedFuture(new IllegalStateException(
                    "the offline plan has no answer for the provider function " + args.token));
        };
    }

    /**
     * {@code aws:iam/getOpenIdConnectProvider} by URL: the provider IAM would list for an EKS issuer
     * (its ARN ends in the URL without {@code https://}). Only a URL is answered, as the program asks.
     */
    private static CompletableFuture<Map<String, Object>> openIdConnectProvider(Object url) {
        if (!(url instanceof String issuer) || issuer.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "the offline plan answers aws:iam/getOpenIdConnectProvider by url only, not " + url));
        }
        String host = issuer.replaceFirst("^https://", "");
        String arn = "arn:aws:iam::" + ACCOUNT_ID + ":oidc-provider/" + host;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", arn);
        result.put("arn", arn);
        result.put("url", host);
        result.put("clientIdLists", List.of("sts.amazonaws.com"));
        result.put("thumbprintLists", List.of());
        result.put("tags", Map.of());
        return CompletableFuture.completedFuture(result);
    }

    /** {@code aws:iam/getRole} of an existing role, deterministic in its name. */
    private static Map<String, Object> role(String name) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", name);
        result.put("name", name);
        result.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + name);
        result.put("assumeRolePolicy", "{}");
        result.put("createDate", "2024-01-01T00:00:00Z");
        result.put("description", "");
        result.put("maxSessionDuration", 3600);
        result.put("path", "/");
        result.put("permissionsBoundary", "");
        result.put("roleLastUseds", List.of());
        result.put("tags", Map.of());
        result.put("uniqueId", "AROASTRATAPLAN" + Integer.toHexString(name.hashCode() & 0xfffff).toUpperCase());
        return result;
    }

    /** The issuer id EKS would give a cluster: 32 hexadecimal digits, here derived from its name. */
    public static String oidcIssuerId(String clusterName) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(clusterName.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().withUpperCase().formatHex(digest).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code aws:eks/getCluster} of an existing (or just created) cluster, deterministic in its name. */
    private Map<String, Object> cluster(String name) {
        String id = oidcIssuerId(name);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", name);
        result.put("name", name);
        result.put("arn", "arn:aws:eks:" + region + ":" + ACCOUNT_ID + ":cluster/" + name);
        result.put("endpoint", "https://" + id + ".gr7." + region + ".eks.amazonaws.com");
        result.put("certificateAuthorities", List.of(Map.of("data", java.util.Base64.getEncoder()
                .encodeToString(("plan certificate authority of " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        result.put("identities", List.of(Map.of("oidcs", List.of(Map.of("issuer",
                "https://oidc.eks." + region + ".amazonaws.com/id/" + id)))));
        result.put("version", "1.32");
        result.put("status", "ACTIVE");
        result.put("roleArn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + name + "-cluster");
        return result;
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }
}

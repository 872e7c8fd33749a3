package dev.strata.cluster;

import com.google.gson.Gson;
import dev.strata.stack.StrataStack;
import dev.strata.stack.SettingsParser;
import dev.strata.config.StackConfig;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.ResourceTypes.EC2_LAUNCH_TEMPLATE;
import static dev.strata.testing.ResourceTypes.EKS_ADDON;
import static dev.strata.testing.ResourceTypes.EKS_CLUSTER;
import static dev.strata.testing.ResourceTypes.EKS_NODE_GROUP;
import static dev.strata.testing.ResourceTypes.IAM_OIDC_PROVIDER;
import static dev.strata.testing.ResourceTypes.IAM_ROLE;
import static dev.strata.testing.ResourceTypes.IAM_ROLE_POLICY;
import static dev.strata.testing.ResourceTypes.IAM_ROLE_POLICY_ATTACHMENT;
import static dev.strata.testing.ResourceTypes.K8S_DAEMON_SET;
import static dev.strata.testing.ResourceTypes.K8S_NAMESPACE;
import static dev.strata.testing.ResourceTypes.K8S_SERVICE_ACCOUNT;
import static dev.strata.testing.ResourceTypes.KMS_KEY;
import static dev.strata.testing.ResourceTypes.LOG_GROUP;
import static dev.strata.testing.ResourceTypes.S3_BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance checks of the cluster and workload identities on the plans of the project's three
 * stacks: the cluster (created in dev and staging, adopted in prod), both CSI drivers, the three
 * identities, every grant stated completely, and "least privilege, checked" over every policy.
 */
@SuppressWarnings("unchecked")
class ClusterStackPlansTest {
    private static final Gson GSON = new Gson();
    private static final String ACCOUNT = RecordingMocks.ACCOUNT_ID;

    private record Run(Plan plan, RecordingMocks mocks, String region) {
        List<PlannedResource> ofType(String type) {
            return plan.ofType(type);
        }

        PlannedResource named(String type, String name) {
            return ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
        }
    }

    private static Run plan(String stack) {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of("").toAbsolutePath(), stack));
        var settings = SettingsParser.parse(config.strataValues());
        String region = config.awsRegion().orElseThrow();
        RecordingMocks mocks = new RecordingMocks(region);
        return new Run(PlanRunner.run(stack, mocks, ctx -> StrataStack.define(ctx, settings)), mocks, region);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object text) {
        return GSON.fromJson((String) text, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object policy) {
        return (List<Map<String, Object>>) json(policy).get("Statement");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of((String) value);
    }

    /** Every (action, resource) pair the inline policies of a role grant. */
    private static Set<String> pairs(Run run, String rolePolicyPrefix) {
        Set<String> pairs = new LinkedHashSet<>();
        for (PlannedResource policy : run.ofType(IAM_ROLE_POLICY)) {
            if (!policy.name().startsWith(rolePolicyPrefix)) {
                continue;
            }
            for (Map<String, Object> statement : statements(policy.inputs().get("policy"))) {
                for (String action : strings(statement.get("Action"))) {
                    for (String resource : strings(statement.get("Resource"))) {
                        pairs.add(action + " " + resource);
                    }
                }
            }
        }
        return pairs;
    }

    private static Set<String> read(String bucket, String prefix, String key) {
        return Set.of("s3:GetObject arn:aws:s3:::" + bucket + "/" + prefix + "*", "s3:ListBucket arn:aws:s3:::" + bucket,
                "kms:Decrypt " + key);
    }

    private static Set<String> write(String bucket, String prefix, String key) {
        return Set.of("s3:PutObject arn:aws:s3:::" + bucket + "/" + prefix + "*",
                "s3:AbortMultipartUpload arn:aws:s3:::" + bucket + "/" + prefix + "*",
                "kms:Decrypt " + key, "kms:GenerateDataKey " + key);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging"})
    void aCreatedClusterComesUpInTheOrderItsDocsRequire(String stack) {
        Run run = plan(stack);
        PlannedResource cluster = run.ofType(EKS_CLUSTER).get(0);
        PlannedResource logGroup = run.ofType(LOG_GROUP).stream()
                .filter(group -> ("/aws/eks/strata-" + stack + "/cluster").equals(group.inputs().get("name"))).findFirst().orElseThrow();
        PlannedResource nodes = run.ofType(EKS_NODE_GROUP).get(0);
        PlannedResource agent = addon(run, "eks-pod-identity-agent");
        Plan plan = run.plan();
        // The log group exists, with its retention, before EKS would create one without.
        assertThat(plan.waitsFor(cluster, logGroup)).isTrue();
        // The nodes' aws-node pods start with the CNI's own role: the add-on comes first.
        assertThat(plan.waitsFor(nodes, addon(run, "vpc-cni"))).isTrue();
        // The FSx add-on fails without the Pod Identity Agent; the CSI drivers need nodes to run on.
        assertThat(plan.waitsFor(addon(run, "aws-fsx-csi-driver"), agent)).isTrue();
        assertThat(plan.waitsFor(addon(run, "aws-fsx-csi-driver"), nodes)).isTrue();
        assertThat(plan.waitsFor(addon(run, "aws-efs-csi-driver"), nodes)).isTrue();
        assertThat(plan.waitsFor(logGroup, cluster)).isFalse();
    }

    private static PlannedResource addon(Run run, String addonName) {
        return run.ofType(EKS_ADDON).stream().filter(addon -> addonName.equals(addon.inputs().get("addonName")))
                .findFirst().orElseThrow(() -> new AssertionError("no add-on " + addonName));
    }

    @Test
    void devCreatesItsClusterPrivateNodesEncryptedRootVolumesAndAnOidcProvider() {
        Run run = plan("dev");
        List<String> subnets = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829");
        String issuerId = RecordingMocks.oidcIssuerId("strata-dev");
        assertThat(run.ofType(EKS_CLUSTER)).singleElement().satisfies(cluster -> {
            assertThat(cluster.name()).isEqualTo("dev");
            assertThat(cluster.inputs()).containsEntry("name", "strata-dev").containsEntry("version", "1.32")
                    .containsEntry("roleArn", "arn:aws:iam::" + ACCOUNT + ":role/dev-cluster-id")
                    // dev's public endpoint admits only the two example blocks of Pulumi.dev.yaml.
                    .containsEntry("vpcConfig", Map.of("subnetIds", subnets, "endpointPrivateAccess", true, "endpointPublicAccess", true,
                            "publicAccessCidrs", List.of("203.0.113.0/24", "198.51.100.10/32")))
                    .containsEntry("encryptionConfig", Map.of("resources", List.of("secrets"),
                            "provider", Map.of("keyArn", "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/dev-cluster-id")))
                    .containsEntry("enabledClusterLogTypes", List.of("api", "audit", "authenticator"));
        });
        assertThat(run.ofType(LOG_GROUP)).singleElement().satisfies(logs -> assertThat(logs.inputs())
                .containsEntry("name", "/aws/eks/strata-dev/cluster").containsEntry("retentionInDays", 30L));
        // The secrets key is a customer-managed key of the stack, for EKS.
        assertThat(run.named(KMS_KEY, "dev-cluster").inputs()).containsEntry("enableKeyRotation", true)
                .containsEntry("deletionWindowInDays", 30L);
        // EKS needs nothing in the key policy: the deployer's IAM permissions create the cluster's grant (docs/deployability.md).
        assertThat(json(run.named(KMS_KEY, "dev-cluster").inputs().get("policy"))).isEqualTo(json(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AccountAdministersKeyThroughIam\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"));
        assertThat(run.ofType(IAM_OIDC_PROVIDER)).singleElement().satisfies(oidc ->
                assertThat(oidc.inputs()).containsEntry("url", "https://oidc.eks.us-east-1.amazonaws.com/id/" + issuerId)
                        .containsEntry("clientIdLists", List.of("sts.amazonaws.com")));
        assertThat(run.ofType(EKS_NODE_GROUP)).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("dev-nodes", "dev-inference-nodes");
        assertThat(run.named(EKS_NODE_GROUP, "dev-nodes")).satisfies(nodes -> {
            assertThat(nodes.inputs()).containsEntry("subnetIds", subnets).containsEntry("instanceTypes", List.of("m6i.xlarge"))
                    .containsEntry("scalingConfig", Map.of("desiredSize", 2L, "minSize", 1L, "maxSize", 4L))
                    .containsEntry("launchTemplate", Map.of("id", "dev-nodes-id", "version", "1"))
                    .doesNotContainKeys("remoteAccess", "labels", "taints");
        });
        assertThat(run.named(EC2_LAUNCH_TEMPLATE, "dev-nodes")).satisfies(template -> {
            assertThat(template.inputs().get("blockDeviceMappings")).isEqualTo(List.of(Map.of("deviceName", "/dev/xvda",
                    "ebs", Map.of("encrypted", "true", "volumeType", "gp3", "volumeSize", 100L, "deleteOnTermination", "true"))));
            assertThat(template.inputs().get("metadataOptions")).isEqualTo(Map.of("httpEndpoint", "enabled", "httpTokens", "required",
                    "httpPutResponseHopLimit", 1L));
            // The nodes join the cluster security group and the one the file systems admit.
            assertThat((List<Object>) template.inputs().get("vpcSecurityGroupIds")).hasSize(2).contains(NODE_SECURITY_GROUP_ID);
            assertThat(template.inputs()).doesNotContainKeys("networkInterfaces", "userData");
        });
        assertThat(run.plan().outputs().get("cluster")).isEqualTo(Map.of(
                "name", "strata-dev", "created", true,
                "endpoint", "https://" + RecordingMocks.oidcIssuerId("strata-dev") + ".gr7.us-east-1.eks.amazonaws.com",
                "oidcProviderArn", oidcProvider(run, "strata-dev"),
                "efsCsiDriverRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/dev-efs-csi-id",
                "fsxCsiDriverRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/dev-fsx-csi-id"));
    }

    @Test
    void stagingCreatesItsClusterWithAPrivateEndpointAndProdAdoptsItsClusterByName() {
        Run staging = plan("staging");
        assertThat(staging.ofType(EKS_CLUSTER)).singleElement().satisfies(cluster -> {
            assertThat(cluster.inputs()).containsEntry("name", "strata-staging");
            assertThat((Map<String, Object>) cluster.inputs().get("vpcConfig")).containsEntry("endpointPublicAccess", false);
        });
        Run prod = plan("prod");
        assertThat(prod.ofType(EKS_CLUSTER)).isEmpty();
        assertThat(prod.ofType(EKS_NODE_GROUP)).isEmpty();
        assertThat(prod.ofType(IAM_OIDC_PROVIDER)).isEmpty();
        assertThat(prod.ofType(LOG_GROUP)).isEmpty();
        // The platform cluster already runs the Pod Identity Agent (Pulumi.prod.yaml): only the two CSI add-ons are created.
        assertThat(prod.ofType(EKS_ADDON)).extracting(a -> a.inputs().get("addonName"))
                .containsExactlyInAnyOrder("aws-efs-csi-driver", "aws-fsx-csi-driver");
        assertThat(staging.ofType(EKS_ADDON)).extracting(a -> a.inputs().get("addonName"))
                .containsExactlyInAnyOrder("vpc-cni", "eks-pod-identity-agent", "aws-efs-csi-driver", "aws-fsx-csi-driver",
                        "aws-mountpoint-s3-csi-driver");
        assertThat(prod.ofType("strata:cluster:EksCluster")).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("prod"));
        @SuppressWarnings("unchecked")
        Map<String, Object> cluster = (Map<String, Object>) prod.plan().outputs().get("cluster");
        assertThat(cluster).containsEntry("name", "ml-platform-prod").containsEntry("created", false)
                .containsEntry("oidcProviderArn", oidcProvider(prod, "ml-platform-prod"));
        // The provider's kubeconfig is the looked-up cluster's, with exec authentication and no credentials.
        Map<String, Object> kubeconfig = json(prod.named("pulumi:providers:kubernetes", "prod-k8s").inputs().get("kubeconfig"));
        assertThat(GSON.toJson(kubeconfig.get("clusters"))).contains(
                "\"server\":\"https://" + RecordingMocks.oidcIssuerId("ml-platform-prod") + ".gr7.us-west-2.eks.amazonaws.com\"");
        assertThat(GSON.toJson(kubeconfig.get("users"))).contains(
                "\"command\":\"aws\"", "\"args\":[\"eks\",\"get-token\",\"--cluster-name\",\"ml-platform-prod\",\"--region\",\"us-west-2\"]")
                .doesNotContain("token\":", "password", "client-key");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onAPlatformClusterExistingAddOnsAndNamespacesAreUsedNotCreatedAgain() {
        StackConfig config = StackConfig.load(StackConfig.locate(Path.of("").toAbsolutePath(), "prod"));
        Map<String, Object> values = new java.util.LinkedHashMap<>(config.strataValues());
        values.put("cluster", Map.of("name", "ml-platform-prod", "addons", Map.of(
                "podIdentityAgent", Map.of("use", "existing"),
                "efsCsiDriver", Map.of("use", "existing", "roleName", "platform-efs-csi"))));
        // The platform team created ml-training already: neither the identity nor the training storage creates it.
        values.put("workloads", Map.of("training", Map.of("createNamespace", false), "inference", Map.of(), "data-pipeline", Map.of()));
        Map<String, Object> training = new java.util.LinkedHashMap<>((Map<String, Object>) values.get("training"));
        training.put("createNamespace", false);
        values.put("training", training);
        var settings = SettingsParser.parse(values);
        RecordingMocks mocks = new RecordingMocks("us-west-2");
        Run run = new Run(PlanRunner.run("prod", mocks, ctx -> StrataStack.define(ctx, settings)), mocks, "us-west-2");

        // Only the FSx add-on is installed; the platform's EFS driver gets Strata's grants on its own role.
        assertThat(run.ofType(EKS_ADDON)).extracting(a -> a.inputs().get("addonName")).containsExactly("aws-fsx-csi-driver");
        assertThat(run.ofType(IAM_ROLE)).noneMatch(r -> r.name().equals("prod-efs-csi"));
        assertThat(run.ofType(IAM_ROLE_POLICY)).filteredOn(p -> p.name().startsWith("prod-efs-csi-"))
                .isNotEmpty().allSatisfy(p -> assertThat(p.inputs()).containsEntry("role", "platform-efs-csi")
                        .hasEntrySatisfying("name", name -> assertThat((String) name).startsWith("prod-efs-csi-")));
        assertThat((Map<String, Object>) run.plan().outputs().get("cluster"))
                .containsEntry("efsCsiDriverRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/platform-efs-csi");
        assertThat(run.ofType(K8S_NAMESPACE)).extracting(n -> (Object) ((Map<?, ?>) n.inputs().get("metadata")).get("name"))
                .containsExactlyInAnyOrder("ml-inference", "ml-data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void oneKubernetesProviderBuiltFromTheClusterCarriesEveryKubernetesObject(String stack) {
        Run run = plan(stack);
        assertThat(run.ofType("pulumi:providers:kubernetes")).singleElement()
                .satisfies(provider -> assertThat(provider.name()).isEqualTo(stack + "-k8s"));
        List<PlannedResource> kubernetes = run.plan().resources().stream().filter(r -> r.type().startsWith("kubernetes:")).toList();
        assertThat(kubernetes).isNotEmpty().allSatisfy(r -> assertThat(run.mocks().resource(r.type(), r.name()).orElseThrow().provider)
                .as(r.name()).contains("pulumi:providers:kubernetes::" + stack + "-k8s::" + stack + "-k8s-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void bothCsiDriversAreAddOnsPinnedWithRolesTrustingOnlyTheirServiceAccounts(String stack) {
        Run run = plan(stack);
        String clusterName = stack.equals("prod") ? "ml-platform-prod" : "strata-" + stack;
        String issuer = "oidc.eks." + run.region() + ".amazonaws.com/id/" + RecordingMocks.oidcIssuerId(clusterName);
        Map<String, List<String>> accounts = Map.of(
                "aws-efs-csi-driver", List.of("system:serviceaccount:kube-system:efs-csi-controller-sa",
                        "system:serviceaccount:kube-system:efs-csi-node-sa"),
                "aws-fsx-csi-driver", List.of("system:serviceaccount:kube-system:fsx-csi-controller-sa"));
        List<PlannedResource> drivers = run.ofType(EKS_ADDON).stream()
                .filter(a -> accounts.containsKey((String) a.inputs().get("addonName"))).toList();
        assertThat(drivers).hasSize(2);
        for (PlannedResource addon : drivers) {
            String driver = addon.name();
            assertThat(addon.inputs()).containsEntry("clusterName", clusterName)
                    .containsEntry("serviceAccountRoleArn", "arn:aws:iam::" + ACCOUNT + ":role/" + driver + "-id");
            assertThat((String) addon.inputs().get("addonVersion")).matches("v[0-9]+\\.[0-9]+\\.[0-9]+-eksbuild\\.[0-9]+");
            List<String> subjects = accounts.get((String) addon.inputs().get("addonName"));
            Object sub = subjects.size() == 1 ? "\"" + subjects.get(0) + "\"" : GSON.toJson(subjects);
            assertThat(run.named(IAM_ROLE, driver).inputs().get("assumeRolePolicy")).isEqualTo(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ServiceAccountWebIdentity\",\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Federated\":\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + issuer + "\"},"
                            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{"
                            + "\"" + issuer + ":sub\":" + sub + ",\"" + issuer + ":aud\":\"sts.amazonaws.com\"}}}]}");
        }
    }

    @Test
    void theCsiDriversAreGrantedWhatTheyNeedOnThisStacksFileSystemsOnly() {
        Run run = plan("dev");
        String efsArn = "arn:aws:elasticfilesystem:us-east-1:" + ACCOUNT + ":file-system/";
        Set<String> efs = new java.util.TreeSet<>();
        for (String fs : List.of("dev-training-warm-id", "dev-model-repository-id")) {
            for (String action : List.of("elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeFileSystems",
                    "elasticfilesystem:DescribeMountTargets", "elasticfilesystem:CreateAccessPoint",
                    "elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite")) {
                efs.add(action + " " + efsArn + fs);
            }
        }
        efs.add("elasticfilesystem:TagResource arn:aws:elasticfilesystem:us-east-1:" + ACCOUNT + ":access-point/*");
        efs.add("elasticfilesystem:DeleteAccessPoint arn:aws:elasticfilesystem:us-east-1:" + ACCOUNT + ":access-point/*");
        assertThat(new java.util.TreeSet<>(pairs(run, "dev-efs-csi-"))).isEqualTo(efs);
        // dev plans per-job scratch file systems: the FSx driver provisions them.
        String fsx = "arn:aws:fsx:us-east-1:" + ACCOUNT + ":file-system/*";
        String slr = "arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/";
        Set<String> expected = new java.util.TreeSet<>(List.of("fsx:DescribeFileSystems *",
                "fsx:CreateFileSystem " + fsx, "fsx:DeleteFileSystem " + fsx, "fsx:TagResource " + fsx, "fsx:UpdateFileSystem " + fsx));
        for (String action : List.of("iam:CreateServiceLinkedRole", "iam:AttachRolePolicy", "iam:PutRolePolicy")) {
            expected.add(action + " " + slr + "fsx.amazonaws.com/*");
            expected.add(action + " " + slr + "s3.data-source.lustre.fsx.amazonaws.com/*");
        }
        assertThat(new java.util.TreeSet<>(pairs(run, "dev-fsx-csi-"))).isEqualTo(expected);
    }

    @Test
    void eachWorkloadIsGrantedExactlyWhatItsSettingsName() {
        Run dev = plan("dev");
        String lake = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/dev-datalake-id";
        String trainingKey = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/dev-training-id";
        String inferenceKey = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/dev-inference-id";
        assertThat(new java.util.TreeSet<>(pairs(dev, "dev-training-"))).isEqualTo(union(
                read("strata-dev-training-data-plan", "datasets/", trainingKey),
                read("strata-dev-training-data-plan", "checkpoints/", trainingKey),
                read("strata-dev-processed-plan", "", lake),
                read("strata-dev-feature-plan", "", lake),
                write("strata-dev-training-data-plan", "checkpoints/", trainingKey),
                write("strata-dev-model-plan", "", lake),
                Set.of("fsx:DescribeFileSystems *")));
        assertThat(new java.util.TreeSet<>(pairs(dev, "dev-inference-"))).isEqualTo(union(
                read("strata-dev-model-archive-plan", "", inferenceKey),
                read("strata-dev-model-plan", "", lake)));
        assertThat(new java.util.TreeSet<>(pairs(dev, "dev-data-pipeline-"))).isEqualTo(union(
                read("strata-dev-raw-plan", "", lake),
                write("strata-dev-raw-plan", "", lake),
                write("strata-dev-processed-plan", "", lake),
                write("strata-dev-feature-plan", "", lake)));
        // The training read of datasets/ lists that prefix only.
        Map<String, Object> list = statements(dev.named(IAM_ROLE_POLICY,
                "dev-training-read-dev-training-data-datasets").inputs().get("policy")).get(1);
        assertThat(list).containsEntry("Condition", Map.of("StringLike", Map.of("s3:prefix", List.of("datasets/*"))));

        // prod's inference identity also connects to the L1 cache, as the IAM-authenticated user.
        Run prod = plan("prod");
        String group = "arn:aws:elasticache:us-west-2:" + ACCOUNT + ":replicationgroup:";
        assertThat(pairs(prod, "prod-inference-")).filteredOn(p -> p.startsWith("elasticache:"))
                .hasSize(2).allSatisfy(p -> assertThat(p).matches("elasticache:Connect arn:aws:elasticache:us-west-2:"
                        + ACCOUNT + ":(replicationgroup|user):.+"));
        assertThat(pairs(prod, "prod-inference-")).anyMatch(p -> p.startsWith("elasticache:Connect " + group));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void threeIdentitiesEachAServiceAccountAnnotatedWithItsRoleTrustingOnlyIt(String stack) {
        Run run = plan(stack);
        String clusterName = stack.equals("prod") ? "ml-platform-prod" : "strata-" + stack;
        String issuer = "oidc.eks." + run.region() + ".amazonaws.com/id/" + RecordingMocks.oidcIssuerId(clusterName);
        assertThat(run.ofType("strata:security:WorkloadIdentity")).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder(stack + "-training", stack + "-inference", stack + "-data-pipeline");
        Map<String, String> accounts = Map.of("training", "ml-training/training-job", "inference", "ml-inference/model-server",
                "data-pipeline", "ml-data/data-pipeline");
        assertThat(run.ofType(K8S_NAMESPACE)).extracting(n -> (Object) ((Map<?, ?>) n.inputs().get("metadata")).get("name"))
                .containsExactlyInAnyOrder("ml-training", "ml-inference", "ml-data");
        accounts.forEach((workload, account) -> {
            String namespace = account.split("/")[0];
            String serviceAccount = account.split("/")[1];
            String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/" + stack + "-" + workload + "-id";
            Map<?, ?> metadata = (Map<?, ?>) run.named(K8S_SERVICE_ACCOUNT, stack + "-" + workload + "-service-account")
                    .inputs().get("metadata");
            assertThat(metadata.get("name")).isEqualTo(serviceAccount);
            assertThat(metadata.get("namespace")).isEqualTo(namespace);
            assertThat(metadata.get("annotations")).isEqualTo(Map.of("eks.amazonaws.com/role-arn", roleArn));
            Map<String, Object> statement = statements(run.named(IAM_ROLE, stack + "-" + workload)
                    .inputs().get("assumeRolePolicy")).get(0);
            assertThat(statement).isEqualTo(Map.of("Sid", "ServiceAccountWebIdentity", "Effect", "Allow",
                    "Principal", Map.of("Federated", "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + issuer),
                    "Action", "sts:AssumeRoleWithWebIdentity",
                    "Condition", Map.of("StringEquals", Map.of(
                            issuer + ":sub", "system:serviceaccount:" + namespace + ":" + serviceAccount,
                            issuer + ":aud", "sts.amazonaws.com"))));
        });
        // The warm-up DaemonSet (staging, prod) runs as the inference identity's service account.
        run.ofType(K8S_DAEMON_SET).stream().filter(d -> d.name().endsWith("-cache-warmup")).forEach(daemonSet -> {
            Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) daemonSet.inputs().get("spec")).get("template")).get("spec");
            assertThat(spec.get("serviceAccountName")).isEqualTo("model-server");
            assertThat(((Map<?, ?>) daemonSet.inputs().get("metadata")).get("namespace")).isEqualTo("ml-inference");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyPolicyIsLeastPrivilege(String stack) {
        Run run = plan(stack);
        Set<String> buckets = run.ofType(S3_BUCKET).stream()
                .map(b -> "arn:aws:s3:::" + b.inputs().get("bucketPrefix") + "plan").collect(Collectors.toSet());
        Set<String> keys = run.ofType(KMS_KEY).stream()
                .map(k -> "arn:aws:kms:" + run.region() + ":" + ACCOUNT + ":key/" + k.id()).collect(Collectors.toSet());
        // The workload and driver roles; the S3 replication roles (which also name the replica key of the
        // other region) are checked statement by statement in ReplicationStackPlansTest and ReplicationPolicyTest.
        List<PlannedResource> policies = run.ofType(IAM_ROLE_POLICY).stream()
                .filter(p -> !p.name().startsWith(stack + "-replication-")).toList();
        assertThat(policies).isNotEmpty();
        // Managed policies only on a created cluster's own roles, and only EKS's documented ones: the CNI
        // policy on the VPC CNI's IRSA role, never on the node role.
        assertThat(run.ofType(IAM_ROLE_POLICY_ATTACHMENT)).extracting(a -> a.inputs().get("role") + " "
                + a.inputs().get("policyArn")).containsExactlyInAnyOrderElementsOf(stack.equals("prod") ? List.of() : List.of(
                stack + "-cluster-id arn:aws:iam::aws:policy/AmazonEKSClusterPolicy",
                stack + "-nodes-id arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                stack + "-nodes-id arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                stack + "-vpc-cni-id arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"));
        List<String> checked = new ArrayList<>();
        for (PlannedResource policy : policies) {
            for (Map<String, Object> statement : statements(policy.inputs().get("policy"))) {
                assertThat(statement.get("Effect")).isEqualTo("Allow");
                List<String> actions = strings(statement.get("Action"));
                List<String> resources = strings(statement.get("Resource"));
                assertThat(actions).as(policy.name()).allSatisfy(action -> assertThat(action).doesNotContain("*").contains(":"));
                if (resources.contains("*")) {
                    assertThat(actions).as(policy.name() + ": the only Resource \"*\"").containsExactly("fsx:DescribeFileSystems");
                    assertThat(resources).containsExactly("*");
                }
                for (String resource : resources) {
                    if (resource.startsWith("arn:aws:s3:::")) {
                        String bucket = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
                        assertThat(buckets).as(policy.name()).contains(bucket);
                        checked.add(resource);
                    }
                    if (resource.startsWith("arn:aws:kms:")) {
                        assertThat(keys).as(policy.name()).contains(resource);
                        checked.add(resource);
                    }
                    assertThat(resource.equals("*") || resource.startsWith("arn:aws:")).as(resource).isTrue();
                    // No resource wildcard but a trailing one under a prefix or an ARN type of this account.
                    assertThat(resource.indexOf('*')).as(resource).isIn(-1, resource.length() - 1);
                }
                if (actions.stream().anyMatch(a -> a.startsWith("kms:"))) {
                    assertThat(statement.get("Condition")).isEqualTo(Map.of("StringEquals",
                            Map.of("kms:ViaService", "s3." + run.region() + ".amazonaws.com")));
                }
            }
        }
        assertThat(checked).isNotEmpty();
        // Every role trusts its cluster's OIDC provider with StringEquals on sub and aud, never a wildcard;
        // a created cluster's own two roles trust EKS and EC2, the S3 replication roles S3.
        for (PlannedResource role : run.ofType(IAM_ROLE)) {
            String trust = (String) role.inputs().get("assumeRolePolicy");
            assertThat(trust).doesNotContain("*", "StringLike");
            if (role.name().startsWith(stack + "-replication-")) {
                assertThat(trust).contains("{\"Service\":\"s3.amazonaws.com\"}").doesNotContain("Federated");
            } else if (role.name().equals(stack + "-cluster") || role.name().equals(stack + "-nodes")) {
                assertThat(trust).contains(role.name().endsWith("-cluster") ? "{\"Service\":\"eks.amazonaws.com\"}"
                        : "{\"Service\":\"ec2.amazonaws.com\"}");
            } else {
                assertThat(trust).contains("\"Federated\":", ":sub\"", ":aud\":\"sts.amazonaws.com\"");
            }
        }
    }

    private static String oidcProvider(Run run, String clusterName) {
        return "arn:aws:iam::" + ACCOUNT + ":oidc-provider/oidc.eks." + run.region() + ".amazonaws.com/id/"
                + RecordingMocks.oidcIssuerId(clusterName);
    }
}

package dev.strata.inference;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import dev.strata.core.NetworkArgs;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanFailedException;
import dev.strata.plan.PlanJson;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.RecordingMocks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static dev.strata.testing.Fixtures.KEY_ARN;
import static dev.strata.testing.Fixtures.NODE_SECURITY_GROUP_ID;
import static dev.strata.testing.Fixtures.SUBNET_IDS;
import static dev.strata.testing.Fixtures.VPC_ID;
import static dev.strata.testing.Fixtures.network;
import static dev.strata.testing.ResourceTypes.EC2_SECURITY_GROUP;
import static dev.strata.testing.ResourceTypes.EFS_BACKUP_POLICY;
import static dev.strata.testing.ResourceTypes.EFS_FILE_SYSTEM;
import static dev.strata.testing.ResourceTypes.EFS_FILE_SYSTEM_POLICY;
import static dev.strata.testing.ResourceTypes.EFS_MOUNT_TARGET;
import static dev.strata.testing.ResourceTypes.ELASTICACHE_REPLICATION_GROUP;
import static dev.strata.testing.ResourceTypes.ELASTICACHE_USER;
import static dev.strata.testing.ResourceTypes.K8S_CLUSTER_ROLE;
import static dev.strata.testing.ResourceTypes.K8S_CLUSTER_ROLE_BINDING;
import static dev.strata.testing.ResourceTypes.K8S_CONFIG_MAP;
import static dev.strata.testing.ResourceTypes.K8S_DAEMON_SET;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME_CLAIM;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static dev.strata.testing.ResourceTypes.S3_BUCKET;
import static dev.strata.testing.ResourceTypes.S3_ENCRYPTION;
import static dev.strata.testing.ResourceTypes.S3_LIFECYCLE;
import static dev.strata.testing.ResourceTypes.S3_OBJECT_LOCK;
import static dev.strata.testing.ResourceTypes.S3_VERSIONING;
import static dev.strata.testing.ResourceTypes.VPC_INGRESS_RULE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The component's exact inputs per level, with plain Args (the settings parser is tested separately). */
class InferenceStorageTest {
    static final Map<String, Object> L2_TOLERATION = Map.of("key", "strata.dev/node-pool", "operator", "Equal", "value", "inference",
            "effect", "NoSchedule");

    private RecordingMocks mocks;


    static InferenceStorageArgs.Builder valid() {
        return InferenceStorageArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN))
                .network(network().build())
                .nvmeNodes(NvmeNodeArgs.builder().build());
    }

    /** The component's options: the cluster's Kubernetes provider, as Strata's program hands it over. */
    static ComponentResourceOptions on(Provider provider) {
        return ComponentResourceOptions.builder().providers(provider).build();
    }

    private Plan plan(boolean protect, UnaryOperator<InferenceStorageArgs.Builder> customize) {
        mocks = new RecordingMocks("us-east-1");
        return PlanRunner.run("prod", mocks, ctx -> {
            Provider provider = new Provider("prod-k8s", ProviderArgs.builder().build());
            new InferenceStorage("prod", customize.apply(valid().protect(protect)).build(), on(provider));
        });
    }

    private static PlannedResource named(Plan plan, String type, String name) {
        return plan.ofType(type).stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    // --- L2 ---

    @Test
    void localNvmeStorageClassIsThePlaybooks() {
        Plan plan = plan(false, b -> b);
        assertThat(named(plan, K8S_STORAGE_CLASS, "prod-local-nvme").inputs()).isEqualTo(Map.of(
                "apiVersion", "storage.k8s.io/v1",
                "kind", "StorageClass",
                "metadata", Map.of("name", "local-nvme",
                        "labels", Map.of("app.kubernetes.io/part-of", "strata", "strata.dev/cache-level", "l2")),
                "provisioner", "kubernetes.io/no-provisioner",
                "volumeBindingMode", "WaitForFirstConsumer",
                "reclaimPolicy", "Delete"));
    }

    @Test
    void noVolumeIsListedAheadAndNothingNamesAHost() {
        Plan plan = plan(false, b -> b.warmup(CacheWarmupArgs.builder()
                .image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("models/")).build()));
        assertThat(plan.ofType(K8S_PERSISTENT_VOLUME)).isEmpty();
        assertThat(PlanJson.render(plan)).doesNotContain("kubernetes.io/hostname");
    }

    @Test
    void theProvisionerDiscoversTheCacheMountInItsParentDirectoryAsLocalNvmeVolumes() {
        Plan plan = plan(false, b -> b);
        Map<String, Object> config = named(plan, K8S_CONFIG_MAP, "prod-local-volume-provisioner").inputs();
        assertThat(InferenceStorageTest.<Map<String, Object>>at(config, "metadata")).containsEntry("name", "local-volume-provisioner-config")
                .containsEntry("namespace", "kube-system");
        assertThat(InferenceStorageTest.<Object>at(config, "data")).isEqualTo(Map.of(
                "storageClassMap", "local-nvme:\n  hostDir: /mnt/strata-local-nvme\n  mountDir: /mnt/strata-local-nvme\n"
                        + "  volumeMode: Filesystem\n  namePattern: \"cache\"\n",
                "setPVOwnerRef", "true",
                "labelsForPV", "app.kubernetes.io/part-of: strata\nstrata.dev/cache-level: l2\n"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void theProvisionerRunsOnTheL2NodesOnlyUnprivilegedWithLimitsAndAPinnedImage() {
        Plan plan = plan(false, b -> b);
        Map<String, Object> in = named(plan, K8S_DAEMON_SET, "prod-local-volume-provisioner").inputs();
        assertThat((Map<String, Object>) at(in, "metadata")).containsEntry("name", "local-volume-provisioner")
                .containsEntry("namespace", "kube-system");
        Map<String, Object> pod = at(in, "spec", "template", "spec");
        assertThat(pod).containsEntry("serviceAccountName", "local-volume-provisioner")
                .containsEntry("nodeSelector", Map.of("strata.dev/node-pool", "inference", "kubernetes.io/os", "linux"))
                .containsEntry("tolerations", List.of(L2_TOLERATION))
                .doesNotContainKeys("hostNetwork", "hostPID", "affinity");
        Map<String, Object> container = at(pod, "containers", "0");
        assertThat(container).containsEntry("image", "registry.k8s.io/sig-storage/local-volume-provisioner:v2.9.0")
                .containsEntry("securityContext", Map.of("privileged", false, "allowPrivilegeEscalation", false,
                        "readOnlyRootFilesystem", true, "runAsUser", 0L,
                        "capabilities", Map.of("drop", List.of("ALL"), "add", List.of("DAC_OVERRIDE", "FOWNER"))))
                .containsEntry("resources", Map.of("requests", Map.of("cpu", "10m", "memory", "32Mi"),
                        "limits", Map.of("cpu", "500m", "memory", "256Mi")));
        assertThat(InferenceStorageTest.<Object>at(container, "volumeMounts")).isEqualTo(List.of(
                Map.of("name", "provisioner-config", "mountPath", "/etc/provisioner/config", "readOnly", true),
                Map.of("name", "discovery", "mountPath", "/mnt/strata-local-nvme", "mountPropagation", "HostToContainer")));
        assertThat(InferenceStorageTest.<Object>at(pod, "volumes")).isEqualTo(List.of(
                Map.of("name", "provisioner-config", "configMap", Map.of("name", "local-volume-provisioner-config")),
                Map.of("name", "discovery", "hostPath", Map.of("path", "/mnt/strata-local-nvme", "type", "Directory"))));
    }

    @Test
    void theProvisionersRoleIsTheChartsLessNodeUpdates() {
        Plan plan = plan(false, b -> b);
        assertThat(InferenceStorageTest.<Object>named(plan, K8S_CLUSTER_ROLE, "prod-local-volume-provisioner").inputs().get("rules")).isEqualTo(List.of(
                Map.of("apiGroups", List.of(""), "resources", List.of("persistentvolumes"),
                        "verbs", List.of("get", "list", "watch", "create", "delete")),
                Map.of("apiGroups", List.of("storage.k8s.io"), "resources", List.of("storageclasses"), "verbs", List.of("get", "list", "watch")),
                Map.of("apiGroups", List.of(""), "resources", List.of("events"), "verbs", List.of("watch")),
                Map.of("apiGroups", List.of("", "events.k8s.io"), "resources", List.of("events"), "verbs", List.of("create", "update", "patch")),
                Map.of("apiGroups", List.of(""), "resources", List.of("nodes"), "verbs", List.of("get"))));
        Map<String, Object> binding = named(plan, K8S_CLUSTER_ROLE_BINDING, "prod-local-volume-provisioner").inputs();
        assertThat(binding.get("roleRef")).isEqualTo(Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole",
                "name", "strata-local-volume-provisioner"));
        assertThat(binding.get("subjects")).isEqualTo(List.of(Map.of("kind", "ServiceAccount", "namespace", "kube-system",
                "name", "local-volume-provisioner")));
    }

    @Test
    void aCustomLabelAndMountPathReachEveryL2Object() {
        Plan plan = plan(false, b -> b.nvmeNodes(NvmeNodeArgs.builder().nodeLabel("example.com/cache=nvme").mountPath("/data/l2/models").build())
                .warmup(CacheWarmupArgs.builder().image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("models/")).build()));
        assertThat((String) at(named(plan, K8S_CONFIG_MAP, "prod-local-volume-provisioner").inputs(), "data", "storageClassMap"))
                .contains("hostDir: /data/l2\n", "namePattern: \"models\"");
        Map<String, Object> warmupPod = at(named(plan, K8S_DAEMON_SET, "prod-cache-warmup").inputs(), "spec", "template", "spec");
        assertThat(warmupPod).containsEntry("nodeSelector", Map.of("example.com/cache", "nvme"))
                .containsEntry("tolerations", List.of(Map.of("key", "example.com/cache", "operator", "Equal", "value", "nvme",
                        "effect", "NoSchedule")));
        assertThat(InferenceStorageTest.<Object>at(warmupPod, "volumes", "0", "hostPath")).isEqualTo(Map.of("path", "/data/l2/models", "type", "Directory"));
    }

    @Test
    void withoutNvmeNodesThereIsNoL2() {
        mocks = new RecordingMocks("us-east-1");
        Plan plan = PlanRunner.run("prod", mocks, ctx -> new InferenceStorage("prod", InferenceStorageArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN)).network(network().build()).build(),
                on(new Provider("prod-k8s", ProviderArgs.builder().build()))));
        assertThat(plan.ofType(K8S_STORAGE_CLASS)).extracting(PlannedResource::name).containsExactly("prod-efs-models");
        assertThat(plan.ofType(K8S_DAEMON_SET)).isEmpty();
        assertThat(plan.ofType(CacheLevel.TYPE)).extracting(l -> l.inputs().get("enabled")).containsExactly(false, false, true, true);
    }

    @Test
    void everyKubernetesObjectGoesThroughTheGivenProvider() {
        Plan plan = plan(false, b -> b.warmup(CacheWarmupArgs.builder()
                .image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("models/")).build()));
        List<PlannedResource> kubernetes = plan.resources().stream().filter(r -> r.type().startsWith("kubernetes:")).toList();
        // 2 storage classes, the claim, the provisioner's 5 objects, the warm-up
        assertThat(kubernetes).hasSize(2 + 1 + 5 + 1);
        assertThat(kubernetes).allSatisfy(r -> assertThat(mocks.resource(r.type(), r.name()).orElseThrow().provider)
                .endsWith("pulumi:providers:kubernetes::prod-k8s::prod-k8s-id"));
    }

    // --- L3 ---

    @Test
    void modelRepositoryIsTheSharedEfsBlockEncryptedWithTheKeyBehindTheNfsGroup() {
        Plan plan = plan(true, b -> b);
        PlannedResource fs = plan.ofType(EFS_FILE_SYSTEM).get(0);
        assertThat(plan.ofType(EFS_FILE_SYSTEM)).hasSize(1);
        assertThat(fs.name()).isEqualTo("prod-model-repository");
        assertThat(fs.inputs()).containsEntry("encrypted", true).containsEntry("kmsKeyId", KEY_ARN)
                .containsEntry("performanceMode", "generalPurpose").containsEntry("throughputMode", "elastic");
        assertThat(fs.protect()).isTrue();
        assertThat(plan.ofType(EFS_MOUNT_TARGET)).extracting(t -> t.inputs().get("subnetId"))
                .containsExactlyInAnyOrderElementsOf(SUBNET_IDS);
        assertThat(plan.ofType(EFS_FILE_SYSTEM_POLICY)).hasSize(1);
        assertThat(named(plan, VPC_INGRESS_RULE, "prod-model-repository-nfs-from-nodes")
                .inputs()).containsEntry("fromPort", 2049L).containsEntry("toPort", 2049L)
                .containsEntry("referencedSecurityGroupId", NODE_SECURITY_GROUP_ID);
        assertThat(named(plan, EFS_BACKUP_POLICY, "prod-model-repository-backup").inputs())
                .containsEntry("backupPolicy", Map.of("status", "DISABLED"));
    }

    @Test
    void efsModelsStorageClassRetainsAndCarriesThePlaybooksParameters() {
        Plan plan = plan(false, b -> b.modelBasePath("/srv/models"));
        Map<String, Object> inputs = named(plan, K8S_STORAGE_CLASS, "prod-efs-models").inputs();
        assertThat(inputs).containsEntry("provisioner", "efs.csi.aws.com")
                .containsEntry("reclaimPolicy", "Retain")
                .containsEntry("volumeBindingMode", "Immediate")
                .containsEntry("mountOptions", List.of("tls", "iam"));
        assertThat(InferenceStorageTest.<Map<String, Object>>at(inputs, "parameters")).isEqualTo(Map.of(
                "provisioningMode", "efs-ap",
                "fileSystemId", "prod-model-repository-id",
                "directoryPerms", "0755",
                "gidRangeStart", "1000",
                "gidRangeEnd", "2000",
                "basePath", "/srv/models"));
        assertThat((String) at(inputs, "metadata", "name")).isEqualTo("efs-models");
    }

    @Test
    void sharedModelsClaimIsReadWriteManyInTheNamespaceAndProtectedInProd() {
        Plan plan = plan(true, b -> b);
        PlannedResource claim = named(plan, K8S_PERSISTENT_VOLUME_CLAIM, "prod-shared-models");
        assertThat(InferenceStorageTest.<Map<String, Object>>at(claim.inputs(), "metadata")).containsEntry("name", "shared-models-pvc")
                .containsEntry("namespace", "ml-inference");
        assertThat(InferenceStorageTest.<Map<String, Object>>at(claim.inputs(), "spec")).isEqualTo(Map.of(
                "accessModes", List.of("ReadWriteMany"),
                "storageClassName", "efs-models",
                "resources", Map.of("requests", Map.of("storage", "100Gi"))));
        assertThat(claim.protect()).isTrue();
        assertThat(claim.retainOnDelete()).isTrue();
    }

    @Test
    void claimSizeAndNamespaceFollowTheArguments() {
        Plan plan = plan(false, b -> b.modelClaimSize("2Ti").namespace("serving"));
        PlannedResource claim = named(plan, K8S_PERSISTENT_VOLUME_CLAIM, "prod-shared-models");
        assertThat((String) at(claim.inputs(), "spec", "resources", "requests", "storage")).isEqualTo("2Ti");
        assertThat((String) at(claim.inputs(), "metadata", "namespace")).isEqualTo("serving");
        assertThat(claim.protect()).isFalse();
    }

    // --- L4 ---

    @Test
    void modelArchiveIsAVersionedSecureBucketWithTheModelZoneLifecycle() {
        Plan plan = plan(true, b -> b);
        PlannedResource bucket = named(plan, S3_BUCKET, "prod-model-archive");
        assertThat(bucket.protect()).isTrue();
        assertThat(bucket.inputs()).containsEntry("bucketPrefix", "strata-prod-model-archive-")
                .containsEntry("forceDestroy", false).doesNotContainKey("objectLockEnabled");
        assertThat(named(plan, S3_VERSIONING, "prod-model-archive-versioning").inputs())
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        Map<String, Object> encryption = named(plan,
                S3_ENCRYPTION,
                "prod-model-archive-encryption").inputs();
        assertThat(InferenceStorageTest.<Object>at(encryption, "rules", "0", "applyServerSideEncryptionByDefault"))
                .isEqualTo(Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", KEY_ARN));
        Map<String, Object> lifecycle = named(plan,
                S3_LIFECYCLE, "prod-model-archive-lifecycle").inputs();
        assertThat(InferenceStorageTest.<Object>at(lifecycle, "rules", "0", "noncurrentVersionTransitions")).isEqualTo(List.of(
                Map.of("noncurrentDays", 30L, "storageClass", "STANDARD_IA"),
                Map.of("noncurrentDays", 90L, "storageClass", "GLACIER")));
        assertThat(plan.ofType(S3_OBJECT_LOCK)).isEmpty();
    }

    @Test
    void objectLockIsTurnedOnAtCreationWithGovernanceRetention() {
        Plan plan = plan(true, b -> b.objectLockDays(30));
        assertThat(named(plan, S3_BUCKET, "prod-model-archive").inputs())
                .containsEntry("objectLockEnabled", true);
        PlannedResource lock = named(plan, S3_OBJECT_LOCK,
                "prod-model-archive-object-lock");
        assertThat(lock.inputs()).containsEntry("bucket", "prod-model-archive-id")
                .containsEntry("rule", Map.of("defaultRetention", Map.of("mode", "GOVERNANCE", "days", 30L)));
    }

    // --- L1 ---

    private static RedisCacheArgs.Builder redis() {
        return RedisCacheArgs.builder().nodeType("cache.r7g.2xlarge");
    }

    @Test
    void noRedisResourcesWhenTheCacheIsOff() {
        Plan plan = plan(false, b -> b);
        assertThat(plan.resources()).noneMatch(r -> r.type().startsWith("aws:elasticache/"));
        assertThat(named(plan, CacheLevel.TYPE, "prod-l1-redis").inputs()).containsEntry("enabled", false);
    }

    @Test
    void redisEncryptsAtRestWithTheKeyAndInTransitAndRequiresRbacAuthentication() {
        Plan plan = plan(true, b -> b.redis(redis().build()));
        PlannedResource group = named(plan, ELASTICACHE_REPLICATION_GROUP, "prod-redis");
        assertThat(group.inputs()).containsEntry("engine", "redis")
                .containsEntry("engineVersion", "7.1")
                .containsEntry("nodeType", "cache.r7g.2xlarge")
                .containsEntry("port", 6379L)
                .containsEntry("numCacheClusters", 2L)
                .containsEntry("automaticFailoverEnabled", true)
                .containsEntry("multiAzEnabled", true)
                .containsEntry("atRestEncryptionEnabled", true)
                .containsEntry("kmsKeyId", KEY_ARN)
                .containsEntry("transitEncryptionEnabled", true)
                .containsEntry("transitEncryptionMode", "required")
                .containsEntry("userGroupIds", List.of("strata-prod-model-cache"))
                .containsEntry("subnetGroupName", "prod-redis-id")
                .containsEntry("securityGroupIds", List.of("prod-redis-id"))
                .doesNotContainKey("authToken");
        assertThat(group.protect()).isTrue();
        assertThat(group.retainOnDelete()).isTrue();
        assertThat(named(plan, "aws:elasticache/subnetGroup:SubnetGroup", "prod-redis").inputs())
                .containsEntry("subnetIds", SUBNET_IDS);
    }

    @Test
    void theOnlyUserThatCanConnectAuthenticatesWithIamAndTheDefaultUserIsOff() {
        Plan plan = plan(false, b -> b.redis(redis().build()));
        assertThat(plan.ofType(ELASTICACHE_USER)).hasSize(2);
        assertThat(named(plan, ELASTICACHE_USER, "prod-redis-iam").inputs()).isEqualTo(Map.of(
                "userId", "strata-prod-inference",
                "userName", "strata-prod-inference",
                "engine", "redis",
                "accessString", RedisLevel.ACCESS_STRING,
                "authenticationMode", Map.of("type", "iam"),
                "tags", Map.of("component", "inference", "tier", "redis")));
        Map<String, Object> defaultUser = named(plan, ELASTICACHE_USER, "prod-redis-default").inputs();
        assertThat(defaultUser).containsEntry("userName", "default")
                .containsEntry("accessString", "off -@all")
                .containsEntry("authenticationMode", Map.of("type", "no-password-required"))
                .doesNotContainKey("passwords");
        assertThat(named(plan, "aws:elasticache/userGroup:UserGroup", "prod-redis").inputs())
                .containsEntry("userGroupId", "strata-prod-model-cache")
                .containsEntry("userIds", List.of("strata-prod-default-off", "strata-prod-inference"));
    }

    @Test
    void outputsNameTheRedisEndpointAndTheUserForTheConnectGrant() {
        mocks = new RecordingMocks("us-east-1");
        Map<String, Object> outputs = PlanRunner.run("prod", mocks, ctx -> {
            Provider provider = new Provider("prod-k8s", ProviderArgs.builder().build());
            InferenceStorage storage = new InferenceStorage("prod", valid().redis(redis().build()).build(), on(provider));
            ctx.export("endpoint", storage.redisEndpoint);
            ctx.export("userName", storage.redisUserName);
            ctx.export("userArn", storage.redisUserArn);
            ctx.export("groupArn", storage.redisArn);
            ctx.export("claim", storage.modelClaimName);
            ctx.export("fileSystem", storage.modelFileSystemId);
            ctx.export("bucket", storage.archiveBucketName);
        }).outputs();
        assertThat(outputs).containsEntry("endpoint", "master.strata-prod-model-cache.plan.cache.amazonaws.com")
                .containsEntry("userName", "strata-prod-inference")
                .containsEntry("userArn", "arn:aws:elasticache:us-east-1:123456789012:user:strata-prod-inference")
                .containsEntry("groupArn", "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:strata-prod-model-cache")
                .containsEntry("claim", "shared-models-pvc")
                .containsEntry("fileSystem", "prod-model-repository-id")
                .containsEntry("bucket", "strata-prod-model-archive-plan");
    }

    @Test
    void redisSecurityGroupAdmitsOnlyTheRedisPortFromTheCluster() {
        Plan plan = plan(false, b -> b.redis(redis().build()).network(network().allowedCidrs(List.of("10.10.0.0/16")).build()));
        PlannedResource group = named(plan, EC2_SECURITY_GROUP, "prod-redis");
        assertThat(group.inputs()).containsEntry("vpcId", VPC_ID)
                .doesNotContainKey("ingress").doesNotContainKey("egress");
        List<PlannedResource> rules = plan.ofType(VPC_INGRESS_RULE).stream()
                .filter(r -> r.name().startsWith("prod-redis-")).toList();
        assertThat(rules).extracting(PlannedResource::name)
                .containsExactlyInAnyOrder("prod-redis-from-nodes", "prod-redis-from-10-10-0-0-16");
        assertThat(rules).allSatisfy(rule -> assertThat(rule.inputs()).containsEntry("securityGroupId", group.id())
                .containsEntry("ipProtocol", "tcp").containsEntry("fromPort", 6379L).containsEntry("toPort", 6379L));
        assertThat(named(plan, VPC_INGRESS_RULE, "prod-redis-from-nodes").inputs())
                .containsEntry("referencedSecurityGroupId", NODE_SECURITY_GROUP_ID).doesNotContainKey("cidrIpv4");
        assertThat(named(plan, VPC_INGRESS_RULE, "prod-redis-from-10-10-0-0-16")
                .inputs()).containsEntry("cidrIpv4", "10.10.0.0/16");
    }

    @Test
    void aSingleNodeCacheWithoutFailoverIsAllowedOutsideProd() {
        Plan plan = plan(false, b -> b.redis(redis().replicas(0).automaticFailover(false).multiAz(false).engine("valkey")
                .engineVersion("7.2").build()));
        assertThat(named(plan, ELASTICACHE_REPLICATION_GROUP, "prod-redis").inputs()).containsEntry("numCacheClusters", 1L)
                .containsEntry("automaticFailoverEnabled", false).containsEntry("multiAzEnabled", false)
                .containsEntry("engine", "valkey");
        assertThat(named(plan, ELASTICACHE_USER, "prod-redis-iam").inputs()).containsEntry("engine", "valkey");
    }

    // --- warm-up ---

    @SuppressWarnings("unchecked")
    @Test
    void warmupCopiesFromTheArchiveOnTheL2NodesAsTheInferenceIdentityWithoutCredentials() {
        Plan plan = plan(false, b -> b.warmup(CacheWarmupArgs.builder()
                .image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("models/a/", "models/b/")).build()));
        PlannedResource daemonSet = named(plan, K8S_DAEMON_SET, "prod-cache-warmup");
        Map<String, Object> in = daemonSet.inputs();
        assertThat(InferenceStorageTest.<Map<String, Object>>at(in, "metadata")).containsEntry("name", "model-cache-warmup")
                .containsEntry("namespace", "ml-inference");
        Map<String, Object> pod = at(in, "spec", "template", "spec");
        assertThat(pod).containsEntry("serviceAccountName", "model-server")
                .containsEntry("automountServiceAccountToken", false)
                .containsEntry("nodeSelector", Map.of("strata.dev/node-pool", "inference"))
                .containsEntry("tolerations", List.of(L2_TOLERATION))
                .doesNotContainKey("affinity");
        assertThat(InferenceStorageTest.<Object>at(pod, "volumes")).isEqualTo(List.of(
                Map.of("name", "cache", "hostPath", Map.of("path", "/mnt/strata-local-nvme/cache", "type", "Directory")),
                Map.of("name", "tmp", "emptyDir", Map.of("sizeLimit", "1Gi"))));
        Map<String, Object> init = at(pod, "initContainers", "0");
        assertThat(init).containsEntry("image", "public.ecr.aws/aws-cli/aws-cli:2.17.0")
                .containsEntry("command", List.of("/bin/sh", "-c", WarmupDaemonSet.SYNC_SCRIPT));
        assertThat(InferenceStorageTest.<Object>at(init, "env")).isEqualTo(List.of(
                Map.of("name", "ARCHIVE_BUCKET", "value", "strata-prod-model-archive-plan"),
                Map.of("name", "MODEL_PREFIXES", "value", "models/a/ models/b/"),
                Map.of("name", "HOME", "value", "/tmp")));
        String manifest = new Gson().toJson(in);
        assertThat(manifest).doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                "secretKeyRef", "imagePullSecrets", "\"secret\"");
    }

    /**
     * The warm-up's pods run as uid and gid 1000, never root, in every container, with a read-only root
     * and limits; and they can write the cache: it is the node's cache mount, whose directory the node's
     * boot step gives to group 1000 with mode 2775 (group-writable, setgid).
     */
    @SuppressWarnings("unchecked")
    @Test
    void warmupPodsRunAsNonRootCanWriteTheCacheAndHaveLimits() {
        Plan plan = plan(false, b -> b.warmup(CacheWarmupArgs.builder()
                .image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("models/")).build()));
        Map<String, Object> pod = at(named(plan, K8S_DAEMON_SET, "prod-cache-warmup").inputs(), "spec", "template", "spec");
        assertThat(pod.get("securityContext")).isEqualTo(Map.of("runAsNonRoot", true, "runAsUser", 1000L,
                "runAsGroup", 1000L, "fsGroup", 1000L, "seccompProfile", Map.of("type", "RuntimeDefault")));
        List<Map<String, Object>> containers = new java.util.ArrayList<>((List<Map<String, Object>>) pod.get("initContainers"));
        containers.addAll((List<Map<String, Object>>) pod.get("containers"));
        assertThat(containers).hasSize(2).allSatisfy(container -> {
            assertThat(container).containsEntry("securityContext", Map.of("allowPrivilegeEscalation", false,
                    "readOnlyRootFilesystem", true, "privileged", false, "runAsNonRoot", true, "capabilities", Map.of("drop", List.of("ALL"))));
            assertThat(container).containsEntry("resources", Map.of("requests", Map.of("cpu", "100m", "memory", "256Mi"),
                    "limits", Map.of("cpu", "1", "memory", "1Gi")));
            assertThat(InferenceStorageTest.<Object>at(container, "volumeMounts", "0")).isEqualTo(Map.of("name", "cache", "mountPath", "/cache"));
        });
        // The node side: the cache directory the mount point binds belongs to the warm-up's group, group-writable.
        NvmeNode nodes = NvmeNode.defaults();
        assertThat(nodes.bootScript()).contains(
                "ExecStart=/usr/bin/chown root:1000 /mnt/k8s-disks/0/strata-model-cache\n",
                "ExecStart=/usr/bin/chmod 2775 /mnt/k8s-disks/0/strata-model-cache\n",
                "mount --bind /mnt/k8s-disks/0/strata-model-cache /mnt/strata-local-nvme/cache;");
        assertThat(at(pod, "volumes", "0", "hostPath", "path").toString()).isEqualTo(nodes.mountPath());
    }

    @Test
    void noWarmupUnlessAsked() {
        assertThat(plan(false, b -> b).ofType(K8S_DAEMON_SET)).extracting(PlannedResource::name).containsExactly("prod-local-volume-provisioner");
    }

    // --- levels, outputs ---

    @Test
    void theFourLevelsAreComponentsInOrderHoldingTheirResources() {
        Plan plan = plan(true, b -> b.redis(redis().build()));
        List<PlannedResource> levels = plan.ofType(CacheLevel.TYPE);
        assertThat(levels).extracting(PlannedResource::name)
                .containsExactly("prod-l1-redis", "prod-l2-local-nvme", "prod-l3-efs", "prod-l4-s3");
        assertThat(levels).extracting(l -> l.inputs().get("level")).containsExactly(1L, 2L, 3L, 4L);
        assertThat(named(plan, ELASTICACHE_REPLICATION_GROUP, "prod-redis").parent()).isEqualTo(levels.get(0).urn());
        assertThat(named(plan, K8S_DAEMON_SET, "prod-local-volume-provisioner").parent()).isEqualTo(levels.get(1).urn());
        assertThat(named(plan, K8S_STORAGE_CLASS, "prod-local-nvme").parent()).isEqualTo(levels.get(1).urn());
        assertThat(named(plan, K8S_PERSISTENT_VOLUME_CLAIM, "prod-shared-models").parent()).isEqualTo(levels.get(2).urn());
        assertThat(named(plan, "strata:datalake:SecureBucket", "prod-model-archive").parent()).isEqualTo(levels.get(3).urn());
    }

    @Test
    void noSecretValueAppearsInThePlan() {
        Plan plan = plan(true, b -> b.redis(redis().build()).objectLockDays(7).warmup(CacheWarmupArgs.builder()
                .image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("models/")).build()));
        String json = PlanJson.render(plan).toLowerCase();
        assertThat(json).doesNotContain("password\"", "\"passwords\"", "authtoken", "[secret]", "secretkey", "auth_token");
    }

    // --- bad arguments: nothing is registered ---

    private void rejects(UnaryOperator<InferenceStorageArgs.Builder> customize, String... fragments) {
        assertThatThrownBy(() -> plan(false, customize)).isInstanceOf(PlanFailedException.class)
                .hasMessageContainingAll(fragments);
        assertThat(mocks.resources()).noneMatch(r -> r.type.startsWith("strata:inference") || r.type.startsWith("aws:"));
    }

    @Test
    void rejectsAQuantityThatIsNotKubernetes() {
        rejects(b -> b.modelClaimSize("100Gb"), "modelClaimSize = \"100Gb\"", "Kubernetes quantity");

    }

    @Test
    void rejectsABasePathNotStartingWithSlash() {
        rejects(b -> b.modelBasePath("models"), "modelBasePath = \"models\"", "must start with /");
    }

    @Test
    void rejectsABadNodeLabelMountPathOrProvisionerImage() {
        rejects(b -> b.nvmeNodes(NvmeNodeArgs.builder().nodeLabel("inference").mountPath("/var/lib/kubelet/cache").build()),
                "nvmeNodes.nodeLabel = \"inference\": must be key=value",
                "nvmeNodes.mountPath = \"/var/lib/kubelet/cache\": must not be in /var/lib/kubelet");
        rejects(b -> b.localVolumeProvisionerImage("registry.k8s.io/sig-storage/local-volume-provisioner"),
                "localVolumeProvisionerImage = \"registry.k8s.io/sig-storage/local-volume-provisioner\": must be an image reference pinned");
    }

    @Test
    void rejectsAWarmupWithoutTheL2Nodes() {
        mocks = new RecordingMocks("us-east-1");
        assertThatThrownBy(() -> PlanRunner.run("prod", mocks, ctx -> new InferenceStorage("prod", InferenceStorageArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN)).network(network().build())
                .warmup(CacheWarmupArgs.builder().image("public.ecr.aws/aws-cli/aws-cli:2.17.0").prefixes(List.of("m/")).build()).build(),
                on(new Provider("prod-k8s", ProviderArgs.builder().build())))))
                .hasMessageContaining("warmup = \"(set)\" and nvmeNodes = (not set): the warm-up fills the L2 cache");
        assertThat(mocks.resources()).noneMatch(r -> r.type.startsWith("strata:inference"));
    }

    @Test
    void rejectsRedisWithoutNodeTypeOrWithFailoverAndNoReplica() {
        rejects(b -> b.redis(RedisCacheArgs.builder().build()), "redis.nodeType: is required");
        rejects(b -> b.redis(redis().replicas(0).multiAz(false).build()),
                "redis.automaticFailover = true and redis.replicas = 0");
    }

    @Test
    void rejectsObjectLockDaysThatAreNotPositive() {
        rejects(b -> b.objectLockDays(0), "objectLockDays = 0");
    }

    @Test
    void rejectsANetworkWithoutSubnetsOrClients() {
        rejects(b -> b.network(network().subnetIds(List.of()).build()), "network.subnetIds: must list at least one private subnet id");
        rejects(b -> b.network(NetworkArgs.builder().vpcId(Output.of(VPC_ID)).subnetIds(SUBNET_IDS).build()),
                "network.clientSecurityGroupId = (not set) and network.allowedCidrs = []");
        rejects(b -> b.network(null), "network: is required");
    }

    @Test
    void rejectsMissingProviderAndOpenNetworks() {
        mocks = new RecordingMocks("us-east-1");
        assertThatThrownBy(() -> PlanRunner.run("prod", mocks, ctx -> new InferenceStorage("prod", InferenceStorageArgs.builder()
                .kmsKeyArn(Output.of(KEY_ARN))
                .network(NetworkArgs.builder().vpcId(Output.of(VPC_ID)).subnetIds(SUBNET_IDS)
                        .allowedCidrs(List.of("0.0.0.0/0")).build()).build(), null)))
                .hasMessageContainingAll("providers: must hold the Kubernetes provider", "network.allowedCidrs[0] = \"0.0.0.0/0\"");
        assertThat(mocks.resources()).isEmpty();
    }
}

package dev.strata.cluster;

import dev.strata.config.ConfigNode;
import dev.strata.config.Environment;
import dev.strata.core.Problems;

import java.util.List;
import java.util.Optional;

/**
 * The EKS cluster of the stack ({@code strata:cluster}): created (EKS cluster, OIDC provider, managed nodes) or adopted by name,
 * and its add-ons.
 *
 * @param create               create the cluster ({@code create}); default true in dev and staging, false in prod
 * @param name                 the cluster's name ({@code name}); required to adopt, default {@code strata-<stack>} to create
 * @param version              Kubernetes version of a created cluster ({@code version}, default {@value EksCluster#DEFAULT_VERSION})
 * @param endpointPublicAccess serve the API publicly too ({@code endpointPublicAccess}); default false, never in prod
 * @param publicAccessCidrs    who may reach the public endpoint ({@code publicAccessCidrs}); required with a public endpoint
 * @param logRetentionDays     days the control-plane log group keeps its events ({@code logRetentionDays})
 * @param nodeGroup            the created cluster's default node group ({@code nodeGroup})
 * @param addons               the cluster's add-ons ({@code addons})
 * @param s3Volumes            the bucket prefixes mounted read-only through Mountpoint for Amazon S3 ({@code s3Volumes})
 */
public record ClusterSettings(boolean create, Optional<String> name, String version, boolean endpointPublicAccess,
                              List<String> publicAccessCidrs, int logRetentionDays, NodeGroup nodeGroup, Addons addons,
                              S3Volumes s3Volumes) {
    public ClusterSettings {
        publicAccessCidrs = List.copyOf(publicAccessCidrs);
    }

    /** The default node group of a created cluster. */
    public record NodeGroup(String instanceType, int desiredSize, int minSize, int maxSize, int rootVolumeGiB) {
        /** The node group a created cluster gets when {@code strata:cluster.nodeGroup} is not set. */
        public static NodeGroup defaults() {
            return new NodeGroup(EksCluster.DEFAULT_INSTANCE_TYPE, EksClusterArgs.DEFAULT_DESIRED_SIZE, EksClusterArgs.DEFAULT_MIN_SIZE,
                    EksClusterArgs.DEFAULT_MAX_SIZE, EksClusterArgs.DEFAULT_ROOT_VOLUME_GIB);
        }
    }

    /**
     * One add-on: whether Strata creates it or the cluster already runs it ({@code use}), the pinned
     * version of one Strata creates ({@code version}; empty: EKS's default), and for an existing CSI
     * driver the role it runs as ({@code roleName}).
     */
    public record Addon(EksAddons.Use use, Optional<String> version, Optional<String> roleName) {
        public boolean existing() {
            return use == EksAddons.Use.EXISTING;
        }
    }

    /**
     * The add-ons ({@code addons}): {@code podIdentityAgent}, {@code vpcCni} (created clusters only:
     * its version), {@code efsCsiDriver}, {@code fsxCsiDriver}, {@code s3CsiDriver} (installed only when a
     * volume of {@code s3Volumes} is mounted).
     */
    public record Addons(Addon podIdentityAgent, Optional<String> vpcCniVersion, Addon efsCsiDriver, Addon fsxCsiDriver,
                         Addon s3CsiDriver) {
    }

    /**
     * {@code s3Volumes}: the model archive's prefix for the model servers ({@code modelArchive}) and the training
     * bucket's datasets prefix for training jobs ({@code trainingDatasets}), each mounted read-only.
     */
    public record S3Volumes(S3VolumeSettings modelArchive, S3VolumeSettings trainingDatasets) {
        /** The default prefixes and claims of the two volumes. */
        public static final String MODEL_ARCHIVE_PREFIX = "models/";
        public static final String MODEL_ARCHIVE_CLAIM = "model-archive-s3";
        public static final String TRAINING_DATASETS_PREFIX = "datasets/";
        public static final String TRAINING_DATASETS_CLAIM = "training-datasets-s3";
    }

    /** Whether a stack of this environment creates its cluster unless told otherwise: dev and staging do, prod adopts. */
    public static boolean createsByDefault(Environment environment) {
        return environment != Environment.PROD;
    }

    /** Parses {@code strata:cluster} (an empty node when unset); every key is read, then the object is finished. */
    public static ClusterSettings parse(ConfigNode node, Environment environment, boolean networkSet) {
        Problems problems = node.problems();
        boolean create = node.bool("create", createsByDefault(environment));
        Optional<String> name = node.optionalString("name");
        String version = node.string("version", EksCluster.DEFAULT_VERSION);
        boolean publicAccess = node.bool("endpointPublicAccess", false);
        List<String> publicCidrs = node.stringList("publicAccessCidrs");
        // Read whole: the one rule is CloudWatch Logs' set of retention values (EksCluster.checkLogRetention, below).
        int logRetention = node.integer("logRetentionDays", EksCluster.DEFAULT_LOG_RETENTION_DAYS, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ConfigNode group = node.objectOrEmpty("nodeGroup");
        String instanceType = group.string("instanceType", EksCluster.DEFAULT_INSTANCE_TYPE);
        // Numbers are read whole, not bounded: their ranges are NodeGroupRules', reported once, below.
        int desired = group.integer("desiredSize", EksClusterArgs.DEFAULT_DESIRED_SIZE, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int min = group.integer("minSize", EksClusterArgs.DEFAULT_MIN_SIZE, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int max = group.integer("maxSize", EksClusterArgs.DEFAULT_MAX_SIZE, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int rootGiB = group.integer("rootVolumeGiB", EksClusterArgs.DEFAULT_ROOT_VOLUME_GIB, Integer.MIN_VALUE, Integer.MAX_VALUE);
        group.finish();
        ConfigNode addonsNode = node.objectOrEmpty("addons");
        Addons addons = addons(addonsNode, create);
        ConfigNode volumes = node.objectOrEmpty("s3Volumes");
        S3Volumes s3Volumes = new S3Volumes(
                S3VolumeSettings.parse(volumes.objectOrEmpty("modelArchive"), environment, S3Volumes.MODEL_ARCHIVE_PREFIX,
                        S3Volumes.MODEL_ARCHIVE_CLAIM, true),
                S3VolumeSettings.parse(volumes.objectOrEmpty("trainingDatasets"), environment, S3Volumes.TRAINING_DATASETS_PREFIX,
                        S3Volumes.TRAINING_DATASETS_CLAIM, false));
        volumes.finish();
        if (addonsNode.has("s3CsiDriver") && !s3Volumes.modelArchive().enabled() && !s3Volumes.trainingDatasets().enabled()) {
            problems.add(addonsNode.key("s3CsiDriver"), "(set)", volumes.key("<volume>.enabled"), false,
                    "the Mountpoint add-on is installed only for a mounted volume; turn one on or remove the setting");
        }
        node.finish();

        if (!create && name.isEmpty()) {
            problems.add(node.key("name"), null, node.key("create"), false,
                    "adopting an existing cluster needs its name (the EKS cluster's name in this account and region)");
        }
        name.filter(n -> !EksCluster.NAME.matcher(n).matches()).ifPresent(n -> problems.add(node.key("name"), n,
                "must be an EKS cluster name: 1 to 100 letters, digits, - or _, starting with a letter or digit"));
        if (create) {
            if (!networkSet) {
                problems.missing("strata:network", "is required by " + node.key("create") + " = true: the cluster goes "
                        + "into strata:network.vpcId and its privateSubnetIds");
            }
            if (!EksCluster.VERSION.matcher(version).matches()) {
                problems.add(node.key("version"), version, "must be a Kubernetes minor version such as " + EksCluster.DEFAULT_VERSION);
            }
            NodeGroupRules.checkSizes(group::key, desired, min, max, problems);
            NodeGroupRules.checkRootVolume(group.key("rootVolumeGiB"), rootGiB, problems);
            EksCluster.checkPublicEndpoint(node::key, publicAccess, publicCidrs, problems);
            if (node.has("logRetentionDays")) {
                EksCluster.checkLogRetention(node.key("logRetentionDays"), logRetention, problems);
            }
        } else {
            for (String key : new String[]{"version", "endpointPublicAccess", "publicAccessCidrs", "logRetentionDays"}) {
                if (node.has(key)) {
                    problems.add(node.key(key), "(set)", node.key("create"), false,
                            "applies only to a cluster Strata creates; an adopted cluster keeps its own");
                }
            }
            if (node.has("nodeGroup")) {
                problems.add(node.key("nodeGroup"), "(set)", node.key("create"), false,
                        "applies only to a cluster Strata creates; an adopted cluster keeps its own nodes");
            }
        }
        if (publicAccess && environment == Environment.PROD) {
            problems.add(node.key("endpointPublicAccess"), true, "strata:environment", "prod",
                    "a prod cluster's API endpoint is private only");
        }
        return new ClusterSettings(create, name, version, create && publicAccess, create ? publicCidrs : List.of(), logRetention,
                new NodeGroup(instanceType, desired, min, max, rootGiB), addons, s3Volumes);
    }

    /** {@code addons}: each add-on's choice, checked against whether the cluster is created. */
    private static Addons addons(ConfigNode node, boolean create) {
        Problems problems = node.problems();
        String createKey = "strata:cluster.create";

        ConfigNode agentNode = node.objectOrEmpty("podIdentityAgent");
        EksAddons.Use agentUse = use(agentNode);
        Optional<String> agentVersion = agentNode.optionalString("version");
        agentNode.finish();
        if (agentNode.has("use") || agentNode.has("version")) {
            EksCluster.checkPodIdentityAgent(agentNode::key, createKey, create, "use", agentUse, "version", agentVersion, problems);
        }

        ConfigNode cniNode = node.objectOrEmpty("vpcCni");
        Optional<String> cniVersion = cniNode.optionalString("version");
        cniNode.finish();
        if (!create && node.has("vpcCni")) {
            problems.add(node.key("vpcCni"), "(set)", createKey, false,
                    "applies only to a cluster Strata creates; an adopted cluster keeps its own VPC CNI");
        }
        cniVersion.filter(v -> create).ifPresent(v -> EksAddons.checkVersion(cniNode.key("version"), v, problems));

        Addon efs = csiDriver(node.objectOrEmpty("efsCsiDriver"), CsiDriver.Driver.EFS, create);
        Addon fsx = csiDriver(node.objectOrEmpty("fsxCsiDriver"), CsiDriver.Driver.FSX, create);
        Addon s3 = csiDriver(node.objectOrEmpty("s3CsiDriver"), CsiDriver.Driver.S3, create);
        node.finish();
        return new Addons(new Addon(agentUse, agentVersion, Optional.empty()), create ? cniVersion : Optional.empty(), efs, fsx, s3);
    }

    private static Addon csiDriver(ConfigNode node, CsiDriver.Driver driver, boolean create) {
        Problems problems = node.problems();
        EksAddons.Use use = use(node);
        Optional<String> version = node.optionalString("version");
        Optional<String> roleName = node.optionalString("roleName");
        node.finish();
        if (create && use == EksAddons.Use.EXISTING) {
            problems.add(node.key("use"), use.configValue(), "strata:cluster.create", true,
                    "a cluster Strata creates has no " + driver.addonName() + " add-on yet: Strata installs it (create)");
        }
        CsiDriver.checkUse(node::key, "use", use, "version", version, "roleName", roleName, problems);
        return new Addon(use, use == EksAddons.Use.EXISTING ? Optional.empty() : Optional.of(version.orElse(driver.defaultVersion())),
                roleName);
    }

    private static EksAddons.Use use(ConfigNode node) {
        return node.enumValue("use", EksAddons.Use.class, EksAddons.Use.CREATE, EksAddons.Use::configValue);
    }
}

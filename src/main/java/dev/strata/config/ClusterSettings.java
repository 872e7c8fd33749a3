package dev.strata.config;

import dev.strata.cluster.CsiDriver;
import dev.strata.cluster.EksCluster;
import dev.strata.core.Problems;

import java.util.Optional;

/**
 * The EKS cluster of the stack ({@code strata:cluster}): created (EKS cluster, OIDC provider, managed nodes) or adopted by name,
 * and the versions of its two CSI driver add-ons.
 *
 * @param create               create the cluster ({@code create}); default true in dev and staging, false in prod
 * @param name                 the cluster's name ({@code name}); required to adopt, default {@code strata-<stack>} to create
 * @param version              Kubernetes version of a created cluster ({@code version}, default {@value EksCluster#DEFAULT_VERSION})
 * @param endpointPublicAccess serve the API publicly too ({@code endpointPublicAccess}); default true in dev only, never in prod
 * @param nodeGroup            the created cluster's default node group ({@code nodeGroup})
 * @param efsAddonVersion      pinned version of the {@code aws-efs-csi-driver} add-on ({@code csiDrivers.efsVersion})
 * @param fsxAddonVersion      pinned version of the {@code aws-fsx-csi-driver} add-on ({@code csiDrivers.fsxVersion})
 */
public record ClusterSettings(boolean create, Optional<String> name, String version, boolean endpointPublicAccess,
                              NodeGroup nodeGroup, String efsAddonVersion, String fsxAddonVersion) {

    /** The default node group of a created cluster. */
    public record NodeGroup(String instanceType, int desiredSize, int minSize, int maxSize, int rootVolumeGiB) {
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
        boolean publicAccess = node.bool("endpointPublicAccess", environment == Environment.DEV);
        ConfigNode group = node.objectOrEmpty("nodeGroup");
        ConfigNode drivers = node.objectOrEmpty("csiDrivers");
        String instanceType = group.string("instanceType", EksCluster.DEFAULT_INSTANCE_TYPE);
        int desired = group.integer("desiredSize", 2, 0, 450);
        int min = group.integer("minSize", 1, 0, 450);
        int max = group.integer("maxSize", 4, 1, 450);
        int rootGiB = group.integer("rootVolumeGiB", 100, 20, 16_384);
        String efsVersion = drivers.string("efsVersion", CsiDriver.Driver.EFS.defaultVersion());
        String fsxVersion = drivers.string("fsxVersion", CsiDriver.Driver.FSX.defaultVersion());
        group.finish();
        drivers.finish();
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
            if (min > desired || desired > max) {
                problems.add(group.key("desiredSize"), desired, group.key("minSize") + "/" + group.key("maxSize"),
                        min + "/" + max, "need minSize <= desiredSize <= maxSize");
            }
        } else {
            for (String key : new String[]{"version", "endpointPublicAccess"}) {
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
        CsiDriver.checkVersion(drivers.key("efsVersion"), efsVersion, problems);
        CsiDriver.checkVersion(drivers.key("fsxVersion"), fsxVersion, problems);
        return new ClusterSettings(create, name, version, create && publicAccess,
                new NodeGroup(instanceType, desired, min, max, rootGiB), efsVersion, fsxVersion);
    }
}

package dev.strata.inference;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apps.v1.DaemonSet;
import com.pulumi.kubernetes.apps.v1.DaemonSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DaemonSetSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HostPathVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ObjectFieldSelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRole;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleArgs;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBinding;
import com.pulumi.kubernetes.rbac.v1.ClusterRoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes SIG Storage local static provisioner
 * (https://github.com/kubernetes-sigs/sig-storage-local-static-provisioner), declared as the project's
 * Helm chart renders it (helm/provisioner/templates: ConfigMap, DaemonSet, ServiceAccount, ClusterRole and
 * binding), on the L2 nodes only. One instance per node "monitors specified directories to look for new
 * local file-based volumes", creates a local PersistentVolume for each, pinned to its node by the node's
 * own {@code kubernetes.io/hostname} at run time, and when a volume is Released under reclaim policy
 * Delete "cleans up the volume, and recreate[s] the PV" (docs/provisioner.md): for a Filesystem volume it
 * deletes everything inside the mount point (pkg/deleter/deleter.go, pkg/util/volume_util_linux.go
 * {@code DeleteContents}). Without it a local PersistentVolume "requires manual cleanup and deletion by
 * the user" (https://kubernetes.io/docs/concepts/storage/volumes/#local).
 *
 * <p>Differences from the chart's defaults, each deliberate: the container is not privileged (the
 * chart's {@code privileged: false} is supported; privilege serves block devices, and the L2 volumes are
 * file systems), runs as root only for {@code DAC_OVERRIDE} and {@code FOWNER} (deleting the warm-up's
 * files), has a read-only root file system (it logs to stderr) and no {@code /dev} mount; the ClusterRole
 * omits {@code nodes: update}, which only the optional start-up taint remover uses.
 */
public final class LocalVolumeProvisioner {
    /** The pinned image: release v2.9.0, whose chart's appVersion it is (helm/provisioner/Chart.yaml). */
    public static final String DEFAULT_IMAGE = "registry.k8s.io/sig-storage/local-volume-provisioner:v2.9.0";
    static final String NAMESPACE = "kube-system";
    static final String NAME = "local-volume-provisioner";
    static final String CLUSTER_ROLE = "strata-local-volume-provisioner";
    /** Where the chart's DaemonSet mounts the ConfigMap (pkg/common/common.go {@code ProvisionerConfigPath}). */
    static final String CONFIG_PATH = "/etc/provisioner/config";
    /** The metrics and readiness port (cmd/local-volume-provisioner/main.go {@code -listen-address}). */
    static final int METRICS_PORT = 8080;
    /** The chart's example requests and a modest ceiling. */
    static final Map<String, String> REQUESTS = Map.of("cpu", "10m", "memory", "32Mi");
    static final Map<String, String> LIMITS = Map.of("cpu", "500m", "memory", "256Mi");
    /** Root without privileges but these: override file permissions and ownership checks to delete a released volume's files. */
    static final List<String> CAPABILITIES = List.of("DAC_OVERRIDE", "FOWNER");

    /**
     * The ClusterRole: the chart's rules (helm/provisioner/templates/rbac.yaml) less {@code nodes: update}.
     * PersistentVolumes to create, watch and delete; StorageClasses to read each class's reclaim policy;
     * events to report; its node to read (name, UID for owner references, hostname label).
     */
    static List<PolicyRuleArgs> rules() {
        return List.of(
                rule("", List.of("persistentvolumes"), List.of("get", "list", "watch", "create", "delete")),
                rule("storage.k8s.io", List.of("storageclasses"), List.of("get", "list", "watch")),
                rule("", List.of("events"), List.of("watch")),
                PolicyRuleArgs.builder().apiGroups("", "events.k8s.io").resources("events").verbs("create", "update", "patch").build(),
                rule("", List.of("nodes"), List.of("get")));
    }

    private static PolicyRuleArgs rule(String group, List<String> resources, List<String> verbs) {
        return PolicyRuleArgs.builder().apiGroups(group).resources(resources).verbs(verbs).build();
    }

    /**
     * The ConfigMap's data (docs/provisioner.md, "Configuration"): one class, discovered in the mount
     * point's parent directory and only under the mount point's name, as Filesystem volumes; PVs owned by
     * their Node, so that a replaced node's volumes go with it; Strata's labels on every PV.
     */
    static Map<String, String> config(String storageClass, NvmeNode nodes) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("storageClassMap", storageClass + ":\n"
                + "  hostDir: " + nodes.discoveryDir() + "\n"
                + "  mountDir: " + nodes.discoveryDir() + "\n"
                + "  volumeMode: Filesystem\n"
                + "  namePattern: \"" + nodes.mountName() + "\"\n");
        data.put("setPVOwnerRef", "true");
        data.put("labelsForPV", "app.kubernetes.io/part-of: strata\nstrata.dev/cache-level: l2\n");
        return data;
    }

    /** The L2 nodes' taint, tolerated by the provisioner and the warm-up. */
    static TolerationArgs toleration(NvmeNode nodes) {
        return TolerationArgs.builder().key(nodes.labelKey()).operator("Equal").value(nodes.labelValue()).effect("NoSchedule").build();
    }

    private LocalVolumeProvisioner() {
    }

    /** Declares the provisioner's objects under {@code parent}; the DaemonSet reads the class the ConfigMap names. */
    static DaemonSet declare(String name, NvmeNode nodes, String image, Output<String> storageClassName, Resource parent,
                             Provider k8s) {
        Map<String, String> selector = Map.of("app.kubernetes.io/name", NAME);
        Map<String, String> labels = new LinkedHashMap<>(selector);
        labels.put("app.kubernetes.io/part-of", "strata");
        labels.put("strata.dev/cache-level", "l2");
        CustomResourceOptions options = CustomResourceOptions.builder().parent(parent).provider(k8s).build();

        ServiceAccount account = new ServiceAccount(name + "-local-volume-provisioner", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAME).namespace(NAMESPACE).labels(labels).build())
                .build(), options);
        ClusterRole role = new ClusterRole(name + "-local-volume-provisioner", ClusterRoleArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(CLUSTER_ROLE).labels(labels).build())
                .rules(rules())
                .build(), options);
        new ClusterRoleBinding(name + "-local-volume-provisioner", ClusterRoleBindingArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(CLUSTER_ROLE).labels(labels).build())
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole")
                        .name(role.metadata().applyValue(meta -> meta.name().orElseThrow())).build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").namespace(NAMESPACE)
                        .name(account.metadata().applyValue(meta -> meta.name().orElseThrow())).build())
                .build(), options);
        ConfigMap config = new ConfigMap(name + "-local-volume-provisioner", ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAME + "-config").namespace(NAMESPACE).labels(labels).build())
                .data(storageClassName.applyValue(storageClass -> config(storageClass, nodes)))
                .build(), options);

        ContainerArgs provisioner = ContainerArgs.builder()
                .name("provisioner")
                .image(image)
                .env(fieldEnv("MY_NODE_NAME", "spec.nodeName"),
                        fieldEnv("MY_NAMESPACE", "metadata.namespace"),
                        EnvVarArgs.builder().name("JOB_CONTAINER_IMAGE").value(image).build())
                .ports(ContainerPortArgs.builder().name("metrics").containerPort(METRICS_PORT).build())
                .resources(ResourceRequirementsArgs.builder().requests(REQUESTS).limits(LIMITS).build())
                .securityContext(SecurityContextArgs.builder()
                        .privileged(false)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .runAsUser(0)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").add(CAPABILITIES).build())
                        .build())
                .volumeMounts(
                        VolumeMountArgs.builder().name("provisioner-config").mountPath(CONFIG_PATH).readOnly(true).build(),
                        // HostToContainer: mounts made on the node after the pod starts appear in the container.
                        VolumeMountArgs.builder().name("discovery").mountPath(nodes.discoveryDir())
                                .mountPropagation("HostToContainer").build())
                .build();
        return new DaemonSet(name + "-local-volume-provisioner", DaemonSetArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAME).namespace(NAMESPACE).labels(labels).build())
                .spec(DaemonSetSpecArgs.builder()
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                .spec(PodSpecArgs.builder()
                                        .serviceAccountName(account.metadata().applyValue(meta -> meta.name().orElseThrow()))
                                        .priorityClassName("system-node-critical")
                                        .nodeSelector(Map.of(nodes.labelKey(), nodes.labelValue(), "kubernetes.io/os", "linux"))
                                        .tolerations(toleration(nodes))
                                        .securityContext(PodSecurityContextArgs.builder()
                                                .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                                                .build())
                                        .containers(provisioner)
                                        .volumes(
                                                VolumeArgs.builder().name("provisioner-config").configMap(ConfigMapVolumeSourceArgs.builder()
                                                        .name(config.metadata().applyValue(meta -> meta.name().orElseThrow())).build()).build(),
                                                VolumeArgs.builder().name("discovery").hostPath(HostPathVolumeSourceArgs.builder()
                                                        .path(nodes.discoveryDir()).type("Directory").build()).build())
                                        .build())
                                .build())
                        .build())
                .build(), options);
    }

    private static EnvVarArgs fieldEnv(String name, String field) {
        return EnvVarArgs.builder().name(name)
                .valueFrom(EnvVarSourceArgs.builder().fieldRef(ObjectFieldSelectorArgs.builder().fieldPath(field).build()).build())
                .build();
    }
}

package dev.strata.plan;

import dev.strata.testing.StackPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every claim of the three stacks is created only after what binds it. pulumi-kubernetes 4.0.0 waits
 * a fixed five minutes for a PersistentVolumeClaim to be Bound (untilCoreV1PersistentVolumeClaimBound,
 * https://github.com/pulumi/pulumi-kubernetes/blob/v4.0.0/provider/pkg/await/awaiters.go), whatever
 * its timeouts say: a claim created before its volume (which waits for its file system) or before the
 * CSI driver that provisions it fails the deploy. A claim also waits for its namespace.
 */
class ClaimOrderTest {
    private static final String CLAIM = "kubernetes:core/v1:PersistentVolumeClaim";
    private static final String VOLUME = "kubernetes:core/v1:PersistentVolume";
    private static final String STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";
    private static final String ADDON = "aws:eks/addon:Addon";
    private static final String NAMESPACE = "kubernetes:core/v1:Namespace";

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void everyClaimWaitsForWhatBindsIt(String stack) {
        Plan plan = StackPlans.plan(stack);
        List<PlannedResource> claims = plan.ofType(CLAIM);
        assertThat(claims).isNotEmpty();
        for (PlannedResource claim : claims) {
            // Its namespace, which the stack creates: the claim takes its name from the Namespace's output.
            PlannedResource namespace = named(plan, NAMESPACE, (String) ((Map<?, ?>) claim.inputs().get("metadata")).get("namespace"));
            assertThat(plan.waitsFor(claim, namespace)).as(claim.urn() + " waits for " + namespace.urn()).isTrue();
            Map<?, ?> spec = (Map<?, ?>) claim.inputs().get("spec");
            if (spec.get("volumeName") != null && !"".equals(spec.get("volumeName"))) {
                // A static volume: the claim waits for it, and it for the file system its handle names.
                PlannedResource volume = named(plan, VOLUME, (String) spec.get("volumeName"));
                assertThat(plan.waitsFor(claim, volume)).as(claim.urn()).isTrue();
                String handle = (String) ((Map<?, ?>) ((Map<?, ?>) volume.inputs().get("spec")).get("csi")).get("volumeHandle");
                PlannedResource fileSystem = plan.resources().stream().filter(r -> handle.startsWith(String.valueOf(r.id())))
                        .filter(r -> r.type().startsWith("aws:fsx/") || r.type().startsWith("aws:efs/")).findFirst().orElseThrow();
                assertThat(plan.waitsFor(volume, fileSystem)).as(volume.urn()).isTrue();
            } else {
                // Dynamic provisioning: the claim waits for its class and, where Strata installs it, the class's CSI driver.
                PlannedResource storageClass = named(plan, STORAGE_CLASS, (String) spec.get("storageClassName"));
                assertThat(plan.waitsFor(claim, storageClass)).as(claim.urn()).isTrue();
                String driver = switch ((String) storageClass.inputs().get("provisioner")) {
                    case "efs.csi.aws.com" -> "aws-efs-csi-driver";
                    case "fsx.csi.aws.com" -> "aws-fsx-csi-driver";
                    default -> null;
                };
                plan.ofType(ADDON).stream().filter(addon -> addon.inputs().get("addonName").equals(driver)).forEach(addon ->
                        assertThat(plan.waitsFor(claim, addon)).as(claim.urn() + " waits for " + addon.urn()).isTrue());
                assertThat(driver == null || plan.ofType(ADDON).stream().anyMatch(a -> driver.equals(a.inputs().get("addonName"))))
                        .as("the stack installs " + driver).isTrue();
            }
        }
    }

    private static PlannedResource named(Plan plan, String type, String kubernetesName) {
        return plan.ofType(type).stream()
                .filter(r -> kubernetesName.equals(((Map<?, ?>) r.inputs().get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " named " + kubernetesName));
    }
}

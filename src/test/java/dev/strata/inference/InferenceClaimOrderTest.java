package dev.strata.inference;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import dev.strata.plan.Plan;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.PlannedResource;
import dev.strata.plan.SlowMocks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.strata.testing.ResourceTypes.EKS_ADDON;
import static dev.strata.testing.ResourceTypes.K8S_PERSISTENT_VOLUME_CLAIM;
import static dev.strata.testing.ResourceTypes.K8S_STORAGE_CLASS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model claim binds at once (Immediate binding) and the Kubernetes provider waits a fixed 5
 * minutes for it: it is created only once the EFS CSI driver's add-on is active and its StorageClass
 * exists (issue 13, item 1).
 */
class InferenceClaimOrderTest {
    @Test
    void modelClaimIsCreatedOnlyOnceTheEfsCsiDriverAndItsStorageClassAre() {
        SlowMocks mocks = new SlowMocks("us-east-1", Set.of(EKS_ADDON, K8S_STORAGE_CLASS));
        Plan plan = PlanRunner.run("prod", mocks, ctx -> {
            Provider provider = new Provider("prod-k8s", ProviderArgs.builder().build());
            Addon addon = new Addon("efs-csi", AddonArgs.builder().clusterName("strata-prod").addonName("aws-efs-csi-driver")
                    .addonVersion("v2.1.4-eksbuild.1").build());
            new InferenceStorage("prod", InferenceStorageTest.valid().efsCsiDriver(addon.addonVersion()).build(),
                    InferenceStorageTest.on(provider));
        });
        mocks.assertRegisteredAfter("prod-shared-models", "efs-csi");
        mocks.assertRegisteredAfter("prod-shared-models", "prod-efs-models");
        PlannedResource claim = plan.ofType(K8S_PERSISTENT_VOLUME_CLAIM).stream()
                .filter(r -> r.name().equals("prod-shared-models")).findFirst().orElseThrow();
        Map<String, Object> metadata = InferenceStorageTest.at(claim.inputs(), "metadata");
        assertThat(metadata).containsEntry("annotations", Map.of("strata.dev/efs-csi-driver", "v2.1.4-eksbuild.1"));
    }
}

package dev.strata.training;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import dev.strata.provider.RequiredOutputs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The outputs the schema marks required are set with every tier off; the tiers' own outputs are then unset. */
class TrainingOutputsTest {
    @Test
    void requiredOutputsAreSetWithEveryTierOff() {
        Map<String, Object> outputs = PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> {
            Provider k8s = new Provider("t-k8s", ProviderArgs.builder().build());
            RequiredOutputs.export(ctx, new TrainingStorage("t", TrainingStorageTest.base().build(),
                    ComponentResourceOptions.builder().providers(k8s).build()));
        }).outputs();
        RequiredOutputs.check(TrainingStorage.class, outputs, List.of("hotFileSystemId", "hotDnsName", "hotMountName", "hotClaimName",
                "scratchStorageClassName", "warmFileSystemId", "warmDnsName", "warmClaimName"));
    }
}

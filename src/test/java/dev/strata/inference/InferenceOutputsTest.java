package dev.strata.inference;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import dev.strata.provider.RequiredOutputs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The outputs the schema marks required are set without the optional levels; the Redis level's are then unset. */
class InferenceOutputsTest {
    @Test
    void requiredOutputsAreSetWithoutTheRedisLevel() {
        Map<String, Object> outputs = PlanRunner.run("prod", new RecordingMocks("us-east-1"), ctx -> {
            Provider provider = new Provider("prod-k8s", ProviderArgs.builder().build());
            RequiredOutputs.export(ctx, new InferenceStorage("prod", InferenceStorageTest.valid().build(), InferenceStorageTest.on(provider)));
        }).outputs();
        RequiredOutputs.check(InferenceStorage.class, outputs,
                List.of("redisEndpoint", "redisReaderEndpoint", "redisUserName", "redisArn", "redisUserArn"));
    }
}

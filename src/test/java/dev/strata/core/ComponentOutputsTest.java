package dev.strata.core;

import com.pulumi.core.Output;
import dev.strata.plan.PlanRunner;
import dev.strata.plan.RecordingMocks;
import dev.strata.security.EncryptionKey;
import dev.strata.security.EncryptionKeyArgs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What a component registers as its outputs: its @Export fields, by their names, and nothing else. */
class ComponentOutputsTest {

    @Test
    void aComponentRegistersEachExportedFieldByItsName() {
        AtomicReference<Map<String, Output<?>>> outputs = new AtomicReference<>();
        AtomicReference<EncryptionKey> key = new AtomicReference<>();
        PlanRunner.run("dev", new RecordingMocks("us-east-1"), ctx -> {
            key.set(new EncryptionKey("lake", EncryptionKeyArgs.builder().purpose("lake").services(List.of("s3")).build()));
            outputs.set(ComponentOutputs.of(key.get()));
        });
        assertThat(outputs.get()).containsOnlyKeys("keyArn", "keyId", "aliasName");
        assertThat(outputs.get().get("keyArn")).isSameAs(key.get().keyArn);
        assertThat(outputs.get().get("keyId")).isSameAs(key.get().keyId);
        assertThat(outputs.get().get("aliasName")).isSameAs(key.get().aliasName);
    }
}

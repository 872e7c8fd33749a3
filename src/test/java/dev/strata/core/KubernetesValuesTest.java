package dev.strata.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesValuesTest {
    @ParameterizedTest
    @ValueSource(strings = {"100Gi", "1Ti", "500G", "1.5Ti", "1024", "1e3", "0.5Gi", "2Pi", "100M", "750k"})
    void acceptsKubernetesQuantities(String quantity) {
        assertThat(KubernetesValues.isPositiveQuantity(quantity)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"100Gb", "1TB", "100 Gi", "Gi", "-1Gi", "0", "0Gi", "", "1.2.3Gi", "100gi", "1KiB"})
    void rejectsWhatKubernetesWouldNot(String quantity) {
        assertThat(KubernetesValues.isPositiveQuantity(quantity)).isFalse();
    }
}

package dev.strata.datalake;

import dev.strata.core.InvalidConfigException;
import dev.strata.core.Problems;
import dev.strata.stack.SettingsParser;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** strata:dataLake's numbers: their defaults and rules are the Args', reported once under the stack file's keys. */
class DataLakeSettingsTest {

    private static DataLakeSettings parse(Map<String, Object> dataLake) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("environment", "dev");
        config.put("dataLake", dataLake);
        return SettingsParser.parse(config).dataLake();
    }

    @Test
    void theDefaultsAreTheArgs() {
        DataLakeSettings settings = parse(Map.of());
        DataLakeArgs defaults = DataLakeArgs.builder().build();
        assertThat(settings.accessLogExpirationDays()).isEqualTo(defaults.accessLogExpirationDays()).isEqualTo(365);
        assertThat(settings.abortIncompleteMultipartUploadDays()).isEqualTo(defaults.abortIncompleteMultipartUploadDays())
                .isEqualTo(SecureBucketArgs.builder().build().abortIncompleteMultipartUploadDays()).isEqualTo(7);
    }

    @Test
    void eachNumberIsCheckedOnceUnderItsKey() {
        assertThatThrownBy(() -> parse(Map.of("accessLogExpirationDays", 0, "abortIncompleteMultipartUploadDays", 0)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "strata:dataLake.accessLogExpirationDays = 0: must be 1 or more",
                        "strata:dataLake.abortIncompleteMultipartUploadDays = 0: must be 1 or more"));
        // S3 sets no upper bound on either number of days.
        assertThat(parse(Map.of("abortIncompleteMultipartUploadDays", 400)).abortIncompleteMultipartUploadDays()).isEqualTo(400);
    }

    @Test
    void theComponentChecksTheSameRulesUnderItsOwnKeys() {
        Problems problems = new Problems();
        DataLakeArgs.builder().accessLogExpirationDays(-1).abortIncompleteMultipartUploadDays(0).build().validate(key -> key, problems);
        assertThat(problems.messages()).containsExactly(
                "accessLogExpirationDays = -1: must be 1 or more",
                "abortIncompleteMultipartUploadDays = 0: must be 1 or more");
    }
}

package dev.strata.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pulumi's stack-name rule, and the name base every AWS and Kubernetes name derives from (table-driven). */
class StackNamesTest {
    // The rules StackNames cites, each as the service states it.
    private static final Pattern S3_BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IAM_ROLE = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern KMS_ALIAS = Pattern.compile("alias/[a-zA-Z0-9/_-]{1,250}");
    private static final Pattern EKS_CLUSTER = Pattern.compile("[0-9A-Za-z][A-Za-z0-9_-]{0,99}");
    private static final Pattern ELASTICACHE_ID = Pattern.compile("[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,39}(?<!-)");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod", "dev.eu", "Dev", "team_a", "a", "1", "_", ".", "my-stack", "s-92", "foo_bar_123"})
    void validStackNames(String stack) {
        assertThat(StackNames.problem(stack)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "my stack | invalid character U+0020 at position 2",
            "team/dev | invalid character '/' at position 4",
            "dév      | invalid character 'é' at position 1",
            "a::b     | invalid character ':' at position 1",
            "!my      | invalid character '!' at position 0"})
    void invalidStackNamesNameTheCharacter(String stack, String problem) {
        assertThat(StackNames.problem(stack)).hasValueSatisfying(p -> assertThat(p)
                .startsWith("a stack name may only contain alphanumeric, hyphens, underscores, or periods").endsWith(problem));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, 300})
    void emptyAndLongNamesAreRefused(int length) {
        assertThat(StackNames.problem("a".repeat(length))).isPresent();
        assertThat(StackNames.problem("a".repeat(100))).isEmpty();
    }

    /** Names already deployed keep their names: the base of a fitting name is the name. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod", "feature-x", "qa2", "a-b-c"})
    void fittingNamesAreTheirOwnBase(String stack) {
        assertThat(StackNames.base(stack)).isEqualTo(stack);
    }

    @ParameterizedTest
    @CsvSource({
            "dev.eu, dev-eu-",
            "dev-eu., dev-eu-",
            "Dev, dev-",
            "PROD, prod-",
            "team_a, team-a-",
            "1, s-",
            "_, s-",
            "9lives, lives-",
            "a--b, a-b-",
            "staging-eu-west-1-blue, staging-",
    })
    void otherNamesAreMadeToFitAndHashed(String stack, String prefix) {
        String base = StackNames.base(stack);
        assertThat(base).startsWith(prefix).matches(".*-[0-9a-f]{6}").hasSizeLessThanOrEqualTo(StackNames.MAX_BASE);
    }

    @ParameterizedTest
    @CsvSource({"dev.eu, dev-eu", "Dev, dev", "prod, Prod", "team_a, team-a"})
    void twoStackNamesNeverShareABase(String one, String other) {
        assertThat(StackNames.base(one)).isNotEqualTo(StackNames.base(other));
    }

    static Stream<String> stacks() {
        return Stream.of("dev", "staging", "prod", "dev.eu", "Dev", "team_a", "1", "_", ".", "a".repeat(100),
                "Z".repeat(100), "a-.-b", "x.y.z.w", "..", "-", "0-0");
    }

    /** Every name Strata builds from the base fits its service's rule, for any valid stack name. */
    @ParameterizedTest
    @MethodSource("stacks")
    void everyDerivedNameFitsItsService(String stack) {
        String base = StackNames.base(stack);
        String longestWorkload = "w".repeat(40);
        assertThat("strata-" + base + "-access-logs-" + "a1b2c3d").matches(S3_BUCKET);
        assertThat(base + "-" + longestWorkload + "-" + "abcdef0").matches(IAM_ROLE);
        assertThat(base + "-efs-csi-abcdef0").matches(IAM_ROLE);
        assertThat("alias/strata-" + base + "-inference").matches(KMS_ALIAS);
        assertThat("strata-" + base).matches(EKS_CLUSTER);
        for (String id : List.of("-model-cache", "-default-off", "-inference")) {
            assertThat("strata-" + base + id).matches(ELASTICACHE_ID);
        }
        assertThat(base + "-training-hot").matches(DNS_1123_LABEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my stack", "", "team/dev"})
    void anInvalidStackNameHasNoBase(String stack) {
        assertThatThrownBy(() -> StackNames.base(stack)).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.strata.datalake;

import dev.strata.core.Problems;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.strata.datalake.StorageClass.DEEP_ARCHIVE;
import static dev.strata.datalake.StorageClass.GLACIER;
import static dev.strata.datalake.StorageClass.GLACIER_IR;
import static dev.strata.datalake.StorageClass.INTELLIGENT_TIERING;
import static dev.strata.datalake.StorageClass.ONEZONE_IA;
import static dev.strata.datalake.StorageClass.STANDARD_IA;
import static org.assertj.core.api.Assertions.assertThat;

/** A valid and an invalid case for every S3 lifecycle rule Strata enforces. */
class LifecycleRulesTest {

    private static List<String> check(LifecycleRule rule) {
        Problems problems = new Problems();
        LifecycleRules.validate(List.of(rule), "rules", problems);
        return problems.messages();
    }

    private static LifecycleRule transitions(Integer expiration, Transition... transitions) {
        return LifecycleRule.forPrefix("r", null, List.of(transitions), expiration, List.of(), null);
    }

    private static LifecycleRule noncurrent(Integer expiration, Transition... transitions) {
        return LifecycleRule.forPrefix("r", null, List.of(), null, List.of(transitions), expiration);
    }

    @Test
    void thePlaybookDefaultsAreValid() {
        Problems problems = new Problems();
        Zones.validate(Zones.DEFAULTS, "zones", problems);
        assertThat(problems.messages()).isEmpty();
        // The playbook's training-data rule: IA at 30, Glacier at 90, Deep Archive at 365.
        assertThat(check(transitions(null, new Transition(30, STANDARD_IA), new Transition(90, GLACIER),
                new Transition(365, DEEP_ARCHIVE)))).isEmpty();
    }

    @Test
    void infrequentAccessNeeds30Days() {
        assertThat(check(transitions(null, new Transition(30, ONEZONE_IA)))).isEmpty();
        assertThat(check(transitions(null, new Transition(29, ONEZONE_IA))))
                .containsExactly("rules[0].transitions[0].days = 29: ONEZONE_IA needs at least 30 days (S3 does not move younger objects to an IA class)");
        assertThat(check(noncurrent(null, new Transition(7, STANDARD_IA))))
                .containsExactly("rules[0].noncurrentTransitions[0].days = 7: STANDARD_IA needs at least 30 days (S3 does not move younger objects to an IA class)");
        assertThat(check(transitions(null, new Transition(0, GLACIER)))).isEmpty();
    }

    @Test
    void transitionsMoveToColderClassesInOrder() {
        assertThat(check(transitions(null, new Transition(30, INTELLIGENT_TIERING), new Transition(90, GLACIER_IR)))).isEmpty();
        assertThat(check(transitions(null, new Transition(30, GLACIER), new Transition(90, STANDARD_IA))))
                .containsExactly("rules[0].transitions[1].storageClass = \"STANDARD_IA\" and rules[0].transitions[0].storageClass = \"GLACIER\": "
                        + "S3 cannot transition from GLACIER to STANDARD_IA; transitions must move to colder classes in the order "
                        + "STANDARD_IA, INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE");
    }

    @Test
    void oneZoneInfrequentAccessCannotMoveToGlacierInstantRetrieval() {
        assertThat(check(transitions(null, new Transition(30, ONEZONE_IA), new Transition(60, GLACIER)))).isEmpty();
        assertThat(check(transitions(null, new Transition(30, ONEZONE_IA), new Transition(60, GLACIER_IR))))
                .singleElement().asString().contains("S3 cannot transition from ONEZONE_IA to GLACIER_IR");
    }

    @Test
    void objectsStay30DaysInInfrequentAccessBeforeTheNextTransition() {
        assertThat(check(transitions(null, new Transition(30, STANDARD_IA), new Transition(60, GLACIER)))).isEmpty();
        assertThat(check(transitions(null, new Transition(30, STANDARD_IA), new Transition(45, GLACIER))))
                .containsExactly("rules[0].transitions[1].days = 45 and rules[0].transitions[0].days = 30: "
                        + "objects must stay at least 30 days in STANDARD_IA before the next transition");
    }

    @Test
    void transitionDaysIncrease() {
        assertThat(check(transitions(null, new Transition(10, GLACIER_IR), new Transition(11, DEEP_ARCHIVE)))).isEmpty();
        assertThat(check(transitions(null, new Transition(10, GLACIER_IR), new Transition(10, DEEP_ARCHIVE))))
                .containsExactly("rules[0].transitions[1].days = 10 and rules[0].transitions[0].days = 10: "
                        + "transition days must increase from one transition to the next");
    }

    @Test
    void expirationComesAfterTheLastTransition() {
        assertThat(check(transitions(91, new Transition(90, GLACIER)))).isEmpty();
        assertThat(check(transitions(90, new Transition(90, GLACIER))))
                .containsExactly("rules[0].expirationDays = 90 and rules[0].transitions[0].days = 90: expiration must come after the last transition");
        assertThat(check(noncurrent(60, new Transition(90, GLACIER))))
                .containsExactly("rules[0].noncurrentExpirationDays = 60 and rules[0].noncurrentTransitions[0].days = 90: expiration must come after the last transition");
    }

    @Test
    void aRuleNeedsAnActionAndAnId() {
        assertThat(check(LifecycleRule.forPrefix("empty", "x/", List.of(), null, List.of(), null)))
                .containsExactly("rules[0]: a lifecycle rule needs at least one action: transitions, expirationDays, noncurrentTransitions or noncurrentExpirationDays");
        assertThat(check(LifecycleRule.forPrefix("", null, List.of(), 5, List.of(), null)))
                .containsExactly("rules[0].id = \"\": must be 1 to 255 characters");
    }

    @Test
    void ruleIdsAreUniqueWithinABucket() {
        Problems problems = new Problems();
        LifecycleRule rule = transitions(30);
        LifecycleRules.validate(List.of(rule, rule), "rules", problems);
        assertThat(problems.messages()).containsExactly("rules[1].id = \"r\": must be unique within the bucket's lifecycle rules");
    }

    @Test
    void objectSizeRangeMustBeOrdered() {
        LifecycleRule ok = new LifecycleRule("sized", Optional.empty(), Optional.of(128 * 1024), Optional.of(1024 * 1024),
                List.of(), Optional.of(30), List.of(), Optional.empty());
        LifecycleRule bad = new LifecycleRule("sized", Optional.empty(), Optional.of(1024), Optional.of(1024),
                List.of(), Optional.of(30), List.of(), Optional.empty());
        assertThat(check(ok)).isEmpty();
        assertThat(check(bad)).containsExactly("rules[0].objectSizeGreaterThan = 1024 and rules[0].objectSizeLessThan = 1024: "
                + "objectSizeGreaterThan must be less than objectSizeLessThan");
    }
}

package dev.strata.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextWrapTest {
    @Test
    void wrapsAtSpacesSplitsOnlyAWordLongerThanTheLineAndKeepsEveryCharacter() {
        record Case(String text, int width, List<String> lines) {
        }
        for (Case c : List.of(
                new Case("", 10, List.of("")),
                new Case("fits", 4, List.of("fits")),
                new Case("a=1, b=2, c=3", 9, List.of("a=1, b=2,", "c=3")),
                new Case("one two three", 7, List.of("one two", "three")),
                new Case("arn:aws:iam::123456789012:role/x", 10, List.of("arn:aws:ia", "m::1234567", "89012:role", "/x")))) {
            assertThat(TextWrap.lines(c.text(), c.width())).as("%s", c).isEqualTo(c.lines())
                    .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(c.width()));
        }
        assertThatThrownBy(() -> TextWrap.lines("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHangingBlockStartsWithItsLeadAndIndentsTheRestWithinTheWidth() {
        String block = TextWrap.hanging("  key = ", "alpha beta gamma delta", 4, 20);
        assertThat(block).isEqualTo("  key = alpha beta\n    gamma delta\n");
        assertThat(block.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(20));
    }
}

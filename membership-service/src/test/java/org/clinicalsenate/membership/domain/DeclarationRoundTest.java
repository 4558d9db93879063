package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.domain.DeclarationTest.assertRule;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DeclarationRoundTest {

    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void aRoundIsDueInItsYearOrTheNext() {
        assertThat(DeclarationRound.open("south-east", 2026, LocalDate.parse("2026-12-31"), "admin", NOW).dueDate)
                .isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(DeclarationRound.open("south-east", 2026, LocalDate.parse("2027-03-31"), "admin", NOW).year)
                .isEqualTo(2026);
        assertRule(() -> DeclarationRound.open("south-east", 2026, LocalDate.parse("2025-12-31"), "admin", NOW), "dueDate");
        assertRule(() -> DeclarationRound.open("south-east", 2026, LocalDate.parse("2028-01-01"), "admin", NOW), "dueDate");
    }

    @Test
    void whoMustMakeAReturnIsDecidedOnTheDueDateOrTodayIfEarlier() {
        DeclarationRound round = DeclarationRound.open("south-east", 2026, LocalDate.parse("2026-12-31"), "admin", NOW);
        assertThat(round.membershipDay(LocalDate.parse("2026-11-15"))).isEqualTo(LocalDate.parse("2026-11-15"));
        assertThat(round.membershipDay(LocalDate.parse("2027-02-01"))).isEqualTo(LocalDate.parse("2026-12-31"));
    }
}

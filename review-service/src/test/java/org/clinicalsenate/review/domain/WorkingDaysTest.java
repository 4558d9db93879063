package org.clinicalsenate.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private final WorkingDays england = new WorkingDays(List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 1)));

    @Test
    void weekendsAndBankHolidaysAreNotCounted() {
        // Thursday 17 December: 18, 21, 22, 23, 24, 29, 30, 31 December, 4 and 5 January
        assertThat(england.after(LocalDate.of(2026, 12, 17), 10)).isEqualTo(LocalDate.of(2027, 1, 5));
        // a Friday plus one working day is the Monday
        assertThat(england.after(LocalDate.of(2026, 12, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
        // counted from a weekend day, the next working days
        assertThat(england.after(LocalDate.of(2026, 12, 5), 1)).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(england.after(LocalDate.of(2026, 12, 17), 0)).isEqualTo(LocalDate.of(2026, 12, 17));
    }

    @Test
    void aBankHolidayOnAWeekdayIsNotAWorkingDay() {
        assertThat(england.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();
        assertThat(england.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
        assertThat(england.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
    }
}

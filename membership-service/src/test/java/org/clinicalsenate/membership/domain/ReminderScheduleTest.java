package org.clinicalsenate.membership.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.clinicalsenate.membership.domain.ReminderSchedule.Reminder;
import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    private static final LocalDate DUE = LocalDate.parse("2026-12-31");
    private static final ReminderSchedule SCHEDULE = new ReminderSchedule(List.of(14, 7, 1), List.of(1, 7, 14));

    private static Optional<Reminder> on(String day) {
        return SCHEDULE.owedOn(DUE, LocalDate.parse(day));
    }

    @Test
    void beforeTheDueDateTheSmallestOffsetReachedIsOwed() {
        assertThat(on("2026-12-16")).as("15 days before").isEmpty();
        assertThat(on("2026-12-17")).contains(new Reminder(ReminderKind.DUE_SOON, 14));
        assertThat(on("2026-12-23")).contains(new Reminder(ReminderKind.DUE_SOON, 14));
        assertThat(on("2026-12-24")).contains(new Reminder(ReminderKind.DUE_SOON, 7));
        assertThat(on("2026-12-30")).contains(new Reminder(ReminderKind.DUE_SOON, 1));
        assertThat(on("2026-12-31")).as("on the due date").contains(new Reminder(ReminderKind.DUE_SOON, 1));
    }

    @Test
    void afterTheDueDateTheLargestOffsetReachedIsOwed() {
        assertThat(on("2027-01-01")).contains(new Reminder(ReminderKind.OVERDUE, 1));
        assertThat(on("2027-01-07")).contains(new Reminder(ReminderKind.OVERDUE, 7));
        assertThat(on("2027-01-14")).contains(new Reminder(ReminderKind.OVERDUE, 14));
        assertThat(on("2027-06-30")).contains(new Reminder(ReminderKind.OVERDUE, 14));
    }

    @Test
    void aJobThatMissedDaysOwesOnlyTheLatestReminder() {
        assertThat(on("2026-12-28")).as("3 days before: the 7-day reminder, not the 14-day one")
                .contains(new Reminder(ReminderKind.DUE_SOON, 7));
        assertThat(new ReminderSchedule(List.of(), List.of(3)).owedOn(DUE, LocalDate.parse("2027-01-02"))).isEmpty();
    }
}

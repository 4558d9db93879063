package org.clinicalsenate.membership.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When members still outstanding in a round are reminded: a number of days before the due date
 * (due soon) and after it (overdue). On a given day only the latest reminder that has fallen due
 * is owed, so a job that did not run for a while sends one reminder, not a backlog.
 *
 * @param dueSoonDays days before the due date, e.g. 14, 7, 1
 * @param overdueDays days after the due date, e.g. 1, 7, 14
 */
public record ReminderSchedule(List<Integer> dueSoonDays, List<Integer> overdueDays) {

    /** One reminder: its kind and its offset in days from the due date. */
    public record Reminder(ReminderKind kind, int offsetDays) {
    }

    public ReminderSchedule {
        dueSoonDays = List.copyOf(dueSoonDays);
        overdueDays = List.copyOf(overdueDays);
    }

    /**
     * The reminder owed on {@code today}: up to the due date, the smallest due-soon offset already
     * reached; after it, the largest overdue offset already reached; none before the first
     * offset or between the due date and the first overdue offset.
     */
    public Optional<Reminder> owedOn(LocalDate dueDate, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, dueDate);
        if (daysLeft >= 0) {
            return dueSoonDays.stream().filter(d -> d >= daysLeft).min(Integer::compare)
                    .map(d -> new Reminder(ReminderKind.DUE_SOON, d));
        }
        long daysLate = -daysLeft;
        return overdueDays.stream().filter(d -> d <= daysLate).max(Integer::compare)
                .map(d -> new Reminder(ReminderKind.OVERDUE, d));
    }
}

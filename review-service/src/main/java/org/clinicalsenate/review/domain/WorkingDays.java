package org.clinicalsenate.review.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * England's working days: not Saturday, Sunday or an England and Wales bank holiday (the list is
 * configuration, {@code senate.review.bank-holidays}, since the government announces them yearly).
 */
public record WorkingDays(Set<LocalDate> bankHolidays) {

    public WorkingDays(Collection<LocalDate> bankHolidays) {
        this(Set.copyOf(bankHolidays));
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day);
    }

    /** The day {@code days} working days after {@code from} (from itself when {@code days} is 0). */
    public LocalDate after(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}

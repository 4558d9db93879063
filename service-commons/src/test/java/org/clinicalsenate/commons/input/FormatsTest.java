package org.clinicalsenate.commons.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void aDateIsExactlyAnExistingYearMonthDay() {
        assertThat(Formats.date("2026-02-28")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Formats.date("2026-02-30")).isNull();
        assertThat(Formats.date("2026-2-28")).isNull();
        assertThat(Formats.date("20260228")).isNull();
        assertThat(Formats.date("+2026-02-28")).isNull();
        assertThat(Formats.date("2026-02-28T00:00:00Z")).isNull();
        assertThat(Formats.date("0")).isNull();
    }

    @Test
    void aDateTimeHasSecondsAndAnOffset() {
        assertThat(Formats.dateTime("2026-11-23T10:15:30Z")).isEqualTo(OffsetDateTime.parse("2026-11-23T10:15:30Z"));
        assertThat(Formats.dateTime("2026-11-23T10:15:30.123+01:00")).isNotNull();
        assertThat(Formats.dateTime("2026-11-23T10:15Z")).isNull();
        assertThat(Formats.dateTime("2026-11-23T10:15:30")).isNull();
        assertThat(Formats.dateTime("2026-11-23")).isNull();
        assertThat(Formats.dateTime("1700000000")).isNull();
        assertThat(Formats.dateTime("2026-11-23T25:00:00Z")).isNull();
    }

    @Test
    void numbersBooleansAndIdsHaveOneSpellingEach() {
        assertThat(Formats.integer("20")).isEqualTo(20L);
        assertThat(Formats.integer("-3")).isEqualTo(-3L);
        assertThat(Formats.integer("+5")).isNull();
        assertThat(Formats.integer("1.5")).isNull();
        assertThat(Formats.integer("\u0663")).isNull(); // an Arabic-Indic digit three
        assertThat(Formats.integer("99999999999999999999")).isNull();
        assertThat(Formats.bool("true")).isTrue();
        assertThat(Formats.bool("TRUE")).isNull();
        assertThat(Formats.bool("1")).isNull();
        assertThat(Formats.uuid("3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60")).isNotNull();
        assertThat(Formats.uuid("1-1-1-1-1")).isNull();
        assertThat(Formats.uuid("3f2a8f0e8d1c4b5e9f0a2b1c3d4e5f60")).isNull();
    }
}

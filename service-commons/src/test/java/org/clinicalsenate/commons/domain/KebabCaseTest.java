package org.clinicalsenate.commons.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KebabCaseTest {

    enum Outcome implements KebabCase {
        ENDED, NOT_RENEWED;

        static class Db extends KebabCase.ColumnConverter<Outcome> {
            Db() {
                super(Outcome.class);
            }
        }
    }

    @Test
    void valuesAreTheConstantNamesInKebabCaseAndRoundTripThroughTheColumn() {
        assertThat(Outcome.NOT_RENEWED.value()).isEqualTo("not-renewed");
        assertThat(KebabCase.fromValue(Outcome.class, "ended")).isEqualTo(Outcome.ENDED);
        Outcome.Db converter = new Outcome.Db();
        for (Outcome outcome : Outcome.values()) {
            assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(outcome))).isEqualTo(outcome);
        }
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void anUnknownValueIsRefusedNamingTheEnum() {
        assertThatThrownBy(() -> KebabCase.fromValue(Outcome.class, "NOT_RENEWED"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Outcome");
    }
}

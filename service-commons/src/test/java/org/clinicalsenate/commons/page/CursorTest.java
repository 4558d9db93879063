package org.clinicalsenate.commons.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTripsTheKeyOfTheLastItem() {
        String cursor = Cursor.encode("2026-11-23T10:15:30Z", "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60");
        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(Cursor.decode(cursor, 2)).containsExactly("2026-11-23T10:15:30Z", "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.decode(null, 1)).isEmpty();
        assertThat(Cursor.decode("", 1)).isEmpty();
    }

    @Test
    void aForeignOrTamperedCursorIsABadRequest() {
        for (String bad : List.of("not base64!", Cursor.encode("only-one-part"))) {
            assertThatThrownBy(() -> Cursor.decode(bad, 2))
                    .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.type()).isEqualTo(ProblemType.INVALID_CURSOR));
        }
        assertThatThrownBy(() -> Cursor.asLong("abc")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.asUuid("abc")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.asDate("2026-13-01")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Cursor.asInstant("2026-11-23")).isInstanceOf(ProblemException.class);
    }

    @Test
    void typedKeyPartsReadBack() {
        assertThat(Cursor.asUuid("3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60").toString())
                .isEqualTo("3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60");
        assertThat(Cursor.asDate("2026-04-01")).isEqualTo(java.time.LocalDate.of(2026, 4, 1));
        assertThat(Cursor.asInstant("2026-11-23T10:15:30.123456Z"))
                .isEqualTo(java.time.Instant.parse("2026-11-23T10:15:30.123456Z"));
    }
}

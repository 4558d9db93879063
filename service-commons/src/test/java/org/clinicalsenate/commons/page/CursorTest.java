package org.clinicalsenate.commons.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static final String LIST = "advice-requests?senate=south-east";

    @Test
    void roundTripsTheKeyOfTheLastItem() {
        String cursor = Cursor.encode(LIST, List.of("2026-11-23T10:15:30Z", "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60"));
        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(Cursor.decode(cursor, LIST, 2)).containsExactly("2026-11-23T10:15:30Z",
                "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.decode(null, LIST, 1)).isEmpty();
        assertThat(Cursor.decode("", LIST, 1)).isEmpty();
    }

    @Test
    void aChangedForgedOrForeignCursorIsABadRequestNeverAWrongPage() {
        String cursor = Cursor.encode(LIST, List.of("2026-11-23T10:15:30Z", "3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60"));
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String signature = cursor.substring(cursor.indexOf('.'));
        String otherPayload = Cursor.encode("anything", List.of("2025-01-01T00:00:00Z", "x"));
        for (String bad : List.of("not base64!", payload, payload + "." , (payload.charAt(0) == 'A' ? "B" : "A")
                + payload.substring(1) + signature, otherPayload.substring(0, otherPayload.indexOf('.')) + signature)) {
            assertInvalid(() -> Cursor.decode(bad, LIST, 2));
        }
        // the same cursor for other filters or another list
        assertInvalid(() -> Cursor.decode(cursor, "advice-requests?senate=london", 2));
        assertInvalid(() -> Cursor.decode(cursor, "audit-entries", 2));
        // a key of another shape
        assertInvalid(() -> Cursor.decode(cursor, LIST, 1));
    }

    @Test
    void keyPartsReadBackAsTheTypeOfTheirSortKey() {
        assertThat(Cursor.read("3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60", UUID.class))
                .isEqualTo(UUID.fromString("3f2a8f0e-8d1c-4b5e-9f0a-2b1c3d4e5f60"));
        assertThat(Cursor.read("2026-04-01", LocalDate.class)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Cursor.read("2026-11-23T10:15:30.123456Z", Instant.class))
                .isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
        assertThat(Cursor.read("42", Long.class)).isEqualTo(42L);
        assertThat(Cursor.read("2026", Integer.class)).isEqualTo(2026);
        assertInvalid(() -> Cursor.read("abc", Long.class));
        assertInvalid(() -> Cursor.read("abc", UUID.class));
        assertInvalid(() -> Cursor.read("2026-13-01", LocalDate.class));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.type()).isEqualTo(ProblemType.INVALID_CURSOR));
    }
}

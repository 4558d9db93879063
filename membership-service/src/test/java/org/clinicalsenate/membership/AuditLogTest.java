package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditLogTest {

    @Inject
    DataSource db;

    @Test
    void anUpdateIsRecordedWithWhoWhenAndWhatChangedAndTheEntryCannotBeAlteredOrRemoved() throws SQLException {
        String admin = Tokens.senateAdmin("east-midlands");
        String etag = anonymous().get("/senates/east-midlands").then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", etag).body(Map.of("name", "East Midlands Clinical Senate", "region", "Midlands",
                "coveredIcbs", List.of("QJ2", "QK1", "QJM", "QPM", "QT1"), "activeFrom", "2013-04-01",
                "activeTo", "2099-03-31", "predecessors", List.of())).put("/senates/east-midlands").then().statusCode(200);

        var entry = as(admin).queryParam("entityType", "senate").queryParam("entityId", "east-midlands")
                .get("/audit-entries").then().statusCode(200).extract();
        assertThat((String) entry.path("items[0].actor")).isEqualTo("senate-admin-of-east-midlands");
        assertThat((String) entry.path("items[0].action")).isEqualTo("updated");
        assertThat((String) entry.path("items[0].occurredAt")).isNotBlank();
        // only what changed, with its new value
        assertThat((Map<String, Object>) entry.path("items[0].changes")).containsOnlyKeys("activeTo")
                .containsEntry("activeTo", "2099-03-31");

        // a senate-admin of another senate does not see it
        as(Tokens.senateAdmin("london")).queryParam("entityId", "east-midlands").get("/audit-entries").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.is(0));

        // append-only, whatever the application does: the database refuses changes and deletions
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_log SET actor = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_log"))
                    .hasMessageContaining("append-only");
        }
    }
}

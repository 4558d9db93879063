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
        String slug = "audited-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> details = new java.util.HashMap<>(Map.of("name", "Audited Clinical Senate", "region",
                "Midlands", "coveredIcbs", List.of("QJ2"), "activeFrom", "2013-04-01", "predecessors", List.of()));
        details.put("slug", slug);
        as(Tokens.platformAdmin()).body(details).post("/senates").then().statusCode(201);
        details.remove("slug");
        details.put("name", "Audited Clinical Senate (East Midlands)");
        String admin = Tokens.senateAdmin(slug);
        String etag = anonymous().get("/senates/" + slug).then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", etag).body(details).put("/senates/" + slug).then().statusCode(200);

        var entry = as(admin).queryParam("entityType", "senate").queryParam("entityId", slug)
                .get("/audit-entries").then().statusCode(200).extract();
        assertThat((String) entry.path("items[0].actor")).isEqualTo("senate-admin-of-" + slug);
        assertThat((String) entry.path("items[0].action")).isEqualTo("updated");
        assertThat((String) entry.path("items[0].occurredAt")).isNotBlank();
        // only what changed, with its new value
        assertThat((Map<String, Object>) entry.path("items[0].changes")).containsOnlyKeys("name")
                .containsEntry("name", "Audited Clinical Senate (East Midlands)");

        // a senate-admin of another senate does not see it
        as(Tokens.senateAdmin("london")).queryParam("entityId", slug).get("/audit-entries").then()
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

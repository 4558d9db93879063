package org.clinicalsenate.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.notification.webhooks.Webhooks.platformAdmin;
import static org.clinicalsenate.notification.webhooks.Webhooks.register;
import static org.clinicalsenate.notification.webhooks.Webhooks.send;
import static org.clinicalsenate.notification.webhooks.Webhooks.submitted;
import static org.clinicalsenate.testing.Api.as;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.notification.service.Deliveries;
import org.clinicalsenate.testing.CapturedSql;
import org.clinicalsenate.testing.QueryPlans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The webhook paths read index ranges, whatever the tables hold: the workers' queue, an endpoint's
 * messages and attempts (with their filters), the fan-out over enabled endpoints. The statements
 * are the ones the service really sends, captured while it works.
 */
@QuarkusTest
class WebhookQueryPlanTest {

    @Inject
    DataSource database;

    @Inject
    CapturedSql sql;

    @Inject
    Deliveries deliveries;

    @AfterEach
    void removeEndpoints() throws Exception {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM webhook_endpoint");
        }
    }

    private String plan(String query) {
        String plan = QueryPlans.preferringIndexes(database, query);
        return query + "\n" + plan;
    }

    @Test
    void theQueueTheListsAndTheFanOutReadIndexes() {
        String token = platformAdmin();
        String endpoint = register(token, "https://hooks.example.test/plans", List.of(), List.of())
                .getString("endpoint.id");
        String fanOut = sql.theQueryOf("webhook_message",
                () -> send(submitted(UUID.randomUUID().toString(), "london", "QRL")));
        assertThat(plan(fanOut)).contains("webhook_endpoint_enabled").doesNotContain("Seq Scan");
        send(submitted(UUID.randomUUID().toString(), "london", "QRL"));

        String claim = sql.during(() -> deliveries.deliverDue(1)).stream()
                .filter(s -> s.contains("FOR UPDATE SKIP LOCKED")).findFirst().orElseThrow();
        assertThat(plan(claim)).contains("webhook_message_pending_by_endpoint_due").doesNotContain("Seq Scan on webhook_message");

        String path = "/webhook-endpoints/" + endpoint;
        for (String[] list : new String[][] { { "/messages?limit=1", "webhook_message", "webhook_message_by_endpoint" },
                { "/messages?limit=1&failed=true", "webhook_message", "webhook_message_failed_by_endpoint" },
                { "/messages?limit=1&since=2026-01-01T00:00:00Z", "webhook_message", "webhook_message_by_endpoint" },
                { "/attempts?limit=1", "webhook_attempt", "webhook_attempt_by_endpoint" },
                { "/attempts?limit=1&failed=true", "webhook_attempt", "webhook_attempt_failed_by_endpoint" } }) {
            String query = sql.thePageQueryOf(list[1], () -> as(token).get(path + list[0]).then().statusCode(200));
            assertThat(plan(query)).contains("Index Scan Backward using " + list[2]).doesNotContain("Sort")
                    .doesNotContain("Seq Scan");
        }
    }
}

package org.clinicalsenate.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.notification.webhooks.Webhooks.assuranceViewer;
import static org.clinicalsenate.notification.webhooks.Webhooks.register;
import static org.clinicalsenate.notification.webhooks.Webhooks.send;
import static org.clinicalsenate.notification.webhooks.Webhooks.submitted;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * With the workers on, as in production: nobody drives delivery, and an event reaches the
 * receiver, signed, as soon as it is stored: the workers wake when messages are made (the poll is an
 * hour away here, so only the wake-up can deliver). How fast is the benchmark's to say, not a test's.
 */
@QuarkusTest
@TestProfile(WebhookWorkersTest.WorkersOn.class)
class WebhookWorkersTest {

    public static class WorkersOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a poll far away: only the wake-up can deliver within the test's time
            return Map.of("senate.webhooks.delivery-enabled", "true", "senate.webhooks.poll-interval", "1h");
        }
    }

    @Inject
    DataSource database;

    /**
     * The workers run in this test and may still be recording a delivery: deleting the endpoints
     * (and with them their messages) can then meet a worker's locks in the other order, which
     * PostgreSQL resolves by failing one side (deadlock, 40P01); the clean-up tries again.
     */
    @AfterEach
    void removeEndpoints() throws Exception {
        for (int attempt = 1;; attempt++) {
            try (var connection = database.getConnection(); var statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM webhook_endpoint");
                return;
            } catch (java.sql.SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void eachEventReachesTheReceiverWithoutWaitingForAPoll() throws Exception {
        try (Receiver receiver = new Receiver()) {
            JsonPath created = register(assuranceViewer(), receiver.url("/live"), List.of(), List.of());
            receiver.secrets(created.getString("secret"));
            for (int i = 0; i < 20; i++) {
                long sent = System.nanoTime();
                send(submitted(UUID.randomUUID().toString(), "london", "QRL"));
                while (receiver.deliveries().size() <= i && System.nanoTime() - sent < Duration.ofSeconds(30).toNanos()) {
                    Thread.sleep(5);
                }
                assertThat(receiver.deliveries()).as("delivered without a poll").hasSize(i + 1);
            }
            assertThat(receiver.deliveries()).hasSize(20).allMatch(Receiver.Delivery::verified);
        }
    }
}

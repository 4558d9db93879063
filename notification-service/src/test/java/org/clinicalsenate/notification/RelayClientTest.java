package org.clinicalsenate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clinicalsenate.testing.Api.as;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.api.common.model.CloudEvent;
import org.clinicalsenate.commons.outbox.EventSender;
import org.clinicalsenate.testing.IssuerResource;
import org.clinicalsenate.testing.PostgresResource;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The producers' relay client (service-commons' {@link EventSender}, as review-service has it: its
 * client-credentials token, the notification REST client) against this service's real
 * {@code POST /events}: what the relay's tests assume of notification-service holds.
 */
@QuarkusTest
@TestProfile(RelayClientTest.AsReviewService.class)
class RelayClientTest {

    private static final String SUBMITTED = "review.advice-request.submitted";

    @Inject
    EventSender sender;

    @Test
    void aBatchIsStoredWholeAndItsRedeliveryIsAcceptedAgain() {
        CloudEvent first = submitted("/review-service", "south-east");
        CloudEvent second = submitted("/review-service", "london");

        sender.sendBatch(List.of(first, second));
        sender.sendBatch(List.of(first, second));

        assertThat(listedIds()).contains(first.getId(), second.getId());
    }

    @Test
    void aBatchWithAnInvalidEventIsRefusedAndNothingOfItIsStored() {
        CloudEvent good = submitted("/review-service", "south-east");
        CloudEvent bad = submitted("/review-service", "south-east");
        bad.getData().remove("senate");

        assertThatThrownBy(() -> sender.sendBatch(List.of(good, bad))).isInstanceOf(EventSender.Refused.class)
                .hasMessageContaining("422");
        assertThat(listedIds()).doesNotContain(good.getId(), bad.getId());

        // the relay's fallback: the good one alone is stored, the bad one refused again
        sender.send(good);
        assertThatThrownBy(() -> sender.send(bad)).hasMessageContaining("422");
        assertThat(listedIds()).contains(good.getId()).doesNotContain(bad.getId());
    }

    @Test
    void eventsOfAnotherSourceAreAFaultOfConfigurationNotARefusalOfTheirContent() {
        CloudEvent foreign = submitted("/membership-service", "south-east");

        assertThatThrownBy(() -> sender.sendBatch(List.of(foreign))).isNotInstanceOf(EventSender.Refused.class)
                .hasMessageContaining("403");
    }

    private static CloudEvent submitted(String source, String senate) {
        String request = UUID.randomUUID().toString();
        Map<String, Object> data = new java.util.HashMap<>(Map.of("id", request, "senate", senate,
                "requestingOrganisation", "QRL", "kind", "clinical-review", "status", "received",
                "links", Map.of("self", "/advice-requests/" + request)));
        return new CloudEvent(CloudEvent.SpecversionEnum._1_0, UUID.randomUUID().toString(), source, SUBMITTED)
                .subject(request).time(OffsetDateTime.parse("2026-11-23T10:15:30Z"))
                .datacontenttype("application/json").data(data);
    }

    private static List<String> listedIds() {
        return as(Tokens.platformAdmin()).queryParam("type", SUBMITTED).queryParam("limit", 100).get("/events")
                .then().statusCode(200).extract().path("items.event.id");
    }

    /** Calls itself with review-service's client credentials, on a port known before it starts. */
    public static class AsReviewService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port = freePort();
            return Map.of("quarkus.http.test-port", String.valueOf(port),
                    "quarkus.rest-client.notification.url", "http://localhost:" + port);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresResource.class),
                    new TestResourceEntry(IssuerResource.class, Map.of("client", "review-service")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package org.clinicalsenate.notification.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.notification.webhooks.Webhooks.assuranceViewer;
import static org.clinicalsenate.notification.webhooks.Webhooks.dueSoon;
import static org.clinicalsenate.notification.webhooks.Webhooks.platformAdmin;
import static org.clinicalsenate.notification.webhooks.Webhooks.register;
import static org.clinicalsenate.notification.webhooks.Webhooks.requesterOf;
import static org.clinicalsenate.notification.webhooks.Webhooks.senateAdminOf;
import static org.clinicalsenate.notification.webhooks.Webhooks.send;
import static org.clinicalsenate.notification.webhooks.Webhooks.submitted;
import static org.clinicalsenate.notification.webhooks.Webhooks.termsDrafted;
import static org.clinicalsenate.testing.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Each endpoint gets exactly the events its owner may see, narrowed by its own filters. */
@QuarkusTest
class WebhookFanOutTest {

    @Inject
    DataSource database;

    @AfterEach
    void removeEndpoints() throws Exception {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM webhook_endpoint");
        }
    }

    private record Endpoint(String token, String id) {
        /** The event ids of its messages. */
        List<String> events() {
            return as(token).queryParam("limit", 100).get("/webhook-endpoints/" + id + "/messages").then()
                    .statusCode(200).extract().path("items.eventId");
        }
    }

    private static Endpoint endpoint(String token, List<String> types, List<String> senates) {
        return new Endpoint(token, register(token, "https://hooks.example.test/" + UUID.randomUUID(), types, senates)
                .getString("endpoint.id"));
    }

    @Test
    void eachOwnerReceivesOnlyWhatTheyMaySee() {
        Endpoint qrl = endpoint(requesterOf("QRL"), List.of(), List.of());
        Endpoint r1f = endpoint(requesterOf("R1F"), List.of(), List.of());
        Endpoint assurance = endpoint(assuranceViewer(), List.of(), List.of());
        Endpoint london = endpoint(senateAdminOf("london"), List.of(), List.of());
        Endpoint southEast = endpoint(senateAdminOf("south-east"), List.of(), List.of());
        Endpoint admin = endpoint(platformAdmin(), List.of(), List.of());

        String request = UUID.randomUUID().toString();
        Map<String, Object> qrlSubmitted = submitted(request, "south-east", "QRL");
        // a later event of the same request carries only its id: the organisation is remembered
        Map<String, Object> qrlTerms = termsDrafted(request, "south-east");
        Map<String, Object> r1fLondon = submitted(UUID.randomUUID().toString(), "london", "R1F");
        Map<String, Object> londonReminder = dueSoon("london");
        List.of(qrlSubmitted, qrlTerms, r1fLondon, londonReminder).forEach(Webhooks::send);

        String a = (String) qrlSubmitted.get("id");
        String b = (String) qrlTerms.get("id");
        String c = (String) r1fLondon.get("id");
        String d = (String) londonReminder.get("id");
        // a requester: its organisation's review events, of any senate
        assertThat(qrl.events()).containsExactlyInAnyOrder(a, b);
        assertThat(r1f.events()).containsExactlyInAnyOrder(c);
        // an assurance viewer: every review event, no membership event
        assertThat(assurance.events()).containsExactlyInAnyOrder(a, b, c);
        // a senate admin: its senate's events, membership's included
        assertThat(london.events()).containsExactlyInAnyOrder(c, d);
        assertThat(southEast.events()).containsExactlyInAnyOrder(a, b);
        // a platform-admin: everything
        assertThat(admin.events()).containsExactlyInAnyOrder(a, b, c, d);
    }

    @Test
    void anEndpointsTypesAndSenatesNarrowWhatItGets() {
        Endpoint triagedOnly = endpoint(assuranceViewer(), List.of("review.advice-request.submitted"), List.of());
        Endpoint londonOnly = endpoint(platformAdmin(), List.of(), List.of("london"));
        Map<String, Object> submittedLondon = submitted(UUID.randomUUID().toString(), "london", "QRL");
        Map<String, Object> termsSouthEast = termsDrafted(UUID.randomUUID().toString(), "south-east");
        Map<String, Object> reminderLondon = dueSoon("london");
        List.of(submittedLondon, termsSouthEast, reminderLondon).forEach(Webhooks::send);

        assertThat(triagedOnly.events()).containsExactly((String) submittedLondon.get("id"));
        assertThat(londonOnly.events()).containsExactlyInAnyOrder((String) submittedLondon.get("id"),
                (String) reminderLondon.get("id"));
    }

    @Test
    void aRedeliveredEventMakesNoSecondMessageAndADisabledEndpointNone() {
        Endpoint viewer = endpoint(assuranceViewer(), List.of(), List.of());
        Endpoint disabled = endpoint(assuranceViewer(), List.of(), List.of());
        as(disabled.token()).post("/webhook-endpoints/" + disabled.id() + "/disabling").then().statusCode(200);
        Map<String, Object> event = submitted(UUID.randomUUID().toString(), "london", "QRL");
        send(event);
        as(Webhooks.reviewService()).body(event).post("/events").then().statusCode(200);

        assertThat(viewer.events()).containsExactly((String) event.get("id"));
        assertThat(disabled.events()).isEmpty();
    }

    @Test
    void aBatchIsStoredWholeWithItsMessagesOrNotAtAll() {
        Endpoint viewer = endpoint(assuranceViewer(), List.of(), List.of());
        Map<String, Object> first = submitted(UUID.randomUUID().toString(), "london", "QRL");
        Map<String, Object> second = termsDrafted(UUID.randomUUID().toString(), "london");
        as(Webhooks.reviewService()).contentType("application/cloudevents-batch+json").body(List.of(first, second))
                .post("/events").then().statusCode(202)
                .body("events", org.hamcrest.Matchers.equalTo(2))
                .body("received", org.hamcrest.Matchers.equalTo(2))
                .body("redelivered", org.hamcrest.Matchers.equalTo(0));
        assertThat(viewer.events()).containsExactlyInAnyOrder((String) first.get("id"), (String) second.get("id"));

        // again, with a third event that breaks its schema: nothing of this batch is stored
        Map<String, Object> third = submitted(UUID.randomUUID().toString(), "london", "QRL");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) third.get("data");
        data.remove("senate");
        Map<String, Object> fourth = submitted(UUID.randomUUID().toString(), "london", "QRL");
        as(Webhooks.reviewService()).contentType("application/cloudevents-batch+json")
                .body(List.of(fourth, first, third)).post("/events").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("[2].data.senate"));
        assertThat(viewer.events()).containsExactlyInAnyOrder((String) first.get("id"), (String) second.get("id"));

        // the redelivery of a batch is counted, and makes no second message
        as(Webhooks.reviewService()).contentType("application/cloudevents-batch+json").body(List.of(first, fourth))
                .post("/events").then().statusCode(202)
                .body("received", org.hamcrest.Matchers.equalTo(1))
                .body("redelivered", org.hamcrest.Matchers.equalTo(1));
        assertThat(viewer.events()).hasSize(3);
    }
}

package org.clinicalsenate.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clinicalsenate.client.membership.api.SenatesApi;
import org.clinicalsenate.client.membership.model.Senate;
import org.clinicalsenate.client.membership.model.SenateCreate;
import org.clinicalsenate.client.notification.api.AuditApi;
import org.clinicalsenate.client.notification.api.EventsApi;
import org.clinicalsenate.client.notification.model.ReceivedEvent;
import org.clinicalsenate.client.review.api.AdviceRequestsApi;
import org.clinicalsenate.client.review.model.AdviceRequest;
import org.clinicalsenate.client.review.model.AdviceRequestCreate;
import org.clinicalsenate.client.review.model.AdviceRequestKind;
import org.clinicalsenate.client.review.model.AdviceRequestStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end, as integrators see it: the packaged services, tokens from a
 * real Keycloak, calls through the published Java client.
 */
@ExtendWith(KeycloakExtension.class)
class PlatformJourneySystemTest {

    private static KeycloakServer keycloak;
    private static Platform platform;

    @BeforeAll
    static void start(KeycloakServer server) {
        keycloak = server;
        platform = Platform.start(keycloak);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aPlatformAdminCreatesASenateThatEveryoneCanRead() throws Exception {
        SenatesApi senates = new SenatesApi(membership());
        SenateCreate northCumbria = new SenateCreate()
                .slug("journey-senate").name("Journey Clinical Senate").region("North East and Yorkshire")
                .coveredIcbs(Set.of("QHM")).activeFrom(LocalDate.of(2026, 4, 1)).predecessors(Set.of("northern-england"));

        Senate created = senates.createSenate(northCumbria, bearer(Tokens.user(keycloak, "admin")));
        assertThat(created.getSlug()).isEqualTo("journey-senate");

        Senate read = senates.getSenate("journey-senate");
        assertThat(read.getPredecessors()).containsExactly("northern-england");
        assertThat(read.getCoveredIcbs()).containsExactly("QHM");

        // a senate-admin is not allowed to create senates
        assertThatThrownBy(() -> senates.createSenate(northCumbria.slug("another"),
                bearer(Tokens.user(keycloak, "southeast-admin"))))
                .hasFieldOrPropertyWithValue("code", 403);
    }

    @Test
    void aRequesterSubmitsAdviceRequestAndTheEventReachesNotificationWithAServiceToken() throws Exception {
        AdviceRequestsApi requests = new AdviceRequestsApi(review());
        Map<String, String> requester = bearer(Tokens.user(keycloak, "hiow-requester"));
        AdviceRequestCreate create = new AdviceRequestCreate()
                .senate("south-east").requestingOrganisation("QRL").kind(AdviceRequestKind.CLINICAL_REVIEW)
                .title("Reconfiguration of acute stroke services in Hampshire and the Isle of Wight")
                .question("Is the proposed model of two hyper-acute stroke units clinically sound?");

        String key = UUID.randomUUID().toString();
        AdviceRequest submitted = requests.createAdviceRequest(create, key, requester);
        assertThat(submitted.getStatus()).isEqualTo(AdviceRequestStatus.RECEIVED);
        // a retry with the same Idempotency-Key is the same request
        assertThat(requests.createAdviceRequest(create, key, requester).getId()).isEqualTo(submitted.getId());
        // a requester cannot submit for another organisation
        assertThatThrownBy(() -> requests.createAdviceRequest(create.requestingOrganisation("QMF"), null, requester))
                .hasFieldOrPropertyWithValue("code", 403);

        Map<String, String> admin = bearer(Tokens.user(keycloak, "admin"));
        ReceivedEvent event = awaitEvent(submitted.getId().toString(), admin);
        assertThat(event.getEvent().getSource()).isEqualTo("/review-service");
        assertThat(event.getEvent().getData()).containsEntry("senate", "south-east")
                .containsEntry("requestingOrganisation", "QRL");
        assertThat(event.getDeliveries()).isEqualTo(1);

        // delivered by review-service itself, with its client-credentials token from Keycloak
        String reviewServiceAccount = Tokens.claims(Tokens.service(keycloak, "review-service")).get("sub").asText();
        var audit = new AuditApi(notification())
                .listNotificationAuditEntries("event", event.getEvent().getId(), 10, null, admin);
        assertThat(audit.getItems()).singleElement()
                .satisfies(entry -> assertThat(entry.getActor()).isEqualTo(reviewServiceAccount));
    }

    /** The relay runs every second; allow for a slow machine. */
    private static ReceivedEvent awaitEvent(String subject, Map<String, String> admin) throws Exception {
        EventsApi events = new EventsApi(notification());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<ReceivedEvent> found = events.listEvents("review.advice-request.submitted", 100, null, admin)
                    .getItems().stream().filter(e -> subject.equals(e.getEvent().getSubject())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The event for advice request " + subject + " did not reach notification-service");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static org.clinicalsenate.client.membership.ApiClient membership() {
        var client = new org.clinicalsenate.client.membership.ApiClient();
        client.updateBaseUri(platform.membershipUrl());
        return client;
    }

    private static org.clinicalsenate.client.review.ApiClient review() {
        var client = new org.clinicalsenate.client.review.ApiClient();
        client.updateBaseUri(platform.reviewUrl());
        return client;
    }

    private static org.clinicalsenate.client.notification.ApiClient notification() {
        var client = new org.clinicalsenate.client.notification.ApiClient();
        client.updateBaseUri(platform.notificationUrl());
        return client;
    }
}

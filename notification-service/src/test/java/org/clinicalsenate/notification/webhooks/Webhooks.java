package org.clinicalsenate.notification.webhooks;

import static org.clinicalsenate.testing.Api.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.testing.Tokens;

import io.restassured.path.json.JsonPath;

/** What the webhook tests share: integrators with tokens of their own, endpoints, events. */
final class Webhooks {

    private Webhooks() {
    }

    /** An integrator of its own (a subject no other test uses) with these roles and claims. */
    static String integrator(List<String> roles, Map<String, Object> claims) {
        return Tokens.of("integrator-" + UUID.randomUUID(), roles, claims);
    }

    static String requesterOf(String organisation) {
        return integrator(List.of("requester"), Map.of("org", organisation));
    }

    static String senateAdminOf(String... senates) {
        return integrator(List.of("senate-admin"), Map.of("senates", List.of(senates)));
    }

    static String assuranceViewer() {
        return integrator(List.of("assurance-viewer"), Map.of());
    }

    static String platformAdmin() {
        return integrator(List.of("platform-admin"), Map.of());
    }

    /** Registers an endpoint; the answer (endpoint and secret). */
    static JsonPath register(String token, String url, List<String> eventTypes, List<String> senates) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("description", "test endpoint");
        body.put("eventTypes", eventTypes);
        body.put("senates", senates);
        return as(token).body(body).post("/webhook-endpoints").then().statusCode(201).extract().jsonPath();
    }

    static String reviewService() {
        return Tokens.service("review-service");
    }

    static String membershipService() {
        return Tokens.service("membership-service");
    }

    /** review.advice-request.submitted for a new request of this organisation to this senate. */
    static Map<String, Object> submitted(String request, String senate, String organisation) {
        Map<String, Object> data = new HashMap<>();
        data.put("id", request);
        data.put("senate", senate);
        data.put("requestingOrganisation", organisation);
        data.put("kind", "clinical-review");
        data.put("status", "received");
        data.put("links", Map.of("self", "/advice-requests/" + request));
        return event("/review-service", "review.advice-request.submitted", request, data);
    }

    /** review.terms-of-reference.drafted of a request (which carries no organisation). */
    static Map<String, Object> termsDrafted(String request, String senate) {
        Map<String, Object> data = new HashMap<>();
        data.put("adviceRequestId", request);
        data.put("senate", senate);
        data.put("version", 1);
        data.put("status", "draft");
        data.put("requestStatus", "accepted");
        data.put("links", Map.of("self", "/advice-requests/" + request + "/terms-of-reference",
                "adviceRequest", "/advice-requests/" + request));
        return event("/review-service", "review.terms-of-reference.drafted", request, data);
    }

    /** membership.declaration.due-soon of a member of this senate. */
    static Map<String, Object> dueSoon(String senate) {
        String member = UUID.randomUUID().toString();
        String round = UUID.randomUUID().toString();
        Map<String, Object> data = new HashMap<>();
        data.put("memberId", member);
        data.put("roundId", round);
        data.put("senate", senate);
        data.put("year", 2026);
        data.put("dueDate", "2026-12-31");
        data.put("offsetDays", 7);
        data.put("links", Map.of("round", "/declaration-rounds/" + round, "declarations",
                "/members/" + member + "/declarations"));
        return event("/membership-service", "membership.declaration.due-soon", member, data);
    }

    static Map<String, Object> event(String source, String type, String subject, Map<String, Object> data) {
        Map<String, Object> event = new HashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", source);
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", "2026-11-23T10:15:30Z");
        event.put("data", data);
        return event;
    }

    static void send(Map<String, Object> event) {
        String token = event.get("source").equals("/review-service") ? reviewService() : membershipService();
        as(token).body(event).post("/events").then().statusCode(201);
    }
}

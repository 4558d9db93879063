package org.clinicalsenate.review;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * membership-service as review-service's tests meet it: an HTTP server on loopback (WireMock) that
 * answers {@code GET /senates/{slug}} as membership's contract says. Every senate is active, except
 * {@value #CLOSED} (closed in 2020) and {@value #UNKNOWN} (404); for {@value #DOWN} the connection
 * is reset, as when membership-service is down. {@code GET /members/{id}} and the conflict check
 * know only the members a test makes with {@link #member} (404 for any other); a check of a whole
 * panel is answered as {@link #panelCheck} says. Meeting declarations are recorded as sent.
 */
public class MembershipStub implements QuarkusTestResourceLifecycleManager {

    static final String CLOSED = "closed-senate";
    static final String UNKNOWN = "no-such-senate";
    static final String DOWN = "membership-down";
    /** A member id for which membership is down. */
    static final UUID DOWN_MEMBER = UUID.fromString("00000000-0000-4000-8000-00000000d0d0");

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get(urlPathMatching("/senates/([a-z0-9-]+)")).atPriority(10).willReturn(senate(
                "{{request.pathSegments.[1]}}", "2013-04-01", null)));
        server.stubFor(get(urlPathEqualTo("/senates/" + CLOSED)).atPriority(1)
                .willReturn(senate(CLOSED, "2013-04-01", "2020-03-31")));
        server.stubFor(get(urlPathEqualTo("/senates/" + UNKNOWN)).atPriority(1).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:clinical-senate:problem:not-found\",\"title\":\"Not found\",\"status\":404}")));
        server.stubFor(get(urlPathEqualTo("/senates/" + DOWN)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlPathEqualTo("/members/" + DOWN_MEMBER)).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // a meeting declaration is recorded as sent; its id is the idempotency key, so a retry gets the same record
        server.stubFor(post(urlPathMatching("/meetings/([^/]+)/declarations")).atPriority(10).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"id\":\"{{request.headers.Idempotency-Key}}\",\"meetingRef\":\"{{request.pathSegments.[1]}}\","
                        + "\"meetingKind\":\"{{jsonPath request.body '$.meetingKind'}}\","
                        + "\"senate\":\"{{jsonPath request.body '$.senate'}}\","
                        + "\"memberId\":\"{{jsonPath request.body '$.memberId'}}\",\"interest\":\"recorded\","
                        + "\"action\":\"{{jsonPath request.body '$.action'}}\",\"recordedBy\":\"review-service\","
                        + "\"recordedAt\":\"2026-12-06T10:00:00Z\"}")));
        return Map.of("quarkus.rest-client.membership.url", server.baseUrl());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder senate(String slug, String from,
            String to) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("{\"slug\":\"" + slug + "\",\"name\":\"Senate " + slug + "\",\"region\":\"Test\","
                        + "\"coveredIcbs\":[],\"activeFrom\":\"" + from + "\"" + (to == null ? "" : ",\"activeTo\":\"" + to + "\"")
                        + ",\"predecessors\":[],\"appointmentRules\":{\"maxTermYears\":3,\"maxConsecutiveTerms\":2,"
                        + "\"councilSeats\":20},\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}");
    }

    /** A new member of the senate (medicine), whom the conflict check clears. */
    static UUID memberOf(String senate) {
        return member(senate, "Dr Lead", "medicine", "CLEAR");
    }

    /**
     * A new member as membership answers {@code GET /members/{id}} for the review service, and its
     * conflict check ({@code POST /conflict-checks} for this member): the outcome, and for each
     * reason given its message.
     */
    static UUID member(String senate, String name, String profession, String outcome, String... reasons) {
        UUID id = UUID.randomUUID();
        server.stubFor(get(urlPathEqualTo("/members/" + id)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"" + id + "\",\"senate\":\"" + senate + "\",\"name\":\"" + name + "\","
                        + "\"professionalTitle\":\"Consultant\",\"profession\":\"" + profession + "\","
                        + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}")));
        StringBuilder given = new StringBuilder();
        for (String reason : reasons) {
            given.append(given.isEmpty() ? "" : ",").append("{\"code\":\"employed-by-organisation-in-scope\",")
                    .append("\"message\":\"").append(reason).append("\"}");
        }
        server.stubFor(post(urlPathEqualTo("/conflict-checks"))
                .withRequestBody(matchingJsonPath("$.memberIds[0]", WireMock.equalTo(id.toString())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"date\":\"2026-12-06\",\"lookbackFrom\":\"2025-06-06\",\"results\":[{"
                                + "\"memberId\":\"" + id + "\",\"name\":\"" + name + "\",\"outcome\":\"" + outcome
                                + "\",\"reasons\":[" + given + "]}]}")));
        return id;
    }

    /**
     * membership's answer to a check of the whole panel ({@code POST /conflict-checks} naming all of
     * {@code members}): {@code CONFLICTED} with the given reasons for the members in
     * {@code conflicted}, {@code CLEAR} for the others. A later call for the same panel replaces it.
     */
    static void panelCheck(List<UUID> members, Map<UUID, List<String>> conflicted) {
        var request = post(urlPathEqualTo("/conflict-checks")).atPriority(1);
        StringBuilder results = new StringBuilder();
        for (UUID member : members) {
            request = request.withRequestBody(matchingJsonPath("$.memberIds[?(@ == '" + member + "')]"));
            List<String> reasons = conflicted.getOrDefault(member, List.of());
            results.append(results.isEmpty() ? "" : ",").append("{\"memberId\":\"").append(member)
                    .append("\",\"name\":\"Member\",\"outcome\":\"").append(reasons.isEmpty() ? "CLEAR" : "CONFLICTED")
                    .append("\",\"reasons\":[").append(String.join(",", reasons.stream()
                            .map(r -> "{\"code\":\"employed-by-organisation-in-scope\",\"message\":\"" + r + "\"}")
                            .toList())).append("]}");
        }
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"date\":\"2026-12-06\",\"lookbackFrom\":\"2025-06-06\",\"results\":[" + results + "]}")));
    }

    /** membership down for any check naming the member. */
    static void checksDown(UUID member) {
        server.stubFor(post(urlPathEqualTo("/conflict-checks")).atPriority(0)
                .withRequestBody(matchingJsonPath("$.memberIds[?(@ == '" + member + "')]"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** membership down for any meeting declaration of the member. */
    static void declarationsDown(UUID member) {
        server.stubFor(post(urlPathMatching("/meetings/[^/]+/declarations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.memberId", WireMock.equalTo(member.toString())))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** The meeting declarations membership received for the meeting (their JSON bodies, and the idempotency keys). */
    static List<LoggedRequest> declarationsAt(String meetingRef) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/meetings/" + meetingRef + "/declarations")));
    }

    /** The conflict-check requests membership received about the member (their JSON bodies). */
    static List<String> checksOf(UUID member) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/conflict-checks"))
                .withRequestBody(matchingJsonPath("$.memberIds[0]", WireMock.equalTo(member.toString()))))
                .stream().map(LoggedRequest::getBodyAsString).toList();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}

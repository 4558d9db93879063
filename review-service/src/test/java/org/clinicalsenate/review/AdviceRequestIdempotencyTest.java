package org.clinicalsenate.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.review.AdviceRequests.body;
import static org.clinicalsenate.review.AdviceRequests.freshSenate;
import static org.clinicalsenate.review.AdviceRequests.listAllIds;
import static org.clinicalsenate.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class AdviceRequestIdempotencyTest {

    @Inject
    TestDatabase db;

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothingMore() {
        String senate = freshSenate();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body(senate, "QRL");

        ExtractableResponse<Response> first = post(Tokens.requester("QRL"), key, request).then().statusCode(201)
                .extract();
        ExtractableResponse<Response> retry = post(Tokens.requester("QRL"), key, request).then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .extract();

        String id = first.path("id");
        assertThat(retry.<Map<String, Object>>path("")).isEqualTo(first.path(""));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/advice-requests/" + id);
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).containsExactly(id);
        assertThat(db.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?", id)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM audit_log WHERE entity_id = ?", id)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndAnotherKeyCreatesAnotherRequest() {
        String senate = freshSenate();
        String key = UUID.randomUUID().toString();
        String id = post(Tokens.requester("QRL"), key, body(senate, "QRL", "Stroke services")).then().statusCode(201)
                .extract().path("id");

        post(Tokens.requester("QRL"), key, body(senate, "QRL", "Maternity services")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:idempotency-key-reused"));
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).containsExactly(id);

        String other = post(Tokens.requester("QRL"), UUID.randomUUID().toString(), body(senate, "QRL", "Stroke services"))
                .then().statusCode(201).extract().path("id");
        assertThat(other).isNotEqualTo(id);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).containsExactly(other, id);
    }

    @Test
    void aKeyBelongsToTheCallerWhoSentIt() {
        String senate = freshSenate();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body(senate, "QRL");
        String byRequester = post(Tokens.requester("QRL"), key, request).then().statusCode(201).extract().path("id");
        String byAdmin = post(Tokens.platformAdmin(), key, request).then().statusCode(201).extract().path("id");
        assertThat(byAdmin).isNotEqualTo(byRequester);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).containsExactly(byAdmin, byRequester);
    }

    @Test
    void aRefusedCreationDoesNotUseUpTheKey() {
        String senate = freshSenate();
        String key = UUID.randomUUID().toString();
        post(Tokens.requester("QRL"), key, body(senate, "QMF")).then().statusCode(403);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).isEmpty();

        String id = post(Tokens.requester("QRL"), key, body(senate, "QRL")).then().statusCode(201).extract().path("id");
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).containsExactly(id);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneRequestAndTheOthersAreReplayedOrToldItIsInProgress() throws Exception {
        String senate = freshSenate();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = body(senate, "QRL");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<ExtractableResponse<Response>>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(clients.submit(() -> post(Tokens.requester("QRL"), key, request).then().extract()));
        }
        Set<String> created = new HashSet<>();
        for (Future<ExtractableResponse<Response>> answer : sent) {
            ExtractableResponse<Response> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isIn(201, 409);
            if (response.statusCode() == 201) {
                created.add(response.path("id"));
            } else {
                assertThat(response.<String>path("type")).isEqualTo("urn:clinical-senate:problem:idempotency-in-progress");
            }
        }
        clients.shutdown();

        assertThat(created).hasSize(1);
        assertThat(listAllIds(Tokens.platformAdmin(), Map.of("senate", senate))).containsExactlyElementsOf(created);
    }

    private static Response post(String token, String key, Map<String, Object> body) {
        return as(token).header("Idempotency-Key", key).body(body).post("/advice-requests");
    }
}

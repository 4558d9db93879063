package org.clinicalsenate.notification;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

import org.clinicalsenate.testing.Api;
import org.clinicalsenate.testing.Sql;
import org.clinicalsenate.testing.Tokens;
import org.clinicalsenate.testing.badinput.BadInput;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputTest {

    @Inject
    DataSource database;

    @Test
    void everyBadRequestIsADeclaredProblemAndStoresNothing() {
        String endpoint = Api.as(Tokens.platformAdmin())
                .body(Map.of("url", "https://hooks.example.test/bad-input", "eventTypes", List.of(), "senates", List.of()))
                .post("/webhook-endpoints").then().statusCode(201).extract().path("endpoint.id");
        String message = Api.as(Tokens.platformAdmin()).post("/webhook-endpoints/" + endpoint + "/ping").then()
                .statusCode(202).extract().path("id");
        BadInput.ofServedContract(database)
                .pathValue("eventId", Sql.deadEvent(database, "/notification-service").toString())
                .pathValue("endpointId", endpoint)
                .pathValue("messageId", message)
                .token("service:review-service", () -> Tokens.service("review-service"))
                .requests(2600)
                .run();
    }
}

package org.clinicalsenate.notification;

import javax.sql.DataSource;

import jakarta.inject.Inject;

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
        BadInput.ofServedContract(database)
                .pathValue("eventId", Sql.deadEvent(database, "/notification-service").toString())
                .token("service:review-service", () -> Tokens.service("review-service"))
                .requests(2600)
                .run();
    }
}

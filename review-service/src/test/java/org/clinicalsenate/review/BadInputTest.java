package org.clinicalsenate.review;

import static org.clinicalsenate.testing.Api.as;

import java.util.UUID;

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
        String id = as(Tokens.platformAdmin())
                .body(AdviceRequests.body("south-east", "QRL", "Bad input baseline"))
                .post("/advice-requests").then().statusCode(201).extract().path("id");

        UUID member = MembershipStub.memberOf("london");
        BadInput.ofServedContract(database)
                .pathValue("id", id)
                .pathValue("eventId", Sql.deadEvent(database, "/review-service").toString())
                .pathValue("memberId", member.toString())
                .pathValue("informationRequestId", UUID.randomUUID().toString())
                .pathValue("meetingId", UUID.randomUUID().toString())
                .pathValue("commentId", UUID.randomUUID().toString())
                .pathValue("version", "1")
                .token("requester", () -> Tokens.requester("QRL"))
                .token("member", () -> Tokens.member(member.toString()))
                .token("assurance-viewer", Tokens::assuranceViewer)
                .requests(3200)
                .run();
    }
}

package org.clinicalsenate.membership;

import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.testing.Sql;
import org.clinicalsenate.testing.Tokens;
import org.clinicalsenate.testing.badinput.BadInput;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BadInputTest {

    @Inject
    DataSource database;

    @Inject
    MembershipFixtures fixtures;

    @Test
    void everyBadRequestIsADeclaredProblemAndStoresNothing() {
        String senate = fixtures.senate("bad-input");
        UUID member = fixtures.member(senate, "Dr Baseline", "medicine", "RHM");
        LocalDate today = LocalDate.now(Clocks.ENGLAND);
        UUID appointment = fixtures.appointment(member, senate, "council", "member", today.minusYears(1),
                today.plusYears(1));
        UUID round = fixtures.round(senate, today.getYear(), today.plusMonths(1));
        UUID declaration = fixtures.declaration(member, senate, round, "financial", "NT3", today.minusMonths(2), null,
                "pending");

        BadInput.ofServedContract(database)
                .pathValue("slug", senate)
                .pathValue("memberId", member.toString())
                .pathValue("appointmentId", appointment.toString())
                .pathValue("declarationId", declaration.toString())
                .pathValue("roundId", round.toString())
                .pathValue("meetingRef", "council-2026-01")
                .pathValue("eventId", Sql.deadEvent(database, "/membership-service").toString())
                .token("service:review-service", () -> Tokens.service("review-service"))
                .token("member", () -> Tokens.member(member.toString()))
                // a senate of its own, so that a bad request that got through would be stored, not a 409
                .body("createSenate", "{\"slug\":\"" + fixtures.senate("unused").replace("unused", "new")
                        + "\",\"name\":\"New senate\",\"region\":\"Test\",\"coveredIcbs\":[\"QRL\"],"
                        + "\"activeFrom\":\"2026-04-01\"}")
                .requests(5000)
                .run();
    }
}

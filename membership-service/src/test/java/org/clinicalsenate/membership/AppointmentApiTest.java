package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.MembershipRequests.appoint;
import static org.clinicalsenate.membership.MembershipRequests.member;
import static org.clinicalsenate.membership.MembershipRequests.nominate;
import static org.clinicalsenate.membership.MembershipRequests.senate;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AppointmentApiTest {

    private static final LocalDate TODAY = LocalDate.now();

    private static Map<String, Object> term(String body, String role, LocalDate start, LocalDate end) {
        return Map.of("body", body, "role", role, "termStart", start.toString(), "termEnd", end.toString());
    }

    private static String day(LocalDate date) {
        return date.toString();
    }

    @Test
    void aNominationIsApprovedByTheSenateAndIsActiveFromItsStartWithEveryStepAudited() {
        String senate = senate("appt", null);
        String id = member(senate, "Amara Okafor", "medicine", "RHM");
        String admin = Tokens.senateAdmin(senate);
        var nominated = as(admin).body(term("council", "member", TODAY.minusMonths(1), TODAY.plusYears(2)))
                .post("/members/" + id + "/appointments").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("memberId", equalTo(id))
                .body("senate", equalTo(senate))
                .body("status", equalTo("nominated"))
                .body("nominatedBy", equalTo("senate-admin-of-" + senate))
                .body("approvedBy", nullValue())
                .extract();
        String appointment = nominated.path("id");
        assertThat(nominated.header("Location")).endsWith("/appointments/" + appointment);

        as(Tokens.senateChair(senate)).header("If-Match", "\"0\"").post("/appointments/" + appointment + "/approval")
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("active"))
                .body("approvedBy", equalTo("chair-of-" + senate))
                .body("approvedAt", notNullValue())
                .body("ending", nullValue());
        as(Tokens.member(id)).get("/appointments/" + appointment).then().statusCode(200).body("status", equalTo("active"));

        // a term that has not started yet is approved, not active
        String later = nominate(id, "expert-pool", "associate", day(TODAY.plusMonths(2)), day(TODAY.plusYears(1)));
        as(admin).post("/appointments/" + later + "/approval").then().statusCode(200).body("status", equalTo("approved"));

        as(admin).queryParam("entityType", "appointment").queryParam("entityId", appointment).get("/audit-entries")
                .then().statusCode(200)
                .body("items.action", contains("approved", "nominated"))
                .body("items[0].changes.status", equalTo("approved"))
                .body("items[0].changes.approvedBy", equalTo("chair-of-" + senate))
                .body("items[0].senate", equalTo(senate))
                .body("items[1].changes.memberId", equalTo(id))
                .body("items[1].changes.body", equalTo("council"));
    }

    @Test
    void approvingTwiceOrEndingANominationIsAConflictNamingWhatIsAllowed() {
        String senate = senate("appt", null);
        String id = member(senate, "Peter Hughes", "patient-public-voice", null);
        String admin = Tokens.senateAdmin(senate);
        String nomination = nominate(id, "council", "patient-public-member", day(TODAY), day(TODAY.plusYears(1)));
        as(admin).body(Map.of("outcome", "resigned", "lastDay", day(TODAY))).post("/appointments/" + nomination + "/ending")
                .then().statusCode(409)
                .body("allowed", contains("approved", "withdrawn"));
        as(admin).post("/appointments/" + nomination + "/approval").then().statusCode(200);
        as(admin).post("/appointments/" + nomination + "/approval").then().statusCode(409)
                .body("type", equalTo("urn:clinical-senate:problem:conflict"))
                .body("allowed", contains("ended", "resigned", "not-renewed"));
    }

    @Test
    void aWithdrawnNominationNoLongerBlocksTheTermAndCannotBeApproved() {
        String senate = senate("appt", null);
        String id = member(senate, "Nadia Karim", "pharmacy", null);
        String admin = Tokens.senateAdmin(senate);
        // made with the wrong dates: it blocks the right nomination until it is withdrawn
        String wrong = nominate(id, "council", "member", day(TODAY), day(TODAY.plusYears(2)));
        as(admin).body(term("council", "member", TODAY.plusDays(1), TODAY.plusYears(3))).post("/members/" + id + "/appointments")
                .then().statusCode(409);

        as(admin).header("If-Match", "\"7\"").post("/appointments/" + wrong + "/withdrawal").then().statusCode(412);
        as(admin).header("If-Match", "\"0\"").body(Map.of("reason", "Entered with the wrong term"))
                .post("/appointments/" + wrong + "/withdrawal").then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("status", equalTo("withdrawn"))
                .body("withdrawal.reason", equalTo("Entered with the wrong term"))
                .body("withdrawal.recordedBy", equalTo("senate-admin-of-" + senate))
                .body("withdrawal.recordedAt", notNullValue())
                .body("approvedBy", nullValue());
        as(admin).post("/appointments/" + wrong + "/approval").then().statusCode(409)
                .body("detail", containsString("withdrawn cannot become approved; it is final"));
        as(admin).post("/appointments/" + wrong + "/withdrawal").then().statusCode(409);

        String right = as(admin).body(term("council", "member", TODAY.plusDays(1), TODAY.plusYears(3)))
                .post("/members/" + id + "/appointments").then().statusCode(201).extract().path("id");
        as(admin).post("/appointments/" + right + "/approval").then().statusCode(200).body("status", equalTo("approved"));
        // an approved appointment is ended, not withdrawn
        as(admin).post("/appointments/" + right + "/withdrawal").then().statusCode(409)
                .body("allowed", contains("ended", "resigned", "not-renewed"));
        as(admin).queryParam("entityId", wrong).get("/audit-entries").then()
                .body("items.action", contains("withdrawn", "nominated"))
                .body("items[0].changes.status", equalTo("withdrawn"))
                .body("items[0].changes.withdrawalReason", equalTo("Entered with the wrong term"));
    }

    @Test
    void onlyAPlatformAdminWithdrawsAChairNomination() {
        String senate = senate("appt", null);
        String id = member(senate, "Omar Haddad", "medicine", null);
        String chair = nominate(id, "council", "chair", day(TODAY), day(TODAY.plusYears(2)));
        as(Tokens.senateAdmin(senate)).post("/appointments/" + chair + "/withdrawal").then().statusCode(403);
        as(Tokens.senateAdmin("london")).post("/appointments/" + chair + "/withdrawal").then().statusCode(403);
        as(Tokens.member(id)).post("/appointments/" + chair + "/withdrawal").then().statusCode(403);
        anonymous().post("/appointments/" + chair + "/withdrawal").then().statusCode(401);
        as(Tokens.platformAdmin()).post("/appointments/" + chair + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("withdrawn")).body("withdrawal.reason", nullValue());
    }

    @Test
    void anApprovedAppointmentEndsOnALastDayWithinItsTermWithWhoWhenAndWhy() {
        String senate = senate("appt", null);
        String id = member(senate, "Lena Fischer", "nursing", null);
        String admin = Tokens.senateAdmin(senate);
        String appointment = appoint(id, "council", "member", day(TODAY.minusYears(1)), day(TODAY.plusYears(1)));
        as(admin).body(Map.of("outcome", "resigned", "lastDay", day(TODAY.plusYears(2))))
                .post("/appointments/" + appointment + "/ending").then().statusCode(422)
                .body("errors[0].field", equalTo("lastDay"));
        as(admin).header("If-Match", "\"0\"").body(Map.of("outcome", "resigned", "lastDay", day(TODAY)))
                .post("/appointments/" + appointment + "/ending").then().statusCode(412);
        // outcomes are an open list in the contract: the server takes only the endings it knows
        for (String unknown : List.of("sacked", "active")) {
            as(admin).body(Map.of("outcome", unknown, "lastDay", day(TODAY)))
                    .post("/appointments/" + appointment + "/ending").then().statusCode(400)
                    .body("errors[0].field", equalTo("outcome"))
                    .body("errors[0].message", equalTo("must be one of [ended, resigned, not-renewed]"));
        }

        as(admin).header("If-Match", "\"1\"")
                .body(Map.of("outcome", "resigned", "lastDay", day(TODAY.plusDays(30)), "reason", "Moved away"))
                .post("/appointments/" + appointment + "/ending").then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("status", equalTo("active")) // until the last day
                .body("ending.outcome", equalTo("resigned"))
                .body("ending.lastDay", equalTo(day(TODAY.plusDays(30))))
                .body("ending.reason", equalTo("Moved away"))
                .body("ending.recordedBy", equalTo("senate-admin-of-" + senate))
                .body("ending.recordedAt", notNullValue());
        String past = appoint(id, "assembly", "member", day(TODAY.minusYears(2)), day(TODAY.plusMonths(6)));
        as(admin).body(Map.of("outcome", "not-renewed", "lastDay", day(TODAY.minusDays(1))))
                .post("/appointments/" + past + "/ending").then().statusCode(200)
                .body("status", equalTo("not-renewed"));
        as(admin).queryParam("entityId", appointment).get("/audit-entries").then()
                .body("items.action", contains("ended", "approved", "nominated"))
                .body("items[0].changes.status", equalTo("resigned"))
                .body("items[0].changes.endedOn", equalTo(day(TODAY.plusDays(30))))
                .body("items[0].changes.endReason", equalTo("Moved away"));
    }

    @Test
    void theSenatesTermRulesAreProblemsNamingTheField() {
        String senate = senate("appt", null);
        String id = member(senate, "Rule Breaker", "medicine", null);
        String admin = Tokens.senateAdmin(senate);
        LocalDate start = LocalDate.parse("2020-04-01");
        as(admin).body(term("council", "member", start, start.minusDays(1))).post("/members/" + id + "/appointments")
                .then().statusCode(422)
                .body("type", equalTo("urn:clinical-senate:problem:rule-violated"))
                .body("errors[0].field", equalTo("termEnd"))
                .body("detail", equalTo("termEnd must not be before termStart (2020-04-01)"));
        as(admin).body(term("council", "member", start, start.plusYears(3))).post("/members/" + id + "/appointments")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("termEnd"))
                .body("detail", containsString("maximum of 3 years"));
        invalid(as(admin)).body(Map.of("body", "board", "role", "member", "termStart", "2020-04-01", "termEnd", "2021-03-31"))
                .post("/members/" + id + "/appointments").then().statusCode(400).body("errors[0].field", equalTo("body"));
        invalid(as(admin)).body(Map.of("body", "council", "role", "member", "termStart", "April 2020", "termEnd", "2021-03-31"))
                .post("/members/" + id + "/appointments").then().statusCode(400).body("errors[0].field", equalTo("termStart"));

        nominate(id, "council", "member", "2020-04-01", "2023-03-31");
        as(admin).body(term("council", "vice-chair", LocalDate.parse("2023-03-01"), LocalDate.parse("2024-03-31")))
                .post("/members/" + id + "/appointments").then().statusCode(409)
                .body("detail", containsString("overlaps the member's nominated appointment"));
        nominate(id, "council", "member", "2023-04-01", "2026-03-31");
        as(admin).body(term("council", "member", LocalDate.parse("2026-04-01"), LocalDate.parse("2029-03-31")))
                .post("/members/" + id + "/appointments").then().statusCode(422)
                .body("errors[0].field", equalTo("termStart"))
                .body("detail", equalTo("termStart would make 3 consecutive terms on the council; the senate allows at most 2"));
        // nothing was left behind by the refused nominations
        as(admin).get("/members/" + id + "/appointments").then().body("items", hasSize(2));
    }

    @Test
    void aSenateThatChangesItsRulesAppliesThemToTheNextNominationAndOnApproval() {
        String senate = senate("appt", Map.of("maxTermYears", 4, "maxConsecutiveTerms", 1, "councilSeats", 12));
        String id = member(senate, "Long Termer", "medicine", null);
        String first = nominate(id, "council", "member", "2024-04-01", "2028-03-31");
        String second = nominate(id, "council", "member", "2029-04-01", "2032-03-31");
        String etag = anonymous().get("/senates/" + senate).then().extract().header("ETag");
        as(Tokens.platformAdmin()).header("If-Match", etag).body(Map.of("name", "Test senate " + senate, "region", "Test",
                "coveredIcbs", List.of("QRL"), "activeFrom", "2020-04-01",
                "appointmentRules", Map.of("maxTermYears", 3, "maxConsecutiveTerms", 1, "councilSeats", 12)))
                .put("/senates/" + senate).then().statusCode(200);
        // approval checks the rules again: the 4-year term is now too long, the 3-year one is fine
        as(Tokens.senateAdmin(senate)).post("/appointments/" + first + "/approval").then().statusCode(422)
                .body("errors[0].field", equalTo("termEnd"));
        as(Tokens.senateAdmin(senate)).post("/appointments/" + second + "/approval").then().statusCode(200);
        as(Tokens.senateAdmin(senate)).body(term("council", "member", LocalDate.parse("2032-04-01"),
                LocalDate.parse("2033-03-31"))).post("/members/" + id + "/appointments").then().statusCode(422)
                .body("detail", containsString("would make 2 consecutive terms"));
    }

    @Test
    void aChairIsTheRegionalMedicalDirectorsDecisionAndACouncilHasOneAtATime() {
        String senate = senate("chair", null);
        String amara = member(senate, "Amara Okafor", "medicine", null);
        String peter = member(senate, "Peter Hughes", "nursing", null);
        String admin = Tokens.senateAdmin(senate);
        var chairTerm = term("council", "chair", TODAY.minusYears(1), TODAY.plusYears(1));
        as(admin).body(chairTerm).post("/members/" + amara + "/appointments").then().statusCode(403)
                .body("detail", containsString("regional Medical Director"));
        as(Tokens.senateChair(senate)).body(chairTerm).post("/members/" + amara + "/appointments").then().statusCode(403);
        String chair = as(Tokens.platformAdmin()).body(chairTerm).post("/members/" + amara + "/appointments").then()
                .statusCode(201).extract().path("id");
        as(admin).post("/appointments/" + chair + "/approval").then().statusCode(403);
        as(Tokens.platformAdmin()).post("/appointments/" + chair + "/approval").then().statusCode(200);
        as(admin).body(Map.of("outcome", "ended", "lastDay", day(TODAY))).post("/appointments/" + chair + "/ending")
                .then().statusCode(403);

        as(Tokens.platformAdmin()).body(term("council", "chair", TODAY.plusMonths(6), TODAY.plusYears(2)))
                .post("/members/" + peter + "/appointments").then().statusCode(409)
                .body("detail", containsString("one active chair"));
        // the next chair may follow the current one; a vice chair may sit beside them
        nominate(peter, "council", "chair", day(TODAY.plusYears(1).plusDays(1)), day(TODAY.plusYears(3)));
        appoint(peter, "council", "vice-chair", day(TODAY), day(TODAY.plusYears(1)));
    }

    @Test
    void twoRacingApprovalsCannotMakeTwoChairs() throws Exception {
        String senate = senate("race", null);
        List<String> nominations = new ArrayList<>();
        for (String name : List.of("First Racer", "Second Racer", "Third Racer", "Fourth Racer")) {
            String id = member(senate, name, "medicine", null);
            nominations.add(nominate(id, "council", "chair", day(TODAY), day(TODAY.plusYears(2))));
        }
        List<Integer> statuses = race(nominations.stream().<Callable<Integer>>map(appointment -> () -> as(
                Tokens.platformAdmin()).post("/appointments/" + appointment + "/approval").then().extract().statusCode())
                .toList());
        assertThat(statuses).containsOnly(200, 409).containsOnlyOnce(200);
        as(Tokens.platformAdmin()).get("/senates/" + senate + "/composition").then().statusCode(200)
                .body("byRole.chair", equalTo(1));
    }

    @Test
    void twoRacingNominationsCannotOverlap() throws Exception {
        String senate = senate("race", null);
        String id = member(senate, "Double Booked", "medicine", null);
        Callable<Integer> nominateOnce = () -> as(Tokens.senateAdmin(senate))
                .body(term("assembly", "member", TODAY, TODAY.plusYears(1)))
                .post("/members/" + id + "/appointments").then().extract().statusCode();
        List<Integer> statuses = race(List.of(nominateOnce, nominateOnce, nominateOnce));
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    }

    @Test
    void aMemberSeesTheirAppointmentsLatestTermFirstPageByPage() {
        String senate = senate("appt", null);
        String id = member(senate, "Page Turner", "medicine", null);
        String oldest = appoint(id, "council", "member", "2018-04-01", "2021-03-31");
        String pool = nominate(id, "expert-pool", "member", "2021-04-01", "2024-03-31");
        String latest = nominate(id, "council", "member", "2023-04-01", "2026-03-31");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = as(Tokens.member(id)).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/members/" + id + "/appointments").then().statusCode(200).extract();
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            assertThat(page.header("Link") != null).isEqualTo(cursor != null);
        } while (cursor != null);
        assertThat(ids).containsExactly(latest, pool, oldest);
        as(Tokens.senateAdmin(senate)).get("/members/" + id + "/appointments").then().statusCode(200)
                .body("items[2].status", equalTo("ended"));
    }

    @Test
    void aRetriedNominationWithTheSameKeyIsNotMadeTwice() {
        String senate = senate("appt", null);
        String id = member(senate, "Retry Later", "pharmacy", null);
        String other = member(senate, "Other Member", "pharmacy", null);
        String key = "nominate-" + UUID.randomUUID();
        var body = term("assembly", "member", TODAY, TODAY.plusYears(1));
        String admin = Tokens.senateAdmin(senate);
        String first = as(admin).header("Idempotency-Key", key).body(body).post("/members/" + id + "/appointments")
                .then().statusCode(201).extract().path("id");
        as(admin).header("Idempotency-Key", key).body(body).post("/members/" + id + "/appointments").then()
                .statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", endsWith("/appointments/" + first)).body("id", equalTo(first));
        // the same body for another member is another request
        as(admin).header("Idempotency-Key", key).body(body).post("/members/" + other + "/appointments").then()
                .statusCode(422).body("type", equalTo("urn:clinical-senate:problem:idempotency-key-reused"));
        as(admin).get("/members/" + id + "/appointments").then().body("items.id", contains(first));
    }

    @Test
    void onlyTheMemberAndTheirSenatesAdminsReachTheirAppointments() {
        String senate = senate("appt", null);
        String id = member(senate, "Private Person", "medicine", null);
        String appointment = nominate(id, "council", "member", day(TODAY), day(TODAY.plusYears(1)));
        var body = term("assembly", "member", TODAY, TODAY.plusYears(1));

        anonymous().get("/appointments/" + appointment).then().statusCode(401);
        anonymous().body(body).post("/members/" + id + "/appointments").then().statusCode(401);
        for (String outsider : List.of(Tokens.requester("QRL"), Tokens.assuranceViewer(), Tokens.service("review-service"))) {
            as(outsider).get("/appointments/" + appointment).then().statusCode(403);
            as(outsider).get("/members/" + id + "/appointments").then().statusCode(403);
            as(outsider).body(body).post("/members/" + id + "/appointments").then().statusCode(403);
            as(outsider).post("/appointments/" + appointment + "/approval").then().statusCode(403);
        }
        // a member cannot appoint or approve themself
        as(Tokens.member(id)).body(body).post("/members/" + id + "/appointments").then().statusCode(403);
        as(Tokens.member(id)).post("/appointments/" + appointment + "/approval").then().statusCode(403);
        // nor can an admin of the senate who is also that member; another admin can
        String selfAdmin = Tokens.of("admin-who-is-member", List.of("senate-admin"),
                Map.of("senates", List.of(senate), "member_id", id));
        as(selfAdmin).post("/appointments/" + appointment + "/approval").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("You may not approve an appointment of yourself: another admin of senate "
                        + senate + " or a platform-admin may"));
        as(Tokens.of("chair-who-is-member", List.of("senate-chair", "member"),
                Map.of("senates", List.of(senate), "member_id", id)))
                .post("/appointments/" + appointment + "/approval").then().statusCode(403);
        as(Tokens.of("platform-admin-who-is-member", List.of("platform-admin"), Map.of("member_id", id)))
                .post("/appointments/" + appointment + "/approval").then().statusCode(403);
        as(Tokens.senateAdmin(senate)).get("/appointments/" + appointment).then().statusCode(200)
                .body("status", equalTo("nominated"));
        // another member, another senate's admin: it does not exist for them to read, and they cannot change it
        String stranger = Tokens.member(UUID.randomUUID().toString());
        as(stranger).get("/appointments/" + appointment).then().statusCode(404);
        as(stranger).get("/members/" + id + "/appointments").then().statusCode(404);
        as(Tokens.senateAdmin("london")).get("/appointments/" + appointment).then().statusCode(404);
        as(Tokens.senateAdmin("london")).body(body).post("/members/" + id + "/appointments").then().statusCode(403);
        as(Tokens.senateAdmin("london")).post("/appointments/" + appointment + "/approval").then().statusCode(403);
        as(Tokens.senateAdmin("london")).body(Map.of("outcome", "ended", "lastDay", day(TODAY)))
                .post("/appointments/" + appointment + "/ending").then().statusCode(403);
        as(Tokens.platformAdmin()).get("/appointments/" + UUID.randomUUID()).then().statusCode(404);
        as(Tokens.platformAdmin()).body(body).post("/members/" + UUID.randomUUID() + "/appointments").then()
                .statusCode(404);
        as(Tokens.senateAdmin(senate)).get("/members/" + id + "/appointments").then().statusCode(200)
                .body("items.id", contains(appointment));
        as(Tokens.member(id)).get("/members/" + UUID.randomUUID() + "/appointments").then().statusCode(404);
        as(Tokens.platformAdmin()).get("/members/" + id + "/appointments").then().body("items", not(empty()));
    }

    /** Runs the calls at the same time; returns their HTTP statuses. */
    private static List<Integer> race(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}

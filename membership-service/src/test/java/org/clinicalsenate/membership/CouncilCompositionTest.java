package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.membership.MembershipRequests.appoint;
import static org.clinicalsenate.membership.MembershipRequests.member;
import static org.clinicalsenate.membership.MembershipRequests.nominate;
import static org.clinicalsenate.membership.MembershipRequests.senate;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CouncilCompositionTest {

    private static final LocalDate TODAY = LocalDate.now();

    private static String day(LocalDate date) {
        return date.toString();
    }

    @Test
    void theCouncilTodayByRoleAndProfessionWithVacanciesAndTermsEndingSoonButNoContactDetails() {
        String senate = senate("council", Map.of("maxTermYears", 3, "maxConsecutiveTerms", 2, "councilSeats", 6));
        String amara = member(senate, "Dr Amara Okafor", "medicine", "RHM");
        String peter = member(senate, "Peter Hughes", "patient-public-voice", null);
        String bea = member(senate, "bea Adams", "nursing", "R1F");
        String carl = member(senate, "Carl Diaz", "medicine", "RHM");
        String chair = appoint(amara, "council", "chair", day(TODAY.minusYears(1)), day(TODAY.plusYears(1)));
        String lay = appoint(peter, "council", "patient-public-member", day(TODAY.minusYears(2)), day(TODAY.plusDays(30)));
        String resigning = appoint(bea, "council", "member", day(TODAY.minusYears(1)), day(TODAY.plusYears(1)));
        as(Tokens.senateAdmin(senate)).body(Map.of("outcome", "resigned", "lastDay", day(TODAY.plusDays(60))))
                .post("/appointments/" + resigning + "/ending").then().statusCode(200);
        String member = appoint(carl, "council", "member", day(TODAY.minusMonths(6)), day(TODAY.plusYears(2)));
        // not on the council today: a nomination, another body, a past term and a future one
        nominate(member(senate, "Dan Nominee", "allied-health", null), "council", "member", day(TODAY), day(TODAY.plusYears(1)));
        appoint(member(senate, "Eve Assembly", "pharmacy", null), "assembly", "member", day(TODAY), day(TODAY.plusYears(1)));
        appoint(member(senate, "Fay Former", "medicine", null), "council", "member", day(TODAY.minusYears(3)), day(TODAY.minusDays(1)));
        appoint(member(senate, "Gus Future", "social-care", null), "council", "member", day(TODAY.plusDays(1)), day(TODAY.plusYears(1)));

        var composition = as(Tokens.senateAdmin(senate)).get("/senates/" + senate + "/composition").then().statusCode(200)
                .body("senate", equalTo(senate))
                .body("asOf", equalTo(day(TODAY)))
                .body("seats", equalTo(6))
                .body("memberCount", equalTo(4))
                .body("vacancies", equalTo(2))
                .body("chairVacant", equalTo(false))
                .body("patientPublicMembers", equalTo(1))
                .body("patientPublicMembersBelowMinimum", equalTo(true))
                .body("byRole", equalTo(Map.of("chair", 1, "member", 2, "patient-public-member", 1)))
                .body("byProfession", equalTo(Map.of("medicine", 2, "nursing", 1, "patient-public-voice", 1)))
                .body("members.appointmentId", contains(chair, resigning, member, lay))
                .body("members.memberId", contains(amara, bea, carl, peter))
                .body("members.role", contains("chair", "member", "member", "patient-public-member"))
                .body("members[0].name", equalTo("Dr Amara Okafor"))
                .body("members[0].profession", equalTo("medicine"))
                .body("termsEndingSoon.appointmentId", contains(lay, resigning))
                // a resignation shows the last day of service
                .body("termsEndingSoon[1].termEnd", equalTo(day(TODAY.plusDays(60))))
                .extract().asString();
        assertThat(composition).doesNotContain("@").doesNotContain("email");
    }

    @Test
    void anEmptyCouncilHasEverySeatVacantAndIsFlagged() {
        String senate = senate("council", null);
        as(Tokens.assuranceViewer()).get("/senates/" + senate + "/composition").then().statusCode(200)
                .body("seats", equalTo(20))
                .body("memberCount", equalTo(0))
                .body("vacancies", equalTo(20))
                .body("chairVacant", equalTo(true))
                .body("patientPublicMembers", equalTo(0))
                .body("patientPublicMembersBelowMinimum", equalTo(true))
                .body("byRole", anEmptyMap())
                .body("byProfession", anEmptyMap())
                .body("members", empty())
                .body("termsEndingSoon", empty());
    }

    @Test
    void readByItsSenatesAdminsAndChairsAssuranceAndPlatformAdminsOnly() {
        String senate = senate("council", null);
        String path = "/senates/" + senate + "/composition";
        as(Tokens.senateAdmin(senate)).get(path).then().statusCode(200);
        as(Tokens.senateChair(senate)).get(path).then().statusCode(200);
        as(Tokens.assuranceViewer()).get(path).then().statusCode(200);
        as(Tokens.platformAdmin()).get(path).then().statusCode(200);

        anonymous().get(path).then().statusCode(401);
        as(Tokens.senateAdmin("london")).get(path).then().statusCode(403)
                .body("detail", equalTo("Your token does not give access to senate " + senate));
        as(Tokens.requester("QRL")).get(path).then().statusCode(403);
        as(Tokens.member(UUID.randomUUID().toString())).get(path).then().statusCode(403);
        as(Tokens.service("review-service")).get(path).then().statusCode(403);
        as(Tokens.platformAdmin()).get("/senates/atlantis/composition").then().statusCode(404);
        invalid(as(Tokens.platformAdmin())).get("/senates/Not_A_Slug/composition").then().statusCode(400);
    }
}

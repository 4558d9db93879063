package org.clinicalsenate.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicalsenate.testing.Api.anonymous;
import static org.clinicalsenate.testing.Api.as;
import static org.clinicalsenate.testing.Api.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clinicalsenate.commons.time.Clocks;
import org.clinicalsenate.membership.domain.PublishedRegister;
import org.clinicalsenate.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class RegisterApiTest {

    private static final String REVIEW_NOTE = "Discussed with the Medical Director in confidence";

    @Inject
    MembershipFixtures fixtures;
    LocalDate today;

    @BeforeEach
    void setUp() {
        today = LocalDate.now(Clocks.ENGLAND);
    }

    /**
     * A council of four (one of whom also holds a second council role), an assembly member and a
     * former council member, with published, withheld, pending, recently and long ended
     * declarations and a nil return. Returns the ids of everyone in it.
     */
    private List<UUID> council(String senate) {
        fixtures.endedSenate(senate);
        UUID round = fixtures.round(senate, 2026, LocalDate.of(2026, 12, 31));
        UUID olderRound = fixtures.round(senate, 2025, LocalDate.of(2025, 12, 31));
        LocalDate from = today.minusYears(1);
        LocalDate to = today.plusYears(1);

        UUID chair = fixtures.member(senate, "Dr Amara Okafor", "medicine", "RHM");
        fixtures.professionalTitle(chair, "Consultant Stroke Physician");
        fixtures.appointment(chair, senate, "council", "chair", from, to);
        UUID advisory = fixtures.declaration(chair, senate, round, "financial", "RHM", today.minusMonths(3), null, "published");
        fixtures.describe(advisory, "Paid advisory work, \"stroke\" pathway\nredesign", null);
        fixtures.managementAction(advisory, "restrict-participation", "Does not vote on items about RHM", REVIEW_NOTE);
        // ended exactly six months ago: still shown; a day earlier: gone
        fixtures.declaration(chair, senate, round, "non-financial-professional", "RSX", today.minusYears(2),
                PublishedRegister.showsInterestsEndedFrom(today), "published");
        fixtures.declaration(chair, senate, round, "financial", "ROL", today.minusYears(2),
                PublishedRegister.showsInterestsEndedFrom(today).minusDays(1), "published");
        fixtures.declaration(chair, senate, round, "financial", "RWD", today.minusMonths(2), null, "withheld");
        fixtures.declaration(chair, senate, round, "financial", "RPN", today.minusMonths(1), null, "pending");

        UUID viceChair = fixtures.member(senate, "Brenda Clarke", "nursing", "R1C");
        fixtures.appointment(viceChair, senate, "council", "member", from, to);
        fixtures.appointment(viceChair, senate, "council", "vice-chair", today.minusMonths(1), to);
        fixtures.nilReturn(viceChair, senate, round);

        UUID lay = fixtures.member(senate, "Peter Hughes", "patient-public-voice", null);
        fixtures.appointment(lay, senate, "council", "patient-public-member", from, to);

        UUID lastYear = fixtures.member(senate, "Zoe Adams", "allied-health", "R1F");
        fixtures.appointment(lastYear, senate, "council", "member", from, to);
        UUID formula = fixtures.declaration(lastYear, senate, olderRound, "non-financial-personal", null,
                today.minusYears(1), null, "published");
        fixtures.describe(formula, "=HYPERLINK(\"http://evil.example\",\"Trustee\")", null);

        UUID assembly = fixtures.member(senate, "Ian Assembly", "pharmacy", "RAS");
        fixtures.appointment(assembly, senate, "assembly", "member", from, to);
        fixtures.declaration(assembly, senate, round, "financial", "RAS", today.minusMonths(3), null, "published");

        UUID former = fixtures.member(senate, "Olivia Former", "dentistry", "RFM");
        fixtures.appointment(former, senate, "council", "member", today.minusYears(3), today.minusDays(1));
        fixtures.declaration(former, senate, round, "financial", "RFM", today.minusMonths(3), null, "published");
        return List.of(chair, viceChair, lay, lastYear, assembly, former);
    }

    @Test
    void theCouncilWithItsPublishedDeclarationsIsPublicInRoleThenNameOrder() {
        council("register-json");

        anonymous().get("/senates/register-json/register").then().statusCode(200)
                .contentType("application/json")
                .body("senate", equalTo("register-json"))
                .body("senateName", equalTo("Senate register-json"))
                .body("asOf", equalTo(today.toString()))
                .body("round.year", equalTo(2026)).body("round.dueDate", equalTo("2026-12-31"))
                .body("decisionMakers.name", contains("Dr Amara Okafor", "Brenda Clarke", "Peter Hughes", "Zoe Adams"))
                .body("decisionMakers.role", contains("chair", "vice-chair", "patient-public-member", "member"))
                .body("decisionMakers.profession", contains("medicine", "nursing", "patient-public-voice", "allied-health"))
                .body("decisionMakers.returnStatus", contains("declared", "nil-return", "none", "none"))
                .body("decisionMakers[0].professionalTitle", equalTo("Consultant Stroke Physician"))
                // earliest interest first; withheld, pending and long-ended ones are not published
                .body("decisionMakers[0].declarations.counterparty.odsCode", contains("RSX", "RHM"))
                .body("decisionMakers[0].declarations[0].interestEnd",
                        equalTo(PublishedRegister.showsInterestsEndedFrom(today).toString()))
                .body("decisionMakers[0].declarations[0].managementAction", nullValue())
                .body("decisionMakers[0].declarations[1].category", equalTo("financial"))
                .body("decisionMakers[0].declarations[1].description", equalTo("Paid advisory work, \"stroke\" pathway\nredesign"))
                .body("decisionMakers[0].declarations[1].counterparty.name", equalTo("Organisation RHM"))
                .body("decisionMakers[0].declarations[1].interestStart", equalTo(today.minusMonths(3).toString()))
                .body("decisionMakers[0].declarations[1].declaredOn", equalTo(today.toString()))
                .body("decisionMakers[0].declarations[1].managementAction.action", equalTo("restrict-participation"))
                .body("decisionMakers[0].declarations[1].managementAction.detail", equalTo("Does not vote on items about RHM"))
                .body("decisionMakers[1].declarations", empty())
                .body("decisionMakers[3].declarations.category", contains("non-financial-personal"))
                .body("noDeclaration.name", contains("Peter Hughes", "Zoe Adams"))
                .body("noDeclaration.role", contains("patient-public-member", "member"));
    }

    @Test
    void nothingPrivateIsEverPublishedWhoeverAsks() {
        List<UUID> people = council("register-private");
        for (var spec : List.of(anonymous(), as(Tokens.platformAdmin()), as(Tokens.senateAdmin("register-private")),
                as(Tokens.requester("QRL")))) {
            String json = spec.get("/senates/register-private/register").then().statusCode(200).extract().asString();
            String csv = new String(spec.accept("text/csv").get("/senates/register-private/register").then()
                    .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
            for (String body : List.of(json, csv)) {
                assertThat(body).contains("Dr Amara Okafor")
                        .doesNotContain("@nhs.example", REVIEW_NOTE, "Fixture reason")
                        .doesNotContain("RWD", "RPN", "ROL") // withheld, pending, ended over six months ago
                        .doesNotContain("Ian Assembly", "RAS", "Olivia Former", "RFM"); // not on the council today
                people.forEach(id -> assertThat(body).doesNotContain(id.toString()));
            }
        }
    }

    @Test
    void theCsvIsASpreadsheetOfTheSameRegister() {
        council("register-csv");

        ExtractableResponse<Response> response = anonymous().accept("text/csv").get("/senates/register-csv/register")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"register-csv-register-" + today + ".csv\""))
                .extract();
        byte[] bytes = response.asByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).contains("\r\n").endsWith("\r\n");

        List<List<String>> rows = parseCsv(text);
        assertThat(rows.get(0)).containsExactly("Name", "Title", "Role", "Profession", "Return this round", "Category",
                "Description", "Organisation ODS code", "Organisation", "Relationship", "Interest from", "Interest to",
                "Declared on", "Action taken", "Action detail");
        assertThat(rows).hasSize(6).allSatisfy(row -> assertThat(row).hasSize(15));
        assertThat(rows.subList(1, 6)).extracting(row -> row.get(0)).containsExactly("Dr Amara Okafor", "Dr Amara Okafor",
                "Brenda Clarke", "Peter Hughes", "Zoe Adams");
        assertThat(rows.get(2)).containsExactly("Dr Amara Okafor", "Consultant Stroke Physician", "chair", "medicine",
                "declared", "financial", "Paid advisory work, \"stroke\" pathway\nredesign", "RHM", "Organisation RHM", "",
                today.minusMonths(3).toString(), "", today.toString(), "restrict-participation",
                "Does not vote on items about RHM");
        // a decision-maker without a published declaration still has a row
        assertThat(rows.get(3)).containsExactly("Brenda Clarke", "", "vice-chair", "nursing", "nil-return", "", "", "", "",
                "", "", "", "", "", "");
        // a spreadsheet would run this as a formula: the apostrophe makes it text
        assertThat(rows.get(5).get(6)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"Trustee\")");

        // the same spreadsheet at its own address, for a plain link and for generated clients
        anonymous().accept("*/*").get("/senates/register-csv/register.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"register-csv-register-" + today + ".csv\""))
                .body(equalTo(new String(bytes, StandardCharsets.UTF_8)));
        anonymous().accept("*/*").get("/senates/atlantis/register.csv").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void beforeAFirstRoundADecisionMakerHasDeclaredWhenTheyDeclaredAnything() {
        fixtures.endedSenate("register-no-round");
        UUID declared = fixtures.member("register-no-round", "Anna Declared", "medicine", "RHM");
        fixtures.appointment(declared, "register-no-round", "council", "member", today.minusYears(1), today.plusYears(1));
        fixtures.declaration(declared, "register-no-round", null, "financial", "RHM", today.minusMonths(1), null, "pending");
        UUID silent = fixtures.member("register-no-round", "Bob Silent", "nursing", null);
        fixtures.appointment(silent, "register-no-round", "council", "member", today.minusYears(1), today.plusYears(1));

        anonymous().get("/senates/register-no-round/register").then().statusCode(200)
                .body("round", nullValue())
                .body("decisionMakers.name", contains("Anna Declared", "Bob Silent"))
                .body("decisionMakers.returnStatus", contains("declared", "none"))
                .body("decisionMakers[0].declarations", empty())
                .body("noDeclaration.name", contains("Bob Silent"));
    }

    @Test
    void anAmendedDeclarationStaysOnTheRegisterAsLastPublishedUntilTheAmendmentIsReviewed() {
        String senate = fixtures.senate("register-amend");
        UUID member = fixtures.member(senate, "Carol Amends", "medicine", "RHM");
        fixtures.appointment(member, senate, "council", "member", today.minusYears(1), today.plusYears(1));
        String token = Tokens.member(member.toString());
        String admin = Tokens.senateAdmin(senate);
        String id = Declarations.declare(token, member, Declarations.financialInterest("RHM", today.minusDays(40)));
        as(admin).header("If-Match", Declarations.etag(admin, id)).body(Map.of("managementAction",
                Map.of("action", "restrict-participation", "detail", "No votes on RHM"), "publication", "published"))
                .put("/declarations/" + id + "/review").then().statusCode(200);

        Map<String, Object> amended = Declarations.financialInterest("RHM", today.minusDays(40));
        amended.put("description", "Paid advisory work for RHM, now two sessions");
        as(token).header("If-Match", Declarations.etag(token, id)).body(amended).put("/declarations/" + id).then()
                .statusCode(200).body("review.publication", equalTo("pending")).body("late", equalTo(true));

        // the public still sees what was published, with the action decided for it
        anonymous().get("/senates/" + senate + "/register").then().statusCode(200)
                .body("decisionMakers[0].declarations.description", contains("Paid advisory work for RHM"))
                .body("decisionMakers[0].declarations[0].managementAction.action", equalTo("restrict-participation"));

        as(admin).header("If-Match", Declarations.etag(admin, id)).body(Map.of("managementAction",
                Map.of("action", "none-required"), "publication", "published"))
                .put("/declarations/" + id + "/review").then().statusCode(200);
        anonymous().get("/senates/" + senate + "/register").then().statusCode(200)
                .body("decisionMakers[0].declarations.description", contains("Paid advisory work for RHM, now two sessions"))
                .body("decisionMakers[0].declarations[0].managementAction.action", equalTo("none-required"));

        // withholding the next amendment takes the declaration off the register
        as(token).header("If-Match", Declarations.etag(token, id)).body(amended).put("/declarations/" + id).then()
                .statusCode(200);
        as(admin).header("If-Match", Declarations.etag(admin, id)).body(Map.of("managementAction",
                Map.of("action", "none-required"), "publication", "withheld", "withheldReason", "Safeguarding"))
                .put("/declarations/" + id + "/review").then().statusCode(200);
        anonymous().get("/senates/" + senate + "/register").then().statusCode(200)
                .body("decisionMakers[0].declarations", empty());
    }

    @Test
    void aSenateWithoutACouncilHasAnEmptyRegister() {
        fixtures.endedSenate("register-empty");
        anonymous().get("/senates/register-empty/register").then().statusCode(200)
                .body("decisionMakers", empty()).body("noDeclaration", empty());
    }

    @Test
    void jsonUnlessCsvIsAskedForAndNothingElse() {
        fixtures.endedSenate("register-accept");
        var json = anonymous().accept("*/*").get("/senates/register-accept/register").then().statusCode(200)
                .contentType("application/json").extract();
        // caches must key on Accept, and say so once
        org.assertj.core.api.Assertions.assertThat(json.headers().getValues("Vary")).containsExactly("Accept");
        anonymous().accept("text/*").get("/senates/register-accept/register").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        anonymous().accept("text/csv;q=0.5, application/json").get("/senates/register-accept/register").then()
                .statusCode(200).contentType("application/json");
        invalid(anonymous()).accept("application/xml").get("/senates/register-accept/register").then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:clinical-senate:problem:not-acceptable"));
    }

    @Test
    void anUnknownSenateIsNotFoundAndABadSlugIsInvalid() {
        anonymous().get("/senates/atlantis/register").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No senate with slug 'atlantis'"));
        anonymous().accept("text/csv").get("/senates/atlantis/register").then().statusCode(404)
                .contentType("application/problem+json");
        invalid(anonymous()).get("/senates/Not_A_Slug/register").then().statusCode(400)
                .body("errors[0].field", equalTo("slug"));
    }

    /** RFC 4180: fields separated by commas, rows by CRLF; a quoted field may hold commas, quotes ("") and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}

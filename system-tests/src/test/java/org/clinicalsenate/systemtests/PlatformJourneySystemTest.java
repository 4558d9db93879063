package org.clinicalsenate.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.clinicalsenate.client.membership.api.AppointmentsApi;
import org.clinicalsenate.client.membership.api.ConflictChecksApi;
import org.clinicalsenate.client.membership.api.DeclarationsApi;
import org.clinicalsenate.client.membership.api.MeetingDeclarationsApi;
import org.clinicalsenate.client.membership.api.MembersApi;
import org.clinicalsenate.client.membership.api.RegisterApi;
import org.clinicalsenate.client.membership.api.SenatesApi;
import org.clinicalsenate.client.membership.model.AppointmentBody;
import org.clinicalsenate.client.membership.model.AppointmentCreate;
import org.clinicalsenate.client.membership.model.AppointmentRole;
import org.clinicalsenate.client.membership.model.ConflictCheckRequest;
import org.clinicalsenate.client.membership.model.Counterparty;
import org.clinicalsenate.client.membership.model.DecisionMaker;
import org.clinicalsenate.client.membership.model.Declaration;
import org.clinicalsenate.client.membership.model.DeclarationCreate;
import org.clinicalsenate.client.membership.model.DeclarationReviewUpdate;
import org.clinicalsenate.client.membership.model.Employer;
import org.clinicalsenate.client.membership.model.InterestCategory;
import org.clinicalsenate.client.membership.model.ManagementAction;
import org.clinicalsenate.client.membership.model.ManagementActionKind;
import org.clinicalsenate.client.membership.model.Member;
import org.clinicalsenate.client.membership.model.MemberConflicts;
import org.clinicalsenate.client.membership.model.MemberCreate;
import org.clinicalsenate.client.membership.model.PublicationDecision;
import org.clinicalsenate.client.membership.model.Register;
import org.clinicalsenate.client.membership.model.RegisterEntry;
import org.clinicalsenate.client.membership.model.Senate;
import org.clinicalsenate.client.membership.model.SenateCreate;
import org.clinicalsenate.client.notification.api.AuditApi;
import org.clinicalsenate.client.notification.api.EventsApi;
import org.clinicalsenate.client.notification.model.ReceivedEvent;
import org.clinicalsenate.client.review.api.AdviceRequestsApi;
import org.clinicalsenate.client.review.api.AssuranceStatisticsApi;
import org.clinicalsenate.client.review.api.EvidenceApi;
import org.clinicalsenate.client.review.api.ExpertReviewPanelApi;
import org.clinicalsenate.client.review.api.MeetingsApi;
import org.clinicalsenate.client.review.api.PublicAdviceAndReviewLogApi;
import org.clinicalsenate.client.review.api.ReportApi;
import org.clinicalsenate.client.review.api.TermsOfReferenceApi;
import org.clinicalsenate.client.review.model.AdviceRequest;
import org.clinicalsenate.client.review.model.AdviceRequestCreate;
import org.clinicalsenate.client.review.model.AdviceRequestKind;
import org.clinicalsenate.client.review.model.AdviceRequestTriage;
import org.clinicalsenate.client.review.model.AttendanceUpdate;
import org.clinicalsenate.client.review.model.ConsentDecision;
import org.clinicalsenate.client.review.model.DeclarationAtMeetingCreate;
import org.clinicalsenate.client.review.model.EndorsementCreate;
import org.clinicalsenate.client.review.model.EndorsementDecision;
import org.clinicalsenate.client.review.model.EvidenceCreate;
import org.clinicalsenate.client.review.model.EvidenceStrength;
import org.clinicalsenate.client.review.model.FactualAccuracyAnswerCreate;
import org.clinicalsenate.client.review.model.FactualAccuracyAnswerOutcome;
import org.clinicalsenate.client.review.model.FactualAccuracyCheckStart;
import org.clinicalsenate.client.review.model.FactualAccuracyCommentCreate;
import org.clinicalsenate.client.review.model.MeetingAction;
import org.clinicalsenate.client.review.model.MeetingCreate;
import org.clinicalsenate.client.review.model.OrganisationType;
import org.clinicalsenate.client.review.model.PanelMemberCreate;
import org.clinicalsenate.client.review.model.PanelRole;
import org.clinicalsenate.client.review.model.ProposalStage;
import org.clinicalsenate.client.review.model.PublicationConsentCreate;
import org.clinicalsenate.client.review.model.RecommendationDraft;
import org.clinicalsenate.client.review.model.RecommendationPriority;
import org.clinicalsenate.client.review.model.RecommendationResponse;
import org.clinicalsenate.client.review.model.RecommendationResponseValue;
import org.clinicalsenate.client.review.model.ReportDraft;
import org.clinicalsenate.client.review.model.ReportIssueCreate;
import org.clinicalsenate.client.review.model.RequesterContact;
import org.clinicalsenate.client.review.model.ReviewClosure;
import org.clinicalsenate.client.review.model.ReviewMethod;
import org.clinicalsenate.client.review.model.ReviewTimeline;
import org.clinicalsenate.client.review.model.ServiceChangeTest;
import org.clinicalsenate.client.review.model.SponsorResponseCreate;
import org.clinicalsenate.client.review.model.TermsOfReferenceDraft;
import org.clinicalsenate.client.review.model.TermsOfReferenceSignOff;
import org.clinicalsenate.client.review.model.TestAssessment;
import org.clinicalsenate.client.review.model.TestAssessmentOutcome;
import org.clinicalsenate.client.review.model.TriageDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end, as integrators see it: the packaged services, tokens from a
 * real Keycloak, calls through the published Java client.
 */
@ExtendWith(KeycloakExtension.class)
class PlatformJourneySystemTest {

    private static KeycloakServer keycloak;
    private static Platform platform;

    @BeforeAll
    static void start(KeycloakServer server) {
        keycloak = server;
        platform = Platform.start(keycloak);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aPlatformAdminCreatesASenateThatEveryoneCanRead() throws Exception {
        SenatesApi senates = new SenatesApi(membership());
        SenateCreate northCumbria = new SenateCreate()
                .slug("journey-senate").name("Journey Clinical Senate").region("North East and Yorkshire")
                .coveredIcbs(Set.of("QHM")).activeFrom(LocalDate.of(2026, 4, 1)).predecessors(Set.of("northern-england"));

        Senate created = senates.createSenate(northCumbria, bearer(Tokens.user(keycloak, "admin")));
        assertThat(created.getSlug()).isEqualTo("journey-senate");

        Senate read = senates.getSenate("journey-senate");
        assertThat(read.getPredecessors()).containsExactly("northern-england");
        assertThat(read.getCoveredIcbs()).containsExactly("QHM");

        // a senate-admin is not allowed to create senates
        assertThatThrownBy(() -> senates.createSenate(northCumbria.slug("another"),
                bearer(Tokens.user(keycloak, "southeast-admin"))))
                .hasFieldOrPropertyWithValue("code", 403);
    }

    @Test
    void aRequesterSubmitsAdviceRequestAndTheEventReachesNotificationWithAServiceToken() throws Exception {
        AdviceRequestsApi requests = new AdviceRequestsApi(review());
        Map<String, String> requester = bearer(Tokens.user(keycloak, "hiow-requester"));
        AdviceRequestCreate create = new AdviceRequestCreate()
                .senate("south-east").requestingOrganisation("QRL").kind(AdviceRequestKind.CLINICAL_REVIEW)
                .title("Reconfiguration of acute stroke services in Hampshire and the Isle of Wight")
                .question("Is the proposed model of two hyper-acute stroke units clinically sound?")
                .requestingOrganisationType(OrganisationType.ICB)
                .areaUnderReview(Set.of("QRL"))
                .organisationsInScope(Set.of("RHM", "RN5"))
                .proposalStage(ProposalStage.PRE_CONSULTATION_BUSINESS_CASE)
                .neededBy(LocalDate.now().plusMonths(6))
                .requesterContact(new RequesterContact().name("Priya Shah").email("priya.shah@example.nhs.uk"));

        String key = UUID.randomUUID().toString();
        AdviceRequest submitted = requests.createAdviceRequest(create, key, requester);
        assertThat(submitted.getStatus()).isEqualTo("received");
        // a retry with the same Idempotency-Key is the same request
        assertThat(requests.createAdviceRequest(create, key, requester).getId()).isEqualTo(submitted.getId());
        // a requester cannot submit for another organisation
        assertThatThrownBy(() -> requests.createAdviceRequest(create.requestingOrganisation("QMF"), null, requester))
                .hasFieldOrPropertyWithValue("code", 403);

        // review-service asked membership-service whether the senate is active: an unknown one is refused
        assertThatThrownBy(() -> requests.createAdviceRequest(create.requestingOrganisation("QRL").senate("no-such-senate"),
                null, requester)).hasFieldOrPropertyWithValue("code", 422);

        // the senate's admin accepts it, naming the lead: a member of the senate, as membership-service knows
        Map<String, String> southEastAdmin = bearer(Tokens.user(keycloak, "southeast-admin"));
        UUID lead = new MembersApi(membership()).createMember(new MemberCreate().senate("south-east")
                .name("Dr Journey Lead").profession("medicine").email("journey.lead@nhs.example"),
                UUID.randomUUID().toString(), southEastAdmin).getId();
        AdviceRequest accepted = requests.triageAdviceRequest(submitted.getId(),
                new AdviceRequestTriage().decision(TriageDecision.ACCEPT).lead(lead), null, southEastAdmin);
        assertThat(accepted.getStatus()).isEqualTo("accepted");
        assertThat(accepted.getTriage().getLead()).isEqualTo(lead);

        Map<String, String> admin = bearer(Tokens.user(keycloak, "admin"));
        ReceivedEvent event = awaitEvent(submitted.getId().toString(), admin);
        assertThat(event.getEvent().getSource()).isEqualTo("/review-service");
        assertThat(event.getEvent().getData()).containsEntry("senate", "south-east")
                .containsEntry("requestingOrganisation", "QRL");
        assertThat(event.getDeliveries()).isEqualTo(1);

        // delivered by review-service itself, with its client-credentials token from Keycloak
        String reviewServiceAccount = Tokens.claims(Tokens.service(keycloak, "review-service")).get("sub").asText();
        var audit = new AuditApi(notification())
                .listAuditEntries("event", event.getEvent().getId(), null, 10, null, admin);
        assertThat(audit.getItems()).singleElement()
                .satisfies(entry -> assertThat(entry.getActor()).isEqualTo(reviewServiceAccount));
    }

    @Test
    void aReviewIsCarriedFromTermsToClosureAndIsPublicAndCountedByTheAssuranceStatistics() throws Exception {
        Map<String, String> requester = bearer(Tokens.user(keycloak, "hiow-requester"));
        Map<String, String> southEastAdmin = bearer(Tokens.user(keycloak, "southeast-admin"));
        Map<String, String> admin = bearer(Tokens.user(keycloak, "admin"));
        AdviceRequestsApi requests = new AdviceRequestsApi(review());
        UUID id = requests.createAdviceRequest(new AdviceRequestCreate()
                .senate("south-east").requestingOrganisation("QRL").requestingOrganisationType(OrganisationType.ICB)
                .kind(AdviceRequestKind.CLINICAL_REVIEW).title("Maternity services in Hampshire")
                .question("Is a single obstetric unit for the county safe?").areaUnderReview(Set.of("QRL"))
                .organisationsInScope(Set.of("RHM", "RN5")).proposalStage(ProposalStage.OPTIONS_APPRAISAL)
                .neededBy(LocalDate.now().plusMonths(6))
                .requesterContact(new RequesterContact().name("Priya Shah").email("priya.shah@example.nhs.uk")),
                UUID.randomUUID().toString(), requester).getId();
        MembersApi members = new MembersApi(membership());
        UUID lead = members.createMember(new MemberCreate().senate("south-east").name("Dr Maternity Lead")
                .profession("midwifery").email("maternity.lead@nhs.example"), UUID.randomUUID().toString(),
                southEastAdmin).getId();
        requests.triageAdviceRequest(id, new AdviceRequestTriage().decision(TriageDecision.ACCEPT).lead(lead), null,
                southEastAdmin);

        // the senate drafts the terms, the sponsor agrees the version it read, the council signs them off
        TermsOfReferenceApi terms = new TermsOfReferenceApi(review());
        String drafted = terms.draftTermsOfReferenceWithHttpInfo(id, new TermsOfReferenceDraft()
                .scope("Maternity and neonatal services in Hampshire").questions(List.of("Is a single unit safe?"))
                .methods(Set.of(ReviewMethod.PANEL_MEETING, ReviewMethod.SITE_VISITS))
                .serviceChangeTests(Set.of(ServiceChangeTest.TEST_3_CLINICAL_EVIDENCE_BASE)).bedsClose(false)
                .timeline(new ReviewTimeline().panelDates(List.of(LocalDate.now().plusMonths(1)))), null,
                southEastAdmin).getHeaders().get("etag").get(0);
        String agreed = terms.agreeTermsOfReferenceWithHttpInfo(id, drafted, requester).getHeaders().get("etag").get(0);
        assertThat(terms.signOffTermsOfReference(id, agreed, new TermsOfReferenceSignOff()
                .councilMeetingDate(LocalDate.now()), admin).getStatus()).isEqualTo("signed-off");
        assertThat(requests.getAdviceRequest(id, requester).getStatus()).isEqualTo("terms-agreed");

        // membership's conflict check refuses a reviewer employed by a trust in scope, with its reason
        ExpertReviewPanelApi panel = new ExpertReviewPanelApi(review());
        UUID conflicted = members.createMember(new MemberCreate().senate("london").name("Dr Conflicted")
                .profession("medicine").email("conflicted@nhs.example")
                .employer(new Employer().odsCode("RHM").name("University Hospital Southampton").icb("QRL")),
                UUID.randomUUID().toString(), admin).getId();
        assertThatThrownBy(() -> panel.addPanelMember(id, new PanelMemberCreate().memberId(conflicted)
                .role(PanelRole.MEMBER), southEastAdmin))
                .hasFieldOrPropertyWithValue("code", 409)
                .satisfies(e -> assertThat(((org.clinicalsenate.client.review.ApiException) e).getResponseBody())
                        .contains("CONFLICTED").contains("RHM"));
        // and clears a reviewer from out of area
        UUID outOfArea = members.createMember(new MemberCreate().senate("london").name("Dr Out Of Area")
                .profession("medicine").email("out.of.area@nhs.example")
                .employer(new Employer().odsCode("RJ1").name("Guy's and St Thomas'").icb("QKK")),
                UUID.randomUUID().toString(), admin).getId();
        var added = panel.addPanelMember(id, new PanelMemberCreate().memberId(outOfArea).role(PanelRole.CHAIR),
                southEastAdmin);
        assertThat(added.getClearance().getOutcome()).isEqualTo("CLEAR");
        assertThat(panel.getPanel(id, requester).getMembers()).extracting(m -> m.getName())
                .containsExactly("Dr Out Of Area");

        // the panel is completed from out of area and formed; at its first meeting a declaration is
        // made, which review-service records in membership under the meeting's id
        for (String name : List.of("Dr Two", "Dr Three", "Dr Four", "Patient Voice")) {
            UUID reviewer = members.createMember(new MemberCreate().senate("london").name(name)
                    .profession(name.startsWith("Patient") ? "patient-public-voice" : "medicine")
                    .email(name.toLowerCase().replace(' ', '.') + "@nhs.example"), UUID.randomUUID().toString(), admin)
                    .getId();
            panel.addPanelMember(id, new PanelMemberCreate().memberId(reviewer).role(PanelRole.MEMBER), southEastAdmin);
        }
        assertThat(panel.formPanel(id, southEastAdmin).getFormed()).isTrue();
        MeetingsApi meetings = new MeetingsApi(review());
        var meeting = meetings.scheduleMeeting(id, new MeetingCreate().kind("panel-meeting")
                .startsAt(OffsetDateTime.now(ZoneOffset.UTC)).place("Online")
                .agenda(List.of("1. Declarations of interest", "2. Options appraisal")), southEastAdmin);
        assertThat(meeting.getParticipants()).hasSize(5).allSatisfy(p -> assertThat(p.getBarred()).isFalse());
        var declared = meetings.recordDeclarationAtMeeting(id, meeting.getId(), new DeclarationAtMeetingCreate()
                .memberId(outOfArea).interest("Honorary lecturer at the University of Southampton")
                .action(MeetingAction.NONE).agendaItem("2. Options appraisal"), southEastAdmin);
        var inMembership = new MeetingDeclarationsApi(membership()).listMemberMeetingDeclarations(outOfArea, 20, null,
                admin).getItems();
        assertThat(inMembership).singleElement().satisfies(record -> {
            assertThat(record.getId()).isEqualTo(declared.getId());
            assertThat(record.getMeetingRef()).isEqualTo(meeting.getId().toString());
            assertThat(record.getSenate()).isEqualTo("south-east");
            assertThat(record.getInterest()).isEqualTo("Honorary lecturer at the University of Southampton");
        });

        // the panel met and received evidence; its report goes to the sponsor for factual accuracy
        for (var participant : meeting.getParticipants()) {
            meetings.recordAttendance(id, meeting.getId(), new AttendanceUpdate().memberId(participant.getMemberId())
                    .attendance(AttendanceUpdate.AttendanceEnum.ATTENDED), southEastAdmin);
        }
        new EvidenceApi(review()).addEvidence(id, new EvidenceCreate().title("Options appraisal")
                .kind("pre-consultation-business-case").providedBy("QRL").providedOn(LocalDate.now())
                .link("https://documents.example.nhs.uk/maternity/options.pdf")
                .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"), requester);
        ReportApi report = new ReportApi(review());
        var draft = report.draftReport(id, new ReportDraft().executiveSummary("A single obstetric unit is safe if the"
                + " midwife-led units are kept.").background("Three units today.").method("Two panel meetings.")
                .findings("Transfers are the main risk.")
                .recommendations(List.of(new RecommendationDraft().text("Fund a 24-hour transfer service.")
                        .theme("patient-pathways").priority(RecommendationPriority.HIGH)
                        .evidenceStrength(EvidenceStrength.MODERATE)))
                .testAssessments(List.of(new TestAssessment().test("test-3-clinical-evidence-base")
                        .assessment(TestAssessmentOutcome.PARTLY_SUPPORTED).reasoning("Transfers are not modelled."))),
                southEastAdmin);
        assertThat(draft.getPanel()).extracting(m -> m.getName()).contains("Dr Out Of Area", "Patient Voice");
        assertThat(draft.getDeclarations()).singleElement()
                .satisfies(d -> assertThat(d.getInterest()).isEqualTo("Honorary lecturer at the University of Southampton"));
        report.startFactualAccuracyCheck(id, new FactualAccuracyCheckStart(), southEastAdmin);
        var comment = report.commentOnReport(id, new FactualAccuracyCommentCreate().section(
                FactualAccuracyCommentCreate.SectionEnum.BACKGROUND).comment("There are four units today."), requester);
        report.answerFactualAccuracyComment(id, comment.getId(), new FactualAccuracyAnswerCreate()
                .outcome(FactualAccuracyAnswerOutcome.ACCEPTED).change("Four units."), southEastAdmin);
        report.draftReport(id, new ReportDraft().executiveSummary(draft.getExecutiveSummary()).background("Four units today.")
                .method(draft.getMethod()).findings(draft.getFindings())
                .recommendations(List.of(new RecommendationDraft().text("Fund a 24-hour transfer service.")
                        .theme("patient-pathways").priority(RecommendationPriority.HIGH)
                        .evidenceStrength(EvidenceStrength.MODERATE)))
                .testAssessments(draft.getTestAssessments()), southEastAdmin);

        // the council endorses it, it is issued, the sponsor consents and it is published
        report.recordEndorsement(id, new EndorsementCreate().decision(EndorsementDecision.ENDORSED)
                .councilMeetingDate(LocalDate.now()), southEastAdmin);
        report.issueReport(id, new ReportIssueCreate(), southEastAdmin);
        report.recordPublicationConsent(id, new PublicationConsentCreate().decision(ConsentDecision.GIVEN), requester);
        assertThat(report.publishReport(id, southEastAdmin).getStatus()).isEqualTo("published");

        // public, without a token: in the log, found by full text, and as a page
        var log = new PublicAdviceAndReviewLogApi(review());
        assertThat(log.listPublicAdviceLog("south-east", null, null, null, null, "published", "transfer", 20, null)
                .getItems()).extracting(item -> item.getId()).contains(id);
        assertThat(log.getPublicAdviceLogEntry(id).getReport().getRecommendations()).singleElement()
                .satisfies(r -> assertThat(r.getText()).isEqualTo("Fund a 24-hour transfer service."));
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.reviewUrl() + "/public/advice-log/" + id + "/report")).header("Accept", "text/html")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Maternity services in Hampshire", "Four units today.", "Dr Out Of Area");

        // the sponsor responds, the senate closes the review, and the assurance statistics count it
        report.recordSponsorResponse(id, new SponsorResponseCreate().responses(List.of(new RecommendationResponse()
                .recommendation(1).response(RecommendationResponseValue.ACCEPTED).action("Business case for transfers")
                .owner("ICB Director of Strategy"))), requester);
        assertThat(report.closeReview(id, new ReviewClosure(), southEastAdmin).getStatus()).isEqualTo("closed");
        var statistics = new AssuranceStatisticsApi(review()).getAssuranceStatistics("south-east", null, null,
                bearer(Tokens.user(keycloak, "assurance")));
        assertThat(statistics.getSenates()).singleElement().satisfies(senate -> {
            assertThat(senate.getPublication().getPublished()).isPositive();
            assertThat(senate.getEndToEnd().getCompleted()).isPositive();
            assertThat(senate.getRecommendations()).anySatisfy(r -> assertThat(r.getTheme()).isEqualTo("patient-pathways"));
        });
    }

    @Test
    void aMemberDeclaresAnInterestThatAConflictCheckReportsAndThePublicRegisterPublishes() throws Exception {
        Map<String, String> admin = bearer(Tokens.user(keycloak, "southeast-admin"));
        Member member = new MembersApi(membership()).createMember(new MemberCreate().senate("south-east")
                .name("Dr Journey Reviewer").profession("medicine").email("journey.reviewer@nhs.example")
                .employer(new Employer().odsCode("RN5").name("Hampshire Hospitals NHS Foundation Trust").icb("QRL")),
                UUID.randomUUID().toString(), admin);
        AppointmentsApi appointments = new AppointmentsApi(membership());
        LocalDate start = LocalDate.now().minusMonths(1);
        var nominated = appointments.nominateAppointment(member.getId(), new AppointmentCreate()
                .body(AppointmentBody.COUNCIL).role(AppointmentRole.MEMBER)
                .termStart(start).termEnd(start.plusYears(3).minusDays(1)), null, admin);
        appointments.approveAppointment(nominated.getId(), null, admin);

        // the identity administrator links the member's account to their record
        keycloak.setUserAttribute("southeast-member", "member_id", member.getId().toString());
        String memberToken = Tokens.user(keycloak, "southeast-member");
        DeclarationsApi declarations = new DeclarationsApi(membership());
        Declaration inOxford = declarations.createDeclaration(member.getId(), new DeclarationCreate()
                .category(InterestCategory.FINANCIAL).description("Paid advisory sessions for Oxford University Hospitals")
                .counterparty(new Counterparty().odsCode("RTH").name("Oxford University Hospitals NHS Foundation Trust"))
                .interestStart(LocalDate.now().minusMonths(3)), null, bearer(memberToken));
        Declaration personal = declarations.createDeclaration(member.getId(), new DeclarationCreate()
                .category(InterestCategory.NON_FINANCIAL_PERSONAL).description("A personal interest kept off the register")
                .interestStart(LocalDate.now().minusMonths(1)), null, bearer(memberToken));
        assertThat(inOxford.getDeclaredBy()).isEqualTo(Tokens.claims(memberToken).get("sub").asText());
        assertThat(inOxford.getOnBehalf()).isFalse();
        review(inOxford, PublicationDecision.PUBLISHED, null, admin);
        review(personal, PublicationDecision.WITHHELD, "Would identify a family member", admin);

        // review-service checks a panel for a review of Oxford University Hospitals, with its own service token
        List<MemberConflicts> results = new ConflictChecksApi(membership()).checkConflicts(new ConflictCheckRequest()
                .memberIds(Set.of(member.getId())).organisations(Set.of("RTH")).area(Set.of("QU9")),
                bearer(Tokens.service(keycloak, "review-service"))).getResults();
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.getOutcome()).isEqualTo("CONFLICTED");
            assertThat(result.getReasons()).anySatisfy(reason -> {
                assertThat(reason.getCode()).isEqualTo("declared-interest-in-organisation");
                assertThat(reason.getOrganisation()).isEqualTo("RTH");
                assertThat(reason.getDeclarationId()).isEqualTo(inOxford.getId());
            });
        });

        // anyone can read the register: the published declaration is there, the withheld one is not
        Register register = new RegisterApi(membership()).getRegister("south-east");
        DecisionMaker reviewer = register.getDecisionMakers().stream()
                .filter(d -> "Dr Journey Reviewer".equals(d.getName())).findFirst().orElseThrow();
        assertThat(reviewer.getDeclarations()).extracting(RegisterEntry::getDescription)
                .containsExactly("Paid advisory sessions for Oxford University Hospitals");
        assertThat(reviewer.getDeclarations().get(0).getManagementAction().getAction())
                .isEqualTo(ManagementActionKind.RESTRICT_PARTICIPATION);
    }

    private static void review(Declaration declaration, PublicationDecision publication, String withheldReason,
            Map<String, String> admin) throws Exception {
        DeclarationsApi declarations = new DeclarationsApi(membership());
        String etag = declarations.getDeclarationWithHttpInfo(declaration.getId(), admin).getHeaders().get("etag").get(0);
        declarations.reviewDeclaration(declaration.getId(), etag, new DeclarationReviewUpdate()
                .managementAction(new ManagementAction().action(ManagementActionKind.RESTRICT_PARTICIPATION)
                        .detail("Takes no part in advice on Oxford University Hospitals"))
                .publication(publication).withheldReason(withheldReason), admin);
    }

    /** The relay runs every second; allow for a slow machine. */
    private static ReceivedEvent awaitEvent(String subject, Map<String, String> admin) throws Exception {
        EventsApi events = new EventsApi(notification());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Optional<ReceivedEvent> found = events.listEvents("review.advice-request.submitted", 100, null, admin)
                    .getItems().stream().filter(e -> subject.equals(e.getEvent().getSubject())).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The event for advice request " + subject + " did not reach notification-service");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static org.clinicalsenate.client.membership.ApiClient membership() {
        var client = new org.clinicalsenate.client.membership.ApiClient();
        client.updateBaseUri(platform.membershipUrl());
        return client;
    }

    private static org.clinicalsenate.client.review.ApiClient review() {
        var client = new org.clinicalsenate.client.review.ApiClient();
        client.updateBaseUri(platform.reviewUrl());
        return client;
    }

    private static org.clinicalsenate.client.notification.ApiClient notification() {
        var client = new org.clinicalsenate.client.notification.ApiClient();
        client.updateBaseUri(platform.notificationUrl());
        return client;
    }
}

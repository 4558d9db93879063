package org.clinicalsenate.launcher;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clinicalsenate.client.membership.api.MembersApi;
import org.clinicalsenate.client.membership.model.Member;
import org.clinicalsenate.client.review.ApiClient;
import org.clinicalsenate.client.review.ApiException;
import org.clinicalsenate.client.review.api.AdviceRequestsApi;
import org.clinicalsenate.client.review.api.EvidenceApi;
import org.clinicalsenate.client.review.api.ExpertReviewPanelApi;
import org.clinicalsenate.client.review.api.MeetingsApi;
import org.clinicalsenate.client.review.api.ReportApi;
import org.clinicalsenate.client.review.api.TermsOfReferenceApi;
import org.clinicalsenate.client.review.model.AdviceRequestTriage;
import org.clinicalsenate.client.review.model.AttendanceUpdate;
import org.clinicalsenate.client.review.model.ConsentDecision;
import org.clinicalsenate.client.review.model.DeclarationAtMeetingCreate;
import org.clinicalsenate.client.review.model.EndorsementCreate;
import org.clinicalsenate.client.review.model.EndorsementDecision;
import org.clinicalsenate.client.review.model.EvidenceCreate;
import org.clinicalsenate.client.review.model.EvidenceStrength;
import org.clinicalsenate.client.review.model.FactualAccuracyCheckStart;
import org.clinicalsenate.client.review.model.InformationRequestCreate;
import org.clinicalsenate.client.review.model.Meeting;
import org.clinicalsenate.client.review.model.MeetingAction;
import org.clinicalsenate.client.review.model.MeetingCreate;
import org.clinicalsenate.client.review.model.MeetingParticipant;
import org.clinicalsenate.client.review.model.PanelMemberCreate;
import org.clinicalsenate.client.review.model.PanelRole;
import org.clinicalsenate.client.review.model.PublicationConsentCreate;
import org.clinicalsenate.client.review.model.RecommendationDraft;
import org.clinicalsenate.client.review.model.RecommendationPriority;
import org.clinicalsenate.client.review.model.RecommendationResponse;
import org.clinicalsenate.client.review.model.RecommendationResponseValue;
import org.clinicalsenate.client.review.model.ReportDraft;
import org.clinicalsenate.client.review.model.ReportIssueCreate;
import org.clinicalsenate.client.review.model.ReviewMethod;
import org.clinicalsenate.client.review.model.ReviewTimeline;
import org.clinicalsenate.client.review.model.ServiceChangeTest;
import org.clinicalsenate.client.review.model.SponsorResponseCreate;
import org.clinicalsenate.client.review.model.TestAssessment;
import org.clinicalsenate.client.review.model.TestAssessmentOutcome;
import org.clinicalsenate.client.review.model.TermsOfReferenceDraft;
import org.clinicalsenate.client.review.model.TermsOfReferenceSignOff;
import org.clinicalsenate.client.review.model.TriageDecision;
import org.clinicalsenate.dev.LocalIssuer;
import org.clinicalsenate.dev.Personas;
import org.clinicalsenate.dev.Personas.Persona;

/**
 * Carries the demo advice requests along their life so far, through review-service's API with the
 * published Java client, as the senate, the sponsor and the panel would: triage, terms agreed and
 * signed off, an Expert Review Panel drawn from the demo councils and cleared by membership's real
 * conflict check (a conflicted reviewer added on the chair's written override), a meeting held with
 * a declaration recorded in membership, and evidence received.
 */
final class ReviewDemo {

    /** How far a demo request is carried. */
    enum Stage {
        RECEIVED, TRIAGED, TERMS_AGREED, PANEL_MET,
        /** Its draft report sent to the sponsor a month ago, comments now past due. */
        FACTUAL_ACCURACY_OVERDUE,
        /** Endorsed, issued, published with the sponsor's consent, and the sponsor's response recorded. */
        PUBLISHED
    }

    private static final Persona SOUTH_EAST_CHAIR = new Persona("southeast-chair", "senate-chair of south-east",
            List.of("senate-chair"), Map.of("senates", List.of("south-east")));

    /** Reviewers for the south-east's stroke review: out of area (London), and one from a trust in scope. */
    private static final List<String> STROKE_PANEL = List.of("Dr Kwame Mensah", "Joanna Lewis", "Dr Priya Shah",
            "Michael Adeyemi", "Grace Thompson", "Dr Imran Siddiqui");
    private static final String AGENDA_OPTIONS = "3. Options appraisal: two hyper-acute stroke units";

    private final LocalIssuer issuer;
    private final String reviewUrl;
    private final String membershipUrl;
    private final LocalDate today = LocalDate.now();

    ReviewDemo(LocalIssuer issuer, String reviewUrl, String membershipUrl) {
        this.issuer = issuer;
        this.reviewUrl = reviewUrl;
        this.membershipUrl = membershipUrl;
    }

    /** Carries the request to the stage; returns what could not be done (empty when all was). */
    String carry(UUID id, String senate, Persona requester, Stage stage) {
        if (stage == Stage.RECEIVED) {
            return "";
        }
        try {
            Map<String, UUID> members = members();
            String lead = "london".equals(senate) ? "Dr Kwame Mensah" : "Prof Daniel Okoye";
            Persona admin = "south-east".equals(senate) ? Personas.SENATE_ADMIN : Personas.PLATFORM_ADMIN;
            new AdviceRequestsApi(client(admin)).triageAdviceRequest(id, new AdviceRequestTriage()
                    .decision(TriageDecision.ACCEPT).lead(required(members, lead)), null);
            if (stage == Stage.TRIAGED) {
                return "";
            }
            agreeTerms(id, admin, requester);
            if (stage == Stage.TERMS_AGREED) {
                return "";
            }
            drawPanel(id, members);
            holdMeeting(id, members);
            receiveEvidence(id);
            if (stage == Stage.PANEL_MET) {
                return "";
            }
            report(id, requester, stage);
            return "";
        } catch (ApiException e) {
            return " (stopped: HTTP " + e.getCode() + " " + e.getResponseBody() + ")";
        } catch (org.clinicalsenate.client.membership.ApiException e) {
            return " (stopped: membership HTTP " + e.getCode() + ")";
        }
    }

    private void agreeTerms(UUID id, Persona admin, Persona requester) throws ApiException {
        TermsOfReferenceApi terms = new TermsOfReferenceApi(client(admin));
        String drafted = terms.draftTermsOfReferenceWithHttpInfo(id, new TermsOfReferenceDraft()
                .scope("The clinical model, workforce and patient flows of the proposal")
                .questions(List.of("Is the proposed model clinically sound?",
                        "Can it be staffed safely within the current workforce?"))
                .methods(new LinkedHashSet<>(List.of(ReviewMethod.DESK_REVIEW, ReviewMethod.PANEL_MEETING)))
                .serviceChangeTests(new LinkedHashSet<>(List.of(ServiceChangeTest.TEST_3_CLINICAL_EVIDENCE_BASE)))
                .bedsClose(false)
                .timeline(new ReviewTimeline().draftReportBy(today.plusMonths(2)).finalReportBy(today.plusMonths(3)))
                .confidentiality("Draft advice is shared with the sponsor only, for factual accuracy"), null)
                .getHeaders().get("etag").get(0);
        String agreed = new TermsOfReferenceApi(client(requester)).agreeTermsOfReferenceWithHttpInfo(id, drafted)
                .getHeaders().get("etag").get(0);
        // the council's decision, recorded by an admin with the date of the council meeting
        terms.signOffTermsOfReference(id, agreed, new TermsOfReferenceSignOff().councilMeetingDate(today));
    }

    /** Each reviewer is added once membership's conflict check clears them, or on the chair's override. */
    private void drawPanel(UUID id, Map<String, UUID> members) throws ApiException {
        ExpertReviewPanelApi panel = new ExpertReviewPanelApi(client(Personas.SENATE_ADMIN));
        for (String name : STROKE_PANEL) {
            PanelMemberCreate add = new PanelMemberCreate().memberId(required(members, name))
                    .role(name.equals(STROKE_PANEL.get(0)) ? PanelRole.CHAIR : PanelRole.MEMBER);
            try {
                panel.addPanelMember(id, add);
            } catch (ApiException refused) {
                if (refused.getCode() != 409) {
                    throw refused;
                }
                new ExpertReviewPanelApi(client(SOUTH_EAST_CHAIR)).addPanelMember(id, add.overrideJustification(
                        "The region's only consultant clinical scientist in stroke imaging; takes no part in items"
                                + " on Hampshire Hospitals"));
            }
        }
        panel.formPanel(id);
    }

    /** A panel meeting this morning: the panel checked again, attendance, a declaration at the start. */
    private void holdMeeting(UUID id, Map<String, UUID> members) throws ApiException {
        MeetingsApi meetings = new MeetingsApi(client(Personas.SENATE_ADMIN));
        Meeting meeting = meetings.scheduleMeeting(id, new MeetingCreate().kind("panel-meeting")
                .startsAt(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(1))
                .place("Online (Microsoft Teams)")
                .agenda(List.of("1. Welcome and declarations of interest", "2. The case for change", AGENDA_OPTIONS)));
        meetings.recordDeclarationAtMeeting(id, meeting.getId(), new DeclarationAtMeetingCreate()
                .memberId(required(members, "Dr Imran Siddiqui"))
                .interest("Employed by Hampshire Hospitals NHS Foundation Trust, a trust in scope")
                .action(MeetingAction.LEFT_ROOM_FOR_ITEM).agendaItem(AGENDA_OPTIONS));
        for (MeetingParticipant participant : meeting.getParticipants()) {
            if (!participant.getBarred()) {
                meetings.recordAttendance(id, meeting.getId(), new AttendanceUpdate().memberId(participant.getMemberId())
                        .attendance(AttendanceUpdate.AttendanceEnum.ATTENDED));
            }
        }
    }

    private void receiveEvidence(UUID id) throws ApiException {
        new EvidenceApi(client(Personas.REQUESTER)).addEvidence(id, new EvidenceCreate()
                .title("Pre-consultation business case, version 3").kind("pre-consultation-business-case")
                .providedBy("QRL").providedOn(today).link("https://documents.example.nhs.uk/hiow-stroke/pcbc-v3.pdf")
                .sha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        new EvidenceApi(client(Personas.SENATE_ADMIN)).askForInformation(id, new InformationRequestCreate()
                .question("What are the modelled night-time travel times to the nearest hyper-acute unit?")
                .dueBy(today.plusWeeks(3)));
    }

    /**
     * The panel's report: drafted, sent to the sponsor for the factual-accuracy check, then (for a
     * published review) endorsed by the council, issued, published with the sponsor's consent and
     * answered by the sponsor. An overdue check was sent a month ago, so its comments are past due.
     */
    private void report(UUID id, Persona requester, Stage stage) throws ApiException {
        ReportApi report = new ReportApi(client(Personas.SENATE_ADMIN));
        report.draftReport(id, new ReportDraft()
                .executiveSummary("The panel supports the proposed model, subject to a workforce plan for the"
                        + " night rota and a travel-time analysis for the most rural communities.")
                .background("The ICB proposes to concentrate specialist care at fewer sites, with local services"
                        + " for rehabilitation and follow-up.")
                .method("Desk review of the pre-consultation business case, a panel meeting and a site visit.")
                .findings("The clinical case for concentrating specialist care is strong and consistent with"
                        + " national guidance. The workforce model depends on recruiting eight consultants; the"
                        + " rota for nights is not yet assured.")
                .recommendations(List.of(
                        new RecommendationDraft().text("Publish a workforce plan for the night rota before consultation.")
                                .theme("workforce").priority(RecommendationPriority.HIGH)
                                .evidenceStrength(EvidenceStrength.MODERATE),
                        new RecommendationDraft().text("Model travel times for the most rural communities at night.")
                                .theme("patient-pathways").priority(RecommendationPriority.MEDIUM)
                                .evidenceStrength(EvidenceStrength.EXPERT_OPINION)))
                .testAssessments(List.of(new TestAssessment().test("test-3-clinical-evidence-base")
                        .assessment(TestAssessmentOutcome.SUPPORTED)
                        .reasoning("The model follows the national service specification and its evidence base."))));
        boolean overdue = stage == Stage.FACTUAL_ACCURACY_OVERDUE;
        report.startFactualAccuracyCheck(id, new FactualAccuracyCheckStart()
                .sentOn(overdue ? today.minusMonths(1) : today.minusWeeks(3)));
        if (overdue) {
            return;
        }
        report.recordEndorsement(id, new EndorsementCreate().decision(EndorsementDecision.ENDORSED)
                .councilMeetingDate(today));
        report.issueReport(id, new ReportIssueCreate());
        ReportApi sponsor = new ReportApi(client(requester));
        sponsor.recordPublicationConsent(id, new PublicationConsentCreate().decision(ConsentDecision.GIVEN));
        report.publishReport(id);
        sponsor.recordSponsorResponse(id, new SponsorResponseCreate().responses(List.of(
                new RecommendationResponse().recommendation(1).response(RecommendationResponseValue.ACCEPTED)
                        .action("Night rota workforce plan to the ICB board").owner("Chief Nursing Officer"),
                new RecommendationResponse().recommendation(2).response(RecommendationResponseValue.PARTLY_ACCEPTED)
                        .action("Travel-time analysis for the two most rural districts").owner("Director of Strategy"))));
    }

    /** The demo councils' members by name (membership-service). */
    private Map<String, UUID> members() throws org.clinicalsenate.client.membership.ApiException {
        org.clinicalsenate.client.membership.ApiClient client = new org.clinicalsenate.client.membership.ApiClient();
        client.updateBaseUri(membershipUrl);
        client.setReadTimeout(Duration.ofSeconds(20));
        String token = Personas.PLATFORM_ADMIN.token(issuer, Duration.ofMinutes(10));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        Map<String, UUID> byName = new HashMap<>();
        for (String senate : List.of("south-east", "london")) {
            for (Member member : new MembersApi(client).listMembers(senate, null, null, null, null, null, null, 100,
                    null).getItems()) {
                byName.put(member.getName(), member.getId());
            }
        }
        return byName;
    }

    private static UUID required(Map<String, UUID> members, String name) {
        UUID id = members.get(name);
        if (id == null) {
            throw new IllegalStateException("no demo member " + name + " in membership-service");
        }
        return id;
    }

    private ApiClient client(Persona persona) {
        String token = persona.token(issuer, Duration.ofMinutes(10));
        ApiClient client = new ApiClient();
        client.updateBaseUri(reviewUrl);
        client.setReadTimeout(Duration.ofSeconds(20));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}

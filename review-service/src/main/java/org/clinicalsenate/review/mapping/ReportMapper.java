package org.clinicalsenate.review.mapping;

import java.util.List;

import org.clinicalsenate.api.review.model.ConsentDecision;
import org.clinicalsenate.api.review.model.EndorsementDecision;
import org.clinicalsenate.api.review.model.EvidenceStrength;
import org.clinicalsenate.api.review.model.FactualAccuracyAnswer;
import org.clinicalsenate.api.review.model.FactualAccuracyAnswerOutcome;
import org.clinicalsenate.api.review.model.MeetingAction;
import org.clinicalsenate.api.review.model.PanelRole;
import org.clinicalsenate.api.review.model.Recommendation;
import org.clinicalsenate.api.review.model.RecommendationPriority;
import org.clinicalsenate.api.review.model.RecommendationResponseValue;
import org.clinicalsenate.api.review.model.ReportClosure;
import org.clinicalsenate.api.review.model.ReportDeclaration;
import org.clinicalsenate.api.review.model.ReportDraft;
import org.clinicalsenate.api.review.model.ReportEndorsement;
import org.clinicalsenate.api.review.model.ReportFactualAccuracy;
import org.clinicalsenate.api.review.model.ReportIssue;
import org.clinicalsenate.api.review.model.ReportOverride;
import org.clinicalsenate.api.review.model.ReportPanelMember;
import org.clinicalsenate.api.review.model.ReportPublication;
import org.clinicalsenate.api.review.model.ReportPublicationConsent;
import org.clinicalsenate.api.review.model.ReportSponsorResponse;
import org.clinicalsenate.api.review.model.TestAssessmentOutcome;
import org.clinicalsenate.api.review.model.Test5Condition;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.review.domain.FactualAccuracyComment;
import org.clinicalsenate.review.domain.Report;
import org.clinicalsenate.review.domain.ReportSections;
import org.clinicalsenate.review.domain.ReportVersion;
import org.clinicalsenate.review.service.ReportService.ReportView;
import org.clinicalsenate.review.service.ReportService.VersionView;
import org.mapstruct.Mapper;

/** The report, its versions and the sponsor's comments, to and from the contract. */
@Mapper(config = MappingDefaults.class)
public interface ReportMapper {

    default ReportVersion toDomain(ReportDraft draft) {
        ReportVersion version = new ReportVersion();
        version.executiveSummary = draft.getExecutiveSummary();
        version.background = draft.getBackground();
        version.method = draft.getMethod();
        version.findings = draft.getFindings();
        List<org.clinicalsenate.api.review.model.RecommendationDraft> recommendations = draft.getRecommendations();
        for (int i = 0; i < recommendations.size(); i++) {
            var r = recommendations.get(i);
            version.recommendations.add(new ReportVersion.Recommendation(i + 1, r.getText(), r.getTheme(),
                    r.getPriority().toString(), r.getEvidenceStrength().toString()));
        }
        draft.getTestAssessments().forEach(t -> version.testAssessments.add(new ReportVersion.TestAssessment(
                t.getTest(), t.getAssessment().toString(), t.getReasoning(),
                t.getConditionsMet() == null ? List.of() : t.getConditionsMet().stream().map(Test5Condition::toString).toList())));
        return version;
    }

    default org.clinicalsenate.api.review.model.ReportVersion toApi(VersionView view) {
        ReportVersion version = view.version();
        ReportSections sections = view.sections();
        return new org.clinicalsenate.api.review.model.ReportVersion()
                .adviceRequestId(version.adviceRequestId)
                .version(version.version)
                .executiveSummary(version.executiveSummary)
                .background(version.background)
                .method(version.method)
                .findings(version.findings)
                .recommendations(version.recommendations.stream().map(ReportMapper::toApi).toList())
                .testAssessments(version.testAssessments.stream().map(ReportMapper::toApi).toList())
                .panel(sections.panel().stream().map(s -> new ReportPanelMember()
                        .memberId(s.member().memberId)
                        .name(s.member().name)
                        .professionalTitle(s.member().professionalTitle)
                        .profession(s.member().profession)
                        .senate(s.member().senate)
                        .role(PanelRole.fromValue(s.member().role.value()))
                        .meetingsAttended(s.meetingsAttended()))
                        .toList())
                .declarations(sections.declarations().stream().map(d -> new ReportDeclaration()
                        .memberId(d.declaration().memberId)
                        .name(d.name())
                        .meetingStartsAt(Times.utc(d.meetingStartsAt()))
                        .interest(d.declaration().interest)
                        .action(MeetingAction.fromValue(d.declaration().action))
                        .agendaItem(d.declaration().agendaItem))
                        .toList())
                .overrides(sections.overrides().stream().map(o -> new ReportOverride()
                        .memberId(o.memberId())
                        .name(o.name())
                        .meetingStartsAt(Times.utc(o.meetingStartsAt()))
                        .justification(o.clearance().overrideJustification)
                        .overriddenAt(Times.utc(o.clearance().overriddenAt)))
                        .toList())
                .draftedBy(version.draftedBy)
                .draftedAt(Times.utc(version.draftedAt));
    }

    default org.clinicalsenate.api.review.model.Report toApi(ReportView view) {
        Report report = view.report();
        var api = new org.clinicalsenate.api.review.model.Report()
                .adviceRequestId(report.adviceRequestId)
                .status(view.status().value())
                .latestVersion(report.latestVersion);
        if (report.factualAccuracySentAt != null) {
            api.factualAccuracy(new ReportFactualAccuracy()
                    .version(report.factualAccuracyVersion)
                    .sentBy(report.factualAccuracySentBy)
                    .sentAt(Times.utc(report.factualAccuracySentAt))
                    .sentOn(report.factualAccuracySentOn)
                    .dueOn(report.factualAccuracyDueOn)
                    .commentsOpen((int) view.commentsOpen()));
        }
        if (report.endorsement != null) {
            api.endorsement(new ReportEndorsement()
                    .decision(EndorsementDecision.fromValue(report.endorsement.value()))
                    .councilMeetingDate(report.endorsementMeetingOn)
                    .note(report.endorsementNote)
                    .version(report.endorsementVersion)
                    .recordedBy(report.endorsementBy)
                    .recordedAt(Times.utc(report.endorsementAt)));
        }
        if (report.issuedVersion != null) {
            api.issue(new ReportIssue().version(report.issuedVersion).issuedOn(report.issuedOn).issuedBy(report.issuedBy));
        }
        if (report.consent != null) {
            api.publicationConsent(new ReportPublicationConsent()
                    .decision(ConsentDecision.fromValue(report.consent.value()))
                    .givenBy(report.consentGivenBy)
                    .givenOn(report.consentGivenOn)
                    .recordedBy(report.consentRecordedBy)
                    .recordedAt(Times.utc(report.consentRecordedAt)));
        }
        if (report.publishedAt != null) {
            api.publication(new ReportPublication()
                    .version(report.publishedVersion)
                    .publishedBy(report.publishedBy)
                    .publishedAt(Times.utc(report.publishedAt)));
        }
        if (report.respondedAt != null) {
            api.sponsorResponse(new ReportSponsorResponse()
                    .responses(report.responses.stream().map(ReportMapper::toApi).toList())
                    .recordedBy(report.respondedBy)
                    .recordedAt(Times.utc(report.respondedAt)));
        }
        if (report.closedAt != null) {
            api.closure(new ReportClosure()
                    .closedBy(report.closedBy)
                    .closedAt(Times.utc(report.closedAt))
                    .closedFrom(report.closedFrom.value())
                    .note(report.closureNote)
                    .reopenedBy(report.reopenedBy)
                    .reopenedAt(Times.utc(report.reopenedAt))
                    .reopenReason(report.reopenReason));
        }
        return api;
    }

    static Recommendation toApi(ReportVersion.Recommendation recommendation) {
        return new Recommendation()
                .number(recommendation.number())
                .text(recommendation.text())
                .theme(recommendation.theme())
                .priority(RecommendationPriority.fromValue(recommendation.priority()))
                .evidenceStrength(EvidenceStrength.fromValue(recommendation.evidenceStrength()));
    }

    static org.clinicalsenate.api.review.model.TestAssessment toApi(ReportVersion.TestAssessment assessment) {
        return new org.clinicalsenate.api.review.model.TestAssessment()
                .test(assessment.test())
                .assessment(TestAssessmentOutcome.fromValue(assessment.assessment()))
                .reasoning(assessment.reasoning())
                .conditionsMet(assessment.conditionsMet().stream().map(Test5Condition::fromValue).toList());
    }

    static org.clinicalsenate.api.review.model.RecommendationResponse toApi(Report.RecommendationResponse response) {
        return new org.clinicalsenate.api.review.model.RecommendationResponse()
                .recommendation(response.recommendation())
                .response(RecommendationResponseValue.fromValue(response.response()))
                .action(response.action())
                .owner(response.owner());
    }

    default Report.RecommendationResponse toDomain(org.clinicalsenate.api.review.model.RecommendationResponse response) {
        return new Report.RecommendationResponse(response.getRecommendation(), response.getResponse().toString(),
                response.getAction(), response.getOwner());
    }

    default org.clinicalsenate.api.review.model.FactualAccuracyComment toApi(FactualAccuracyComment comment) {
        var api = new org.clinicalsenate.api.review.model.FactualAccuracyComment()
                .id(comment.id)
                .adviceRequestId(comment.adviceRequestId)
                .version(comment.version)
                .section(comment.section == null ? null : org.clinicalsenate.api.review.model.FactualAccuracyComment.SectionEnum.fromValue(comment.section))
                .recommendation(comment.recommendation)
                .comment(comment.comment)
                .late(comment.late)
                .madeBy(comment.madeBy)
                .madeAt(Times.utc(comment.madeAt));
        if (comment.answered()) {
            api.answer(new FactualAccuracyAnswer()
                    .outcome(FactualAccuracyAnswerOutcome.fromValue(comment.outcome.value()))
                    .change(comment.change)
                    .reason(comment.reason)
                    .answeredBy(comment.answeredBy)
                    .answeredAt(Times.utc(comment.answeredAt)));
        }
        return api;
    }
}

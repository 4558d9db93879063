package org.clinicalsenate.review.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.clinicalsenate.api.review.model.ReviewMethod;
import org.clinicalsenate.api.review.model.ReviewTimeline;
import org.clinicalsenate.api.review.model.ServiceChangeTest;
import org.clinicalsenate.api.review.model.TermsOfReferenceDraft;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.review.domain.TermsOfReference;
import org.clinicalsenate.review.service.TermsOfReferenceService.Version;
import org.mapstruct.Mapper;

/** Terms of reference to and from the contract; lists of contract values are stored as such. */
@Mapper(config = MappingDefaults.class)
public interface TermsOfReferenceMapper {

    default TermsOfReference toEntity(TermsOfReferenceDraft draft) {
        TermsOfReference terms = new TermsOfReference();
        terms.scope = draft.getScope();
        terms.questions = new ArrayList<>(draft.getQuestions());
        terms.outOfScope = draft.getOutOfScope();
        terms.methods = draft.getMethods().stream().map(ReviewMethod::toString).collect(Collectors.toCollection(ArrayList::new));
        terms.serviceChangeTests = draft.getServiceChangeTests() == null ? new ArrayList<>()
                : draft.getServiceChangeTests().stream().map(ServiceChangeTest::toString)
                        .collect(Collectors.toCollection(ArrayList::new));
        terms.bedsClose = draft.getBedsClose();
        ReviewTimeline timeline = draft.getTimeline();
        terms.panelDates = new ArrayList<>(timeline.getPanelDates());
        terms.draftReportBy = timeline.getDraftReportBy();
        terms.finalReportBy = timeline.getFinalReportBy();
        terms.confidentiality = draft.getConfidentiality();
        return terms;
    }

    default org.clinicalsenate.api.review.model.TermsOfReference toApi(Version version) {
        TermsOfReference terms = version.terms();
        return new org.clinicalsenate.api.review.model.TermsOfReference()
                .adviceRequestId(terms.adviceRequestId)
                .version(terms.version)
                .status(terms.status(version.latest()).value())
                .scope(terms.scope)
                .questions(new ArrayList<>(terms.questions))
                .outOfScope(terms.outOfScope)
                .methods(values(terms.methods, ReviewMethod::fromValue))
                .serviceChangeTests(values(terms.serviceChangeTests, ServiceChangeTest::fromValue))
                .bedsClose(terms.bedsClose)
                .timeline(new ReviewTimeline().panelDates(new ArrayList<>(terms.panelDates))
                        .draftReportBy(terms.draftReportBy).finalReportBy(terms.finalReportBy))
                .confidentiality(terms.confidentiality)
                .draftedBy(terms.draftedBy)
                .draftedAt(Times.utc(terms.draftedAt))
                .agreedBy(terms.agreedBy)
                .agreedAt(Times.utc(terms.agreedAt))
                .signedOffBy(terms.signedOffBy)
                .signedOffAt(Times.utc(terms.signedOffAt))
                .councilMeetingDate(terms.councilMeetingDate);
    }

    private static <E> Set<E> values(List<String> stored, Function<String, E> parse) {
        Set<E> values = new LinkedHashSet<>();
        stored.forEach(value -> values.add(parse.apply(value)));
        return values;
    }
}

package org.clinicalsenate.review.mapping;

import java.time.LocalDate;
import java.util.LinkedHashSet;

import org.clinicalsenate.api.review.model.EvidenceCreate;
import org.clinicalsenate.api.review.model.RecordedAnswer;
import org.clinicalsenate.commons.mapping.MappingDefaults;
import org.clinicalsenate.commons.mapping.Times;
import org.clinicalsenate.review.domain.Evidence;
import org.clinicalsenate.review.domain.InformationRequest;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** The evidence register and the requests for information, to and from the contract. */
@Mapper(config = MappingDefaults.class)
public interface EvidenceMapper {

    @Mapping(target = "id", ignore = true)
    @Mapping(target = "adviceRequestId", ignore = true)
    @Mapping(target = "addedBy", ignore = true)
    @Mapping(target = "addedAt", ignore = true)
    Evidence toEntity(EvidenceCreate create);

    org.clinicalsenate.api.review.model.Evidence toApi(Evidence evidence);

    /** The request for information as of {@code today} (whether it is overdue). */
    default org.clinicalsenate.api.review.model.InformationRequest toApi(InformationRequest question, LocalDate today) {
        return new org.clinicalsenate.api.review.model.InformationRequest()
                .id(question.id)
                .adviceRequestId(question.adviceRequestId)
                .question(question.question)
                .dueBy(question.dueBy)
                .status(question.isAnswered() ? "answered" : "open")
                .overdue(question.isOverdue(today))
                .askedBy(question.askedBy)
                .askedAt(Times.utc(question.askedAt))
                .answer(question.isAnswered() ? new RecordedAnswer()
                        .text(question.answerText)
                        .evidenceIds(new LinkedHashSet<>(question.answerEvidence))
                        .answeredBy(question.answeredBy)
                        .answeredAt(Times.utc(question.answeredAt)) : null);
    }
}

package org.clinicalsenate.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.clinicalsenate.review.domain.StageDeadline.OpenStage;
import org.clinicalsenate.review.domain.StageDeadline.Source;
import org.junit.jupiter.api.Test;

class StageDeadlineTest {

    private static final WorkingDays ENGLAND = new WorkingDays(List.of(LocalDate.of(2027, 5, 3)));
    private static final LocalDate FRIDAY = LocalDate.of(2027, 4, 30);

    @Test
    void theTermsOfReferenceSetTheDraftAndFinalReportsDueDates() {
        assertThat(deadline(AdviceRequestStatus.EVIDENCE_GATHERING, LocalDate.of(2027, 6, 1), null, null))
                .extracting(StageDeadline::dueOn, StageDeadline::dueFrom)
                .containsExactly(LocalDate.of(2027, 6, 1), Source.TERMS_OF_REFERENCE);
        assertThat(deadline(AdviceRequestStatus.DRAFT_REPORT, LocalDate.of(2027, 6, 1), null, null).dueOn())
                .isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(deadline(AdviceRequestStatus.ENDORSED, LocalDate.of(2027, 6, 1), LocalDate.of(2027, 7, 1), null)
                .dueOn()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(deadline(AdviceRequestStatus.FACTUAL_ACCURACY_CHECK, LocalDate.of(2027, 6, 1), null,
                LocalDate.of(2027, 5, 14))).extracting(StageDeadline::dueOn, StageDeadline::dueFrom)
                .containsExactly(LocalDate.of(2027, 5, 14), Source.FACTUAL_ACCURACY_CHECK);
    }

    @Test
    void otherwiseTheSenatesWorkingDaysFromWhenTheStageBeganAndGraceAfterTheDueDate() {
        // Friday 30 April, 2 working days: Wednesday 5 May (Monday 3 May is a bank holiday); grace of 1: Thursday
        StageDeadline deadline = deadline(AdviceRequestStatus.RECEIVED, LocalDate.of(2027, 6, 1), null, null);
        assertThat(deadline.dueOn()).isEqualTo(LocalDate.of(2027, 5, 5));
        assertThat(deadline.dueFrom()).isEqualTo(Source.SENATE_DEFAULT);
        assertThat(deadline.graceUntil()).isEqualTo(LocalDate.of(2027, 5, 6));
        assertThat(deadline.overdueOn(LocalDate.of(2027, 5, 5))).isFalse();
        assertThat(deadline.overdueOn(LocalDate.of(2027, 5, 6))).isTrue();
    }

    private static StageDeadline deadline(AdviceRequestStatus stage, LocalDate draftBy, LocalDate finalBy,
            LocalDate factualAccuracyDue) {
        return StageDeadline.of(new OpenStage(UUID.randomUUID(), "south-east", "QRL", stage,
                FRIDAY.atTime(12, 0).toInstant(ZoneOffset.UTC), draftBy, finalBy, factualAccuracyDue), ENGLAND, 2, 1);
    }
}

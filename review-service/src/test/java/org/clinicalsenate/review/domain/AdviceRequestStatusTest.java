package org.clinicalsenate.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The life of a request, as the state machine allows it. */
class AdviceRequestStatusTest {

    private static final Set<AdviceRequestStatus> ISSUED_OR_LATER = EnumSet.of(AdviceRequestStatus.ISSUED,
            AdviceRequestStatus.PUBLISHED, AdviceRequestStatus.SPONSOR_RESPONDED, AdviceRequestStatus.CLOSED);

    @Test
    void everyStatusIsReachableFromReceived() {
        Set<AdviceRequestStatus> reached = EnumSet.of(AdviceRequestStatus.INITIAL);
        Deque<AdviceRequestStatus> todo = new ArrayDeque<>(reached);
        while (!todo.isEmpty()) {
            for (AdviceRequestStatus next : todo.pop().next()) {
                if (reached.add(next)) {
                    todo.push(next);
                }
            }
        }
        assertThat(reached).containsExactlyInAnyOrder(AdviceRequestStatus.values());
    }

    @Test
    void declinedRedirectedWithdrawnAndClosedAreFinal() {
        assertThat(EnumSet.allOf(AdviceRequestStatus.class).stream().filter(AdviceRequestStatus::isFinal))
                .containsExactlyInAnyOrder(AdviceRequestStatus.DECLINED, AdviceRequestStatus.REDIRECTED,
                        AdviceRequestStatus.WITHDRAWN, AdviceRequestStatus.CLOSED);
    }

    @Test
    void triageIsTheOnlyWayOutOfReceivedBesidesWithdrawal() {
        assertThat(AdviceRequestStatus.RECEIVED.next()).containsExactly(AdviceRequestStatus.ACCEPTED,
                AdviceRequestStatus.DECLINED, AdviceRequestStatus.REDIRECTED, AdviceRequestStatus.WITHDRAWN);
        for (AdviceRequestStatus status : AdviceRequestStatus.values()) {
            if (status != AdviceRequestStatus.RECEIVED) {
                assertThat(status.next()).as(status + " -> a triage outcome").doesNotContain(
                        AdviceRequestStatus.ACCEPTED, AdviceRequestStatus.DECLINED, AdviceRequestStatus.REDIRECTED);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AdviceRequestStatus.class)
    void aRequestCanBeWithdrawnExactlyUntilItsReportIsIssuedAndNeverGoesBackToReceivedOrStaysPut(
            AdviceRequestStatus status) {
        boolean withdrawable = !status.isFinal() && !ISSUED_OR_LATER.contains(status);
        assertThat(status.next().contains(AdviceRequestStatus.WITHDRAWN)).as(status.value()).isEqualTo(withdrawable);
        assertThat(status.next()).doesNotContain(AdviceRequestStatus.RECEIVED, status);
    }

    @Test
    void aStepNotAllowedIsAConflictListingTheAllowedNextSteps() {
        assertThatCode(() -> AdviceRequestStatus.RECEIVED.requireMayMoveTo(AdviceRequestStatus.ACCEPTED))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> AdviceRequestStatus.RECEIVED.requireMayMoveTo(AdviceRequestStatus.TERMS_AGREED))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(e.allowed()).containsExactly("accepted", "declined", "redirected", "withdrawn");
                    assertThat(e.getMessage()).isEqualTo("An advice request that is received cannot become "
                            + "terms-agreed; it can become accepted, declined, redirected, withdrawn");
                });
        assertThatThrownBy(() -> AdviceRequestStatus.CLOSED.requireMayMoveTo(AdviceRequestStatus.WITHDRAWN))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.allowed()).isEqualTo(List.of());
                    assertThat(e.getMessage()).endsWith("; it is final");
                });
    }

    @Test
    void theTriageDecisionsAreTheContractsAndEachLeadsOutOfReceived() {
        assertThat(Arrays.stream(TriageDecision.values()).map(TriageDecision::value)).containsExactlyElementsOf(
                Arrays.stream(org.clinicalsenate.api.review.model.TriageDecision.values())
                        .map(Object::toString).toList());
        for (TriageDecision decision : TriageDecision.values()) {
            assertThat(AdviceRequestStatus.RECEIVED.next()).contains(decision.outcome());
        }
    }

    @Test
    void onlyAReceivedRequestCanBeEdited() {
        assertThatCode(() -> AdviceRequestStatus.RECEIVED.requireReceived("be edited")).doesNotThrowAnyException();
        assertThatThrownBy(() -> AdviceRequestStatus.ACCEPTED.requireReceived("be edited"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.allowed()).containsExactly("terms-agreed", "withdrawn"));
    }
}

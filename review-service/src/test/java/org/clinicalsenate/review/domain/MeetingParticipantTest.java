package org.clinicalsenate.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clinicalsenate.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The re-clearance rule: who is barred from a meeting, and what lifts a bar. */
class MeetingParticipantTest {

    private static final Instant NOW = Instant.parse("2027-01-20T08:00:00Z");
    private static final PanelMember.Reason EMPLOYED = new PanelMember.Reason("employed-by-organisation-in-scope",
            "Employed by RHM");
    private static final PanelMember.Reason ADVISER = new PanelMember.Reason("paid-role-with-organisation-in-scope",
            "Paid adviser to RN5");

    @Test
    void aMemberTheCheckClearsSitsAndOneItNoLongerClearsIsBarredFromAttending() {
        PanelMember cleared = onPanel("CLEAR", List.of(), null);
        assertThat(MeetingParticipant.of(UUID.randomUUID(), cleared, "CLEAR", List.of(), NOW).barred).isFalse();

        MeetingParticipant newlyConflicted = MeetingParticipant.of(UUID.randomUUID(), cleared, "CONFLICTED",
                List.of(EMPLOYED), NOW);
        assertThat(newlyConflicted.barred).isTrue();
        assertThatThrownBy(() -> newlyConflicted.record(Attendance.ATTENDED, "admin", NOW))
                .isInstanceOf(ProblemException.class).hasMessageContaining("barred from this meeting");
        newlyConflicted.record(Attendance.APOLOGIES, "admin", NOW);
        assertThat(newlyConflicted.attendance).isEqualTo(Attendance.APOLOGIES);
        // undeclared is not cleared either
        assertThat(MeetingParticipant.of(UUID.randomUUID(), cleared, "UNDECLARED", List.of(), NOW).barred).isTrue();
    }

    @Test
    void anOverrideCoversTheReasonsItAnsweredAndNoOthers() {
        PanelMember overridden = onPanel("CONFLICTED", List.of(EMPLOYED), "The only paediatric stroke nurse");
        MeetingParticipant participant = MeetingParticipant.of(UUID.randomUUID(), overridden, "CONFLICTED",
                List.of(EMPLOYED), NOW);
        assertThat(participant.barred).isFalse();
        assertThat(participant.overrideJustification).isEqualTo("The only paediatric stroke nurse");

        participant.checked("CONFLICTED", List.of(EMPLOYED, ADVISER), NOW, overridden);
        assertThat(participant.barred).isTrue();
        participant.override("RN5 is not among the options", "chair", NOW);
        assertThat(participant.barred).isFalse();
        participant.checked("CONFLICTED", List.of(ADVISER), NOW, overridden);
        assertThat(participant.barred).isFalse();
        participant.checked("CLEAR", List.of(), NOW, overridden);
        assertThat(participant.barred).isFalse();
        // only a bar is overridden
        assertThatThrownBy(() -> participant.override("again", "chair", NOW)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("is not barred");
    }

    private static PanelMember onPanel(String outcome, List<PanelMember.Reason> reasons, String justification) {
        return PanelMember.invited(UUID.randomUUID(), UUID.randomUUID(), "Dr Example", "Consultant", "medicine",
                "london", PanelRole.MEMBER, outcome, reasons, justification, "chair", NOW);
    }
}

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
    private static final Clearance.Reason EMPLOYED = new Clearance.Reason("employed-by-organisation-in-scope",
            "Employed by RHM");
    private static final Clearance.Reason ADVISER = new Clearance.Reason("paid-role-with-organisation-in-scope",
            "Paid adviser to RN5");

    @Test
    void aMemberTheCheckClearsSitsAndOneItNoLongerClearsIsBarredFromAttending() {
        PanelMember cleared = onPanel("CLEAR", List.of(), null);
        assertThat(MeetingParticipant.of(UUID.randomUUID(), cleared, check("CLEAR")).barred).isFalse();

        MeetingParticipant newlyConflicted = MeetingParticipant.of(UUID.randomUUID(), cleared,
                check("CONFLICTED", EMPLOYED));
        assertThat(newlyConflicted.barred).isTrue();
        assertThatThrownBy(() -> newlyConflicted.record(Attendance.ATTENDED, "admin", NOW))
                .isInstanceOf(ProblemException.class).hasMessageContaining("barred from this meeting");
        newlyConflicted.record(Attendance.APOLOGIES, "admin", NOW);
        assertThat(newlyConflicted.attendance).isEqualTo(Attendance.APOLOGIES);
        // undeclared is not cleared either
        assertThat(MeetingParticipant.of(UUID.randomUUID(), cleared, check("UNDECLARED")).barred).isTrue();
    }

    @Test
    void anOverrideCoversTheReasonsItAnsweredAndNoOthers() {
        PanelMember overridden = onPanel("CONFLICTED", List.of(EMPLOYED), "The only paediatric stroke nurse");
        MeetingParticipant participant = MeetingParticipant.of(UUID.randomUUID(), overridden,
                check("CONFLICTED", EMPLOYED));
        assertThat(participant.barred).isFalse();
        assertThat(participant.clearance.overrideJustification).isEqualTo("The only paediatric stroke nurse");

        participant.checked(check("CONFLICTED", EMPLOYED, ADVISER), overridden);
        assertThat(participant.barred).isTrue();
        participant.override("RN5 is not among the options", "chair", NOW);
        assertThat(participant.barred).isFalse();
        participant.checked(check("CONFLICTED", ADVISER), overridden);
        assertThat(participant.barred).isFalse();
        participant.checked(check("CLEAR"), overridden);
        assertThat(participant.barred).isFalse();
        // only a bar is overridden
        assertThatThrownBy(() -> participant.override("again", "chair", NOW)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("is not barred");
    }

    private static PanelMember onPanel(String outcome, List<Clearance.Reason> reasons, String justification) {
        Clearance clearance = Clearance.checked(outcome, reasons, NOW);
        if (justification != null) {
            clearance.override(justification, "chair", NOW);
        }
        return PanelMember.invited(UUID.randomUUID(), UUID.randomUUID(), "Dr Example", "Consultant", "medicine",
                "london", PanelRole.MEMBER, clearance, "chair", NOW);
    }

    private static Clearance check(String outcome, Clearance.Reason... reasons) {
        return Clearance.checked(outcome, List.of(reasons), NOW);
    }
}

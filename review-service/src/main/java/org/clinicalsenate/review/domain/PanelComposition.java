package org.clinicalsenate.review.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a panel meets before it is formed, in one place: a chair, at least the senate's minimum
 * number of members who have not declined, everyone cleared of conflicts or overridden. A panel
 * without a patient and public voice member is formed with a warning.
 */
public record PanelComposition(List<PanelMember> members, int minimumSize) {

    public PanelComposition {
        members = List.copyOf(members);
    }

    /** What keeps the panel from being formed, in words (none: it can be formed). */
    public List<String> problems() {
        List<PanelMember> sitting = sitting();
        List<String> problems = new ArrayList<>();
        if (sitting.stream().noneMatch(m -> m.role == PanelRole.CHAIR)) {
            problems.add("The panel has no chair");
        }
        if (sitting.size() < minimumSize) {
            problems.add("The panel has " + sitting.size() + " member" + (sitting.size() == 1 ? "" : "s")
                    + " not declined; it needs at least " + minimumSize);
        }
        sitting.stream().filter(m -> !m.clearance.isCleared()).forEach(m -> problems.add(m.name + " is not cleared of conflicts"));
        return problems;
    }

    /** What should be looked at, in words; it does not keep the panel from being formed. */
    public List<String> warnings() {
        return sitting().stream().anyMatch(m -> PanelMember.PATIENT_PUBLIC_VOICE.equals(m.profession)) ? List.of()
                : List.of("No patient and public voice member");
    }

    public boolean formed() {
        return problems().isEmpty();
    }

    /** The members who have not declined. */
    public List<PanelMember> sitting() {
        return members.stream().filter(m -> !m.declined()).toList();
    }
}

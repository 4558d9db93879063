package org.clinicalsenate.review.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report's panel table, declarations section and overrides, built from the review's records
 * (the panel, its meetings, who attended and what was declared), never typed again by hand.
 *
 * @param panel        every member who sat on the panel (not declined), with the meetings they attended
 * @param declarations every interest declared at the panel's meetings and how it was handled
 * @param overrides    every conflict the chair overrode, when the member joined or for one meeting
 */
public record ReportSections(List<Sitting> panel, List<Declared> declarations, List<Overridden> overrides) {

    public record Sitting(PanelMember member, int meetingsAttended) {
    }

    public record Declared(DeclarationAtMeeting declaration, String name, Instant meetingStartsAt) {
    }

    /** {@code meetingStartsAt} is null for an override made when the member joined the panel. */
    public record Overridden(UUID memberId, String name, Instant meetingStartsAt, Clearance clearance) {
    }

    public static ReportSections of(List<PanelMember> panel, Collection<Meeting> meetings,
            List<MeetingParticipant> participants, List<DeclarationAtMeeting> declarations) {
        Map<UUID, Meeting> meetingById = meetings.stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
        Map<UUID, String> names = panel.stream().collect(Collectors.toMap(m -> m.memberId, m -> m.name, (a, b) -> a));
        Map<UUID, Long> attended = participants.stream().filter(p -> p.attendance == Attendance.ATTENDED)
                .collect(Collectors.groupingBy(p -> p.memberId, Collectors.counting()));
        List<Sitting> sat = panel.stream().filter(m -> !m.declined())
                .map(m -> new Sitting(m, attended.getOrDefault(m.memberId, 0L).intValue())).toList();
        List<Declared> declared = declarations.stream()
                .map(d -> new Declared(d, names.getOrDefault(d.memberId, ""), meetingById.get(d.meetingId).startsAt))
                .toList();
        List<Overridden> overridden = new ArrayList<>();
        panel.stream().filter(m -> !m.declined() && m.clearance.overriddenAt != null)
                .forEach(m -> overridden.add(new Overridden(m.memberId, m.name, null, m.clearance)));
        participants.stream().filter(p -> p.clearance.overriddenAt != null)
                .forEach(p -> overridden.add(new Overridden(p.memberId, p.name, meetingById.get(p.meetingId).startsAt,
                        p.clearance)));
        return new ReportSections(sat, declared, overridden);
    }
}

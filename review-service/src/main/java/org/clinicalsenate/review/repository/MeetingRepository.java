package org.clinicalsenate.review.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import org.clinicalsenate.review.domain.DeclarationAtMeeting;
import org.clinicalsenate.review.domain.Meeting;
import org.clinicalsenate.review.domain.MeetingParticipant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Meetings, with their participants and declarations read in one query each for all of a request's meetings. */
@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    /** The request's meetings, earliest first (index {@code meeting_by_request}). */
    public List<Meeting> of(UUID adviceRequestId) {
        return list("adviceRequestId = ?1 order by startsAt, id", adviceRequestId);
    }

    public Optional<Meeting> of(UUID adviceRequestId, UUID meetingId) {
        return find("id = ?1 and adviceRequestId = ?2", meetingId, adviceRequestId).firstResultOptional();
    }

    /** The participants of the request's meetings (or of one meeting), in the panel's order of names. */
    public List<MeetingParticipant> participants(UUID adviceRequestId, UUID meetingId) {
        return ofMeetings(MeetingParticipant.class, "select p from MeetingParticipant p, Meeting m where p.meetingId = m.id",
                "order by p.role, p.name, p.memberId", adviceRequestId, meetingId);
    }

    /** The declarations made at the request's meetings (or at one meeting), in the order recorded. */
    public List<DeclarationAtMeeting> declarations(UUID adviceRequestId, UUID meetingId) {
        return ofMeetings(DeclarationAtMeeting.class, "select d from DeclarationAtMeeting d, Meeting m where d.meetingId = m.id",
                "order by d.recordedAt, d.id", adviceRequestId, meetingId);
    }

    /** Rows of the request's meetings, or of one of them when {@code meetingId} is not null. */
    private <T> List<T> ofMeetings(Class<T> type, String select, String order, UUID adviceRequestId, UUID meetingId) {
        TypedQuery<T> query = getEntityManager().createQuery(select + " and m.adviceRequestId = :request"
                + (meetingId == null ? " " : " and m.id = :meeting ") + order, type)
                .setParameter("request", adviceRequestId);
        return (meetingId == null ? query : query.setParameter("meeting", meetingId)).getResultList();
    }

    public Optional<MeetingParticipant> participant(UUID meetingId, UUID memberId) {
        return getEntityManager().createQuery("select p from MeetingParticipant p where p.meetingId = :meeting"
                + " and p.memberId = :member", MeetingParticipant.class)
                .setParameter("meeting", meetingId).setParameter("member", memberId)
                .getResultStream().findFirst();
    }

    public void persist(MeetingParticipant participant) {
        getEntityManager().persist(participant);
    }

    public void persist(DeclarationAtMeeting declaration) {
        getEntityManager().persist(declaration);
    }

    public Optional<DeclarationAtMeeting> declaration(UUID id) {
        return Optional.ofNullable(getEntityManager().find(DeclarationAtMeeting.class, id));
    }
}

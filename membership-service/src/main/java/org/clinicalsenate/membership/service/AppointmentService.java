package org.clinicalsenate.membership.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.clinicalsenate.commons.audit.AuditLog;
import org.clinicalsenate.commons.http.ETags;
import org.clinicalsenate.commons.page.Keyset;
import org.clinicalsenate.commons.page.Page;
import org.clinicalsenate.commons.problem.ProblemException;
import org.clinicalsenate.commons.security.Caller;
import org.clinicalsenate.membership.domain.Appointment;
import org.clinicalsenate.membership.domain.AppointmentBody;
import org.clinicalsenate.membership.domain.AppointmentRole;
import org.clinicalsenate.membership.domain.AppointmentRules;
import org.clinicalsenate.membership.domain.AppointmentStatus;
import org.clinicalsenate.membership.domain.Member;
import org.clinicalsenate.membership.domain.MemberAccess;
import org.clinicalsenate.membership.domain.Senate;
import org.clinicalsenate.membership.repository.AppointmentRepository;
import org.clinicalsenate.membership.repository.SenateRepository;

import io.quarkus.panache.common.Parameters;

/**
 * Nominating, approving and ending appointments under the senate's rules ({@link AppointmentRules}).
 * <p>
 * Two requests racing (say, approving two chairs of one council, or two overlapping terms of one
 * member) must not both pass the rules: each locks the member's row, and for a council chair the
 * senate's row, before reading what the rules need. Locks are always taken in the order
 * appointment, member, senate.
 */
@ApplicationScoped
@Transactional
public class AppointmentService {

    @Inject
    Clock clock;

    @Inject
    AppointmentRepository appointments;

    @Inject
    SenateRepository senates;

    @Inject
    MemberLookup members;

    @Inject
    MemberAccess access;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** What the service needs of a nomination (the contract's fields, as domain values). */
    public record Nomination(AppointmentBody body, AppointmentRole role, LocalDate termStart, LocalDate termEnd) {
    }

    public Appointment nominate(UUID memberId, Nomination nomination) {
        Member member = members.findForUpdate(memberId);
        access.requireMayAppoint(member, nomination.role());
        Appointment appointment = Appointment.nominate(member, nomination.body(), nomination.role(),
                nomination.termStart(), nomination.termEnd(), caller.subject(), Instant.now(clock));
        checkRules(appointment);
        appointments.persistAndFlush(appointment);
        audit.record("nominated", Appointment.ENTITY_TYPE, appointment.id.toString(), appointment.senate,
                snapshot(appointment));
        return appointment;
    }

    /** Approves a nomination after checking the senate's rules again. */
    public Appointment approve(UUID id, String ifMatch) {
        Appointment appointment = lockForChange(id, ifMatch);
        access.requireNotSelf(appointment.member, "approve an appointment of");
        appointment.status.requireMayMoveTo(AppointmentStatus.APPROVED);
        appointments.getEntityManager().refresh(appointment.member, LockModeType.PESSIMISTIC_WRITE);
        checkRules(appointment);
        Map<String, Object> before = snapshot(appointment);
        appointment.approve(caller.subject(), Instant.now(clock));
        return recordChange("approved", appointment, before);
    }

    /** Ends an approved appointment: ended, resigned or not renewed, with the last day of service. */
    public Appointment end(UUID id, String ifMatch, AppointmentStatus outcome, LocalDate lastDay, String reason) {
        Appointment appointment = lockForChange(id, ifMatch);
        Map<String, Object> before = snapshot(appointment);
        appointment.end(outcome, lastDay, reason, caller.subject(), Instant.now(clock));
        return recordChange("ended", appointment, before);
    }

    /** Withdraws a nomination that will not be approved; it no longer counts against the rules. */
    public Appointment withdraw(UUID id, String ifMatch, String reason) {
        Appointment appointment = lockForChange(id, ifMatch);
        Map<String, Object> before = snapshot(appointment);
        appointment.withdraw(reason, caller.subject(), Instant.now(clock));
        return recordChange("withdrawn", appointment, before);
    }

    /** The member themself, or their senate's admins; anyone else is told it does not exist. */
    @Transactional(TxType.SUPPORTS)
    public Appointment get(UUID id) {
        List<Appointment> found = appointments.list("from Appointment a join fetch a.member where a.id = ?1", id);
        if (found.isEmpty() || !access.isSelfOrManager(found.get(0).member)) {
            throw ProblemException.notFound("No appointment with id " + id);
        }
        return found.get(0);
    }

    /** The member's appointments, latest term first (then by id), keyset-paginated. */
    @Transactional(TxType.SUPPORTS)
    public Page<Appointment> listForMember(UUID memberId, Integer limit, String cursor) {
        members.visible(memberId);
        return Keyset.over(appointments, "appointments")
                .filter("member.id = :member", "member", memberId)
                .orderBy(Keyset.Order.DESCENDING, Keyset.key("termStart", LocalDate.class, (Appointment a) -> a.termStart),
                        Keyset.key("id", UUID.class, (Appointment a) -> a.id))
                .page(limit, cursor);
    }

    /**
     * The appointment, locked, once the caller may change it (403 otherwise: a chair needs
     * platform-admin) and their If-Match, when sent, is current (412 otherwise).
     */
    private Appointment lockForChange(UUID id, String ifMatch) {
        Appointment appointment = appointments.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (appointment == null) {
            throw ProblemException.notFound("No appointment with id " + id);
        }
        access.requireMayAppoint(appointment.member, appointment.role);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, appointment.version);
        }
        return appointment;
    }

    /** Reads what the rules need once the member (and, for a council chair, the senate) is locked. */
    private void checkRules(Appointment appointment) {
        Senate senate = senates.findById(appointment.senate,
                appointment.isCouncilChair() ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        List<Appointment> sameBody = appointments.list("member.id = ?1 and body = ?2", appointment.member.id,
                appointment.body);
        List<Appointment> councilChairs = !appointment.isCouncilChair() ? List.of() : appointments.list(
                "senate = :senate and body = :council and role = :chair and status in :served",
                Parameters.with("senate", appointment.senate).and("council", AppointmentBody.COUNCIL)
                        .and("chair", AppointmentRole.CHAIR).and("served", AppointmentStatus.SERVED));
        AppointmentRules.of(senate).check(appointment, sameBody, councilChairs);
    }

    private Appointment recordChange(String action, Appointment appointment, Map<String, Object> before) {
        audit.recordChanges(action, Appointment.ENTITY_TYPE, appointment.id.toString(), appointment.senate, before,
                snapshot(appointment));
        appointments.flush();
        return appointment;
    }

    private static Map<String, Object> snapshot(Appointment a) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("memberId", a.member.id.toString());
        values.put("body", a.body.value());
        values.put("role", a.role.value());
        values.put("termStart", a.termStart.toString());
        values.put("termEnd", a.termEnd.toString());
        values.put("status", a.status.value());
        values.put("approvedBy", a.approvedBy);
        values.put("endedOn", a.endedOn == null ? null : a.endedOn.toString());
        values.put("endReason", a.endReason);
        values.put("withdrawalReason", a.withdrawalReason);
        return values;
    }
}
